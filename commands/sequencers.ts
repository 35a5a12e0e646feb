import { formatAge, formatAmount, formatPercent } from '../src/core/format.ts';
import { DAY_SECONDS } from '../src/core/units.ts';
import type { SequencerRow, SequencersView } from '../src/figures/sequencersViewTypes.ts';
import type { Snapshot } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import { resolveSequencer } from './resolveSequencer.ts';
import type { CommandDefinition } from './command.ts';
import { bold, type Block, type Reply } from '../src/vocabulary/reply.ts';

/** A unix time (seconds) as its UTC date. */
const utcDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** What the status column says: active, exiting until the date its exit can be claimed, exited. */
export function statusText(row: SequencerRow): string {
  if (row.status === 'exiting') return row.unlockClaimTime === undefined ? 'exiting' : `exiting until ${utcDate(row.unlockClaimTime)}`;
  return row.status;
}


const sourceAge = (snapshot: Snapshot, view: SequencersView, now: number) => {
  const source = snapshot.sources.find((s) => s.id === view.sourceId);
  return source ? ageCell(source, now) : 'never';
};

function overview(snapshot: Snapshot, view: SequencersView, now: number): Block[] {
  const epochCell = (row: SequencerRow) => (row.signsEpoch === undefined ? '—' : row.signsEpoch ? 'signing' : '');
  const blocks: Block[] = [
    { kind: 'title', text: 'Sequencers' },
    {
      kind: 'table',
      columns: [
        { header: '#', align: 'right' },
        { header: 'sequencer', align: 'left' },
        { header: 'status', align: 'left' },
        { header: 'locked', align: 'right' },
        { header: 'of base', align: 'right' },
        { header: 'income 7d', align: 'right' },
        { header: 'APR 7d', align: 'right' },
        { header: 'income 30d', align: 'right' },
        { header: 'APR 30d', align: 'right' },
        { header: 'L2 epoch', align: 'left' },
      ],
      rows: view.rows.map((r) => [
        String(r.seqId),
        r.lst === undefined ? r.name : `${r.name} (${r.lst})`,
        statusText(r),
        formatAmount(r.locked),
        formatPercent(r.share, 1),
        formatAmount(r.income7d),
        formatPercent(r.apr7d),
        formatAmount(r.income30d),
        formatPercent(r.apr30d),
        epochCell(r),
      ]),
    },
  ];
  const items = [
    [bold(`${view.activeCount} active`), ` of ${view.rows.length} sequencers; ${formatAmount(view.base)} METIS locked (the base)`],
    ...(view.largestOperator ? [[bold('Largest operator'), `: ${view.largestOperator.name} with ${formatPercent(view.largestOperator.share, 1)} of the base`]] : []),
    ...view.protocols.map((p) => [
      bold(`${p.protocol} runs ${formatPercent(p.share, 1)} of the base`),
      ` (${p.sequencers} sequencer${p.sequencers === 1 ? '' : 's'}, ${formatAmount(p.locked)} METIS)`,
      ...(p.claims.length > 0 ? [`; ${p.claims.map((c) => `${c.token} claims are ${formatPercent(c.ofBase, 1)} of the base`).join(', ')}`] : []),
    ]),
    [bold('LST-run'), ` ${formatPercent(view.lstShare, 1)} · `, bold('independent'), ` ${formatPercent(view.independentShare, 1)} of the base`],
    ...(view.epoch ? [[bold('L2 epoch'), ` ${view.epoch.number}: signed by ${view.rows.find((r) => r.signer.toLowerCase() === view.epoch!.signer.toLowerCase())?.name ?? view.epoch.signer}`]] : []),
  ];
  blocks.push({ kind: 'list', items });
  blocks.push({
    kind: 'note',
    text:
      'Income: growth of the unclaimed reward plus claims over the trailing 7 d / 30 d of stored reads; APR = income ÷ the METIS it locks now × year ÷ window (realized, not compounded). ' +
      'Share of the base: locked ÷ totalLocked (exiting sequencers count until their exit is claimed). Operators are grouped by protocol where the config names one; the bot cannot see who deposited into an LST. ' +
      `/sequencers <name or id> for one sequencer. Data age: ${sourceAge(snapshot, view, now)}.`,
  });
  return blocks;
}

