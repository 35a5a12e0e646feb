import { formatAge, formatAmount, formatPercent } from '../src/core/format.ts';
import { DAY_SECONDS } from '../src/core/units.ts';
import type { SequencerRow, SequencersView } from '../src/figures/sequencersViewTypes.ts';
import type { Snapshot } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import { resolveSequencer } from './resolveSequencer.ts';
import { sequencerDetailButtons, sequencerPicker } from './sequencerButtons.ts';
import { translatorOf, type CommandDefinition } from './command.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { bold, type Block, type Reply } from '../src/vocabulary/reply.ts';

/** A unix time (seconds) as its UTC date. */
const utcDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** What the status column says: active, exiting until the date its exit can be claimed, exited. */
export function statusText(t: Translator, row: SequencerRow): string {
  if (row.status === 'exiting' && row.unlockClaimTime !== undefined) return t('sequencers-exiting-until', { date: utcDate(row.unlockClaimTime) });
  return t(`sequencers-status-${row.status}`);
}


const sourceAge = (t: Translator, snapshot: Snapshot, view: SequencersView, now: number) => {
  const source = snapshot.sources.find((s) => s.id === view.sourceId);
  return source ? ageCell(source, now, t) : t('age-never');
};

function overview(t: Translator, snapshot: Snapshot, view: SequencersView, now: number): Block[] {
  const epochCell = (row: SequencerRow) => (row.signsEpoch === undefined ? '—' : row.signsEpoch ? t('sequencers-signing') : '');
  const blocks: Block[] = [
    { kind: 'title', text: t('sequencers-title') },
    {
      kind: 'table',
      columns: [
        { header: '#', align: 'right' },
        { header: t('sequencers-col-sequencer'), align: 'left' },
        { header: t('sequencers-col-status'), align: 'left' },
        { header: t('sequencers-col-locked'), align: 'right' },
        { header: t('sequencers-col-of-base'), align: 'right' },
        { header: t('sequencers-col-income-7d'), align: 'right' },
        { header: t('sequencers-col-apr-7d'), align: 'right' },
        { header: t('sequencers-col-income-30d'), align: 'right' },
        { header: t('sequencers-col-apr-30d'), align: 'right' },
        { header: t('sequencers-col-epoch'), align: 'left' },
      ],
      rows: view.rows.map((r) => [
        String(r.seqId),
        r.lst === undefined ? r.name : `${r.name} (${r.lst})`,
        statusText(t, r),
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
    [bold(t('sequencers-active', { active: String(view.activeCount) })), t('sequencers-active-rest', { total: String(view.rows.length), base: formatAmount(view.base) })],
    ...(view.largestOperator ? [[bold(t('sequencers-largest')), t('sequencers-largest-rest', { name: view.largestOperator.name, share: formatPercent(view.largestOperator.share, 1) })]] : []),
    ...view.protocols.map((p) => [
      bold(t('sequencers-protocol-runs', { protocol: p.protocol, share: formatPercent(p.share, 1) })),
      t('sequencers-protocol-rest', { count: p.sequencers, number: String(p.sequencers), locked: formatAmount(p.locked) }),
      ...(p.claims.length > 0 ? [t('sequencers-protocol-claims', { claims: p.claims.map((c) => t('sequencers-claim', { token: c.token, share: formatPercent(c.ofBase, 1) })).join(', ') })] : []),
    ]),
    [bold(t('sequencers-lst-run')), ` ${formatPercent(view.lstShare, 1)} · `, bold(t('sequencers-independent')), t('sequencers-of-base', { share: formatPercent(view.independentShare, 1) })],
    ...(view.epoch ? [[bold(t('sequencers-epoch')), t('sequencers-epoch-signed', { epoch: String(view.epoch.number), signer: view.rows.find((r) => r.signer.toLowerCase() === view.epoch!.signer.toLowerCase())?.name ?? view.epoch.signer })]] : []),
  ];
  blocks.push({ kind: 'list', items });
  blocks.push({
    kind: 'note',
    text: t('sequencers-note', { age: sourceAge(t, snapshot, view, now) }),
  });
  return blocks;
}

/** The message of each event's words. */
const EVENT_WORDS: Readonly<Record<SequencerRow['events'][number]['name'], string>> = {
  Locked: 'sequencers-event-locked',
  Relocked: 'sequencers-event-relocked',
  LockUpdate: 'sequencers-event-lock-update',
  ClaimRewards: 'sequencers-event-claim',
  UnlockInit: 'sequencers-event-unlock-init',
  Unlocked: 'sequencers-event-unlocked',
};

/** Whether the sequencer signs the current L2 epoch, after its bold label. */
function epochWords(t: Translator, row: SequencerRow, view: SequencersView): string {
  if (row.signsEpoch === undefined) return t('sequencers-epoch-unknown');
  if (!row.signsEpoch) return t('sequencers-epoch-not-signing');
  return view.epoch === undefined ? t('sequencers-epoch-signs-current') : t('sequencers-epoch-signs', { epoch: String(view.epoch.number) });
}

function detail(t: Translator, snapshot: Snapshot, view: SequencersView, row: SequencerRow, now: number): Block[] {
  const nowSeconds = now / 1000;
  const exit =
    row.status === 'exiting' && row.unlockClaimTime !== undefined
      ? row.unlockClaimTime <= nowSeconds
        ? t('sequencers-claimable-since', { date: utcDate(row.unlockClaimTime) })
        : t('sequencers-claimable-from', { date: utcDate(row.unlockClaimTime), wait: formatAge(row.unlockClaimTime - nowSeconds) })
      : undefined;
  const blocks: Block[] = [
    { kind: 'title', text: t('sequencers-detail-title', { name: row.name }) },
    {
      kind: 'list',
      items: [
        [bold(t('sequencers-id')), ` ${row.seqId}`, ...(row.lst === undefined ? [] : [t('sequencers-run-by', { lst: row.lst })])],
        [bold(t('sequencers-status')), ` ${statusText(t, row)}`, ...(exit ? [t('sequencers-exit', { exit })] : [])],
        [bold(t('sequencers-locked')), t('sequencers-locked-rest', { locked: formatAmount(row.locked), share: formatPercent(row.share, 2) })],
        [bold(t('sequencers-unclaimed')), ` ${formatAmount(row.unclaimed)} METIS`],
        [bold(t('sequencers-income')), t('sequencers-income-rest', { income7d: formatAmount(row.income7d), apr7d: formatPercent(row.apr7d), income30d: formatAmount(row.income30d), apr30d: formatPercent(row.apr30d) })],
        [bold(t('sequencers-epoch')), epochWords(t, row, view)],
        [bold(t('sequencers-owner')), ` ${row.owner}`],
        [bold(t('sequencers-signer')), ` ${row.signer}`],
      ],
    },
  ];
  if (row.events.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('sequencers-col-date'), align: 'left' },
        { header: t('sequencers-col-event'), align: 'left' },
        { header: 'METIS', align: 'right' },
      ],
      rows: row.events.map((e) => [
        utcDate(e.time),
        e.name === 'UnlockInit' && e.unlockClaimTime !== undefined ? t('sequencers-event-claimable', { event: t(EVENT_WORDS[e.name]), date: utcDate(e.unlockClaimTime) }) : t(EVENT_WORDS[e.name]),
        formatAmount(e.amount),
      ]),
    });
  } else {
    blocks.push({ kind: 'paragraph', parts: [t('sequencers-no-events')] });
  }
  const days = row.dailyIncome.filter((d) => d.income.ok);
  if (days.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('sequencers-col-day-to'), align: 'left' },
        { header: t('sequencers-col-reward'), align: 'right' },
      ],
      rows: days.map((d) => [utcDate(d.day + DAY_SECONDS), formatAmount(d.income)]),
    });
  } else {
    blocks.push({ kind: 'paragraph', parts: [t('sequencers-no-daily')] });
  }
  blocks.push({ kind: 'note', text: t('sequencers-detail-note', { age: sourceAge(t, snapshot, view, now) }) });
  return blocks;
}

/**
 * `/sequencers [name or id]`: every sequencer of the LockingPool with its status, share of the base, income
 * and L2 epoch signing; who runs the base (largest operator, each LST protocol beside its claims). With a name
 * or id, that sequencer in detail. A button per sequencer under the list; back and its chart under a detail.
 * Reads only the snapshot.
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
    const t = translatorOf(context);
    const snapshot = context.snapshot();
    const view = snapshot.sequencers;
    const now = context.now();
    if (!view) return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t('sequencers-none')] }] };
    if (args.sequencer === undefined) return { kind: 'answer', blocks: overview(t, snapshot, view, now), controls: sequencerPicker(t, view) };
    const query = String(args.sequencer);
    const found = resolveSequencer(view, query, t);
    return 'reply' in found ? found.reply : { kind: 'answer', blocks: detail(t, snapshot, view, found.row, now), controls: sequencerDetailButtons(t, found.row) };
  },
};