const EVENT_WORDS: Readonly<Record<SequencerRow['events'][number]['name'], string>> = {
  Locked: 'locked',
  Relocked: 'relocked (added)',
  LockUpdate: 'lock now',
  ClaimRewards: 'claimed reward',
  UnlockInit: 'started exit of',
  Unlocked: 'withdrew',
};

function detail(snapshot: Snapshot, view: SequencersView, row: SequencerRow, now: number): Block[] {
  const nowSeconds = now / 1000;
  const exit =
    row.status === 'exiting' && row.unlockClaimTime !== undefined
      ? row.unlockClaimTime <= nowSeconds
        ? `claimable since ${utcDate(row.unlockClaimTime)}`
        : `claimable from ${utcDate(row.unlockClaimTime)} (in ${formatAge(row.unlockClaimTime - nowSeconds)})`
      : undefined;
  const blocks: Block[] = [
    { kind: 'title', text: `Sequencer ${row.name}` },
    {
      kind: 'list',
      items: [
        [bold('Id'), ` ${row.seqId}`, ...(row.lst === undefined ? [] : [` · run by ${row.lst}`])],
        [bold('Status'), ` ${statusText(row)}`, ...(exit ? [`; exit ${exit}`] : [])],
        [bold('Locked'), ` ${formatAmount(row.locked)} METIS, ${formatPercent(row.share, 2)} of the base`],
        [bold('Unclaimed reward'), ` ${formatAmount(row.unclaimed)} METIS`],
        [bold('Income'), ` 7d ${formatAmount(row.income7d)} METIS (APR ${formatPercent(row.apr7d)}) · 30d ${formatAmount(row.income30d)} METIS (APR ${formatPercent(row.apr30d)})`],
        [bold('L2 epoch'), row.signsEpoch === undefined ? ' unknown' : row.signsEpoch ? ` signs epoch ${view.epoch?.number ?? ''}`.trimEnd() : ' not signing the current epoch'],
        [bold('Owner'), ` ${row.owner}`],
        [bold('Signer'), ` ${row.signer}`],
      ],
    },
  ];
  if (row.events.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'date', align: 'left' },
        { header: 'event', align: 'left' },
        { header: 'METIS', align: 'right' },
      ],
      rows: row.events.map((e) => [
        utcDate(e.time),
        e.name === 'UnlockInit' && e.unlockClaimTime !== undefined ? `${EVENT_WORDS[e.name]} (claimable ${utcDate(e.unlockClaimTime)})` : EVENT_WORDS[e.name],
        formatAmount(e.amount),
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', parts: ['No lock, unlock or claim event in the stored history.'] });
  }
  const days = row.dailyIncome.filter((d) => d.income.ok);
  if (days.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'day to', align: 'left' },
        { header: 'reward', align: 'right' },
      ],
      rows: days.map((d) => [utcDate(d.day + DAY_SECONDS), formatAmount(d.income)]),
    });
  } else {
    blocks.push({ kind: 'paragraph', parts: ['Reward per day: not enough history yet (needs reads a day apart).'] });
  }
  blocks.push({ kind: 'note', text: `Reward per day: growth of the unclaimed reward plus claims over each 24 h before the last read, last 30 days. Data age: ${sourceAge(snapshot, view, now)}.` });
  return blocks;
}

/**
 * `/sequencers [name or id]`: every sequencer of the LockingPool with its status, share of the base, income
 * and L2 epoch signing; who runs the base (largest operator, each LST protocol beside its claims). With a name
 * or id, that sequencer in detail. Reads only the snapshot.
 */
export const sequencersCommand: CommandDefinition = {
  name: 'sequencers',
  options: [
    {
      name: 'sequencer',
      type: 'string',
      parseText: (raw) => raw,
      suggestions: (context) => context.snapshot().sequencers?.rows.map((r) => r.name) ?? [],
      expected: 'a sequencer name, id or address',
    },
  ],
  usage: '/sequencers [name or id]',
  run(args, context): Reply {
    const snapshot = context.snapshot();
    const view = snapshot.sequencers;
    const now = context.now();
    if (!view) return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['No sequencer has been read yet.'] }] };
    if (args.sequencer === undefined) return { kind: 'answer', blocks: overview(snapshot, view, now) };
    const query = String(args.sequencer);
    const found = resolveSequencer(view, query);
    return 'reply' in found ? found.reply : { kind: 'answer', blocks: detail(snapshot, view, found.row, now) };
  },
};
