import { english } from '../src/i18n/translator.ts';
import { isPoolKind } from '../src/config/poolKinds.ts';
import { formatAge, formatAmount, formatBps, formatDays, formatDepeg, formatNumber, formatPercent, formatPointsChange, formatRatio, formatWindow, spanNote } from '../src/core/format.ts';
import { describeMissing, type Figure } from '../src/core/figure.ts';
import { DAY_SECONDS } from '../src/core/units.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, poolLabel, type Snapshot, type SourceView } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import { assetNames, findSources } from './assetNames.ts';
import type { CommandContext, CommandDefinition } from './command.ts';
import { bold, type Block, type Inline, type Reply } from '../src/vocabulary/reply.ts';

/** A figure, or why it is missing in words (for the detail view, where there is room). */
const explained = (f: Figure, format: (f: Figure) => string) => (f.ok ? format(f) : `— (${describeMissing(english, f.missing)})`);

/** A trailing window as replies name it: 24 h, 7 d, 30 d. */
const windowTag = (seconds: number) => (seconds === DAY_SECONDS ? '24 h' : `${seconds / DAY_SECONDS} d`);

/** An APY with the real span of history it covers, when that differs from the window's name by more than 10 %. */
function withSpan(f: Figure, windowSeconds: number, span: number | undefined): string {
  const note = f.ok ? spanNote(english, windowSeconds, span) : undefined;
  return note === undefined ? formatPercent(f) : `${formatPercent(f)} (${note})`;
}

function tableRow(view: SourceView, now: number): string[] | undefined {
  const f = view.figures;
  if (!f || f.kind === 'pool') return undefined;
  if (f.kind === 'sequencer') {
    // Now: what the contract promises (nominal). 7 d: what it paid (realized). Both compounded daily, so both APY.
    return [view.label, `${formatPercent(f.nominalApy)} nominal`, formatPercent(f.realizedApy7d), formatPointsChange(f.nominalApyChange24h), `${formatAmount(f.totalLocked)} METIS`, ageCell(view, now)];
  }
  if (f.kind === 'yield') {
    const span = f.apy24h.ok ? spanNote(english, DAY_SECONDS, f.spans?.apy24h) : undefined;
    const now24h = `${formatPercent(f.apy24h)} 24 h${span === undefined ? '' : ` (${span})`}`;
    return [view.label, now24h, withSpan(f.apy7d, 7 * DAY_SECONDS, f.spans?.apy7d), formatPointsChange(f.apyChange24h), `${formatAmount(f.tvl)} ${f.baseToken}`, ageCell(view, now)];
  }
  return [view.label, '—', '—', '—', `${formatAmount(f.supply)} ${view.token ?? ''}`.trimEnd(), ageCell(view, now)];
}

/** A pool in the overview: price and depeg, and why a depeg is missing (its TWAP, or no fair value). */
function poolText(view: SourceView): string {
  const f = view.figures;
  if (f?.kind !== 'pool') return `${view.label} not read yet`;
  // The first reason a depeg shows '—': the TWAP itself, else the depeg (no fair value for the quote, say).
  const missingWhy = f.twapSeconds !== undefined && !f.twapPrice.ok ? f.twapPrice.missing : !f.depegBps.ok ? f.depegBps.missing : undefined;
  const why = missingWhy === undefined ? '' : `: ${describeMissing(english, missingWhy)}`;
  return `${poolLabel(view.label, f)} ${formatNumber(f.price, 4)} (${formatDepeg(english, f)}${why})`;
}

/** With no figure at all (first start, or every RPC failing) an empty table would say nothing: say why, and where to look. */
function noFigures(snapshot: Snapshot): Block[] {
  const why = snapshot.lastCycle === undefined ? 'the first poll cycle has not finished yet' : 'no source has been read successfully yet (every read failed)';
  return [
    { kind: 'title', text: 'Metis yields' },
    { kind: 'paragraph', parts: [`No figures yet: ${why}. `, bold('/status'), ' shows each source, its last error and the RPC endpoints.'] },
  ];
}

function overview(snapshot: Snapshot, now: number): Block[] {
  if (!snapshot.sources.some((s) => s.figures !== undefined)) return noFigures(snapshot);
  const rows = snapshot.sources.flatMap((s) => {
    const row = tableRow(s, now);
    return row ? [row] : [];
  });
  const blocks: Block[] = [
    { kind: 'title', text: 'Metis yields' },
    {
      kind: 'table',
      columns: [
        { header: 'source', align: 'left' },
        { header: 'APY now', align: 'right' },
        { header: 'APY 7 d', align: 'right' },
        { header: 'Δ24h', align: 'right' },
        { header: 'TVL', align: 'right' },
        { header: 'age', align: 'right' },
      ],
      rows,
    },
  ];
  const sequencer = snapshot.sources.find((s) => s.figures?.kind === 'sequencer');
  if (sequencer?.figures?.kind === 'sequencer') {
    const f = sequencer.figures;
    blocks.push({
      kind: 'paragraph',
      parts: [
        bold('Sequencer'),
        `: nominal APR ${formatPercent(f.nominalApr)} (APY ${formatPercent(f.nominalApy)}, compounded daily) · realized APR 7 d ${formatPercent(f.realizedApr7d)} (APY ${formatPercent(f.realizedApy7d)}), 30 d ${formatPercent(f.realizedApr30d)} · L2 block ${formatNumber(f.blockTimeSeconds, 2)} s`,
      ],
    });
  }
  const spreads = snapshot.sources.flatMap((s) =>
    s.figures?.kind === 'yield' ? [`${s.label} ${formatPointsChange(s.figures.spreadOverBase)} (${windowTag(s.figures.spreadWindowSeconds ?? 7 * DAY_SECONDS)} APY)`] : [],
  );
  if (spreads.length > 0) blocks.push({ kind: 'paragraph', parts: [bold('Spread over the sequencer\'s nominal APY'), `: ${spreads.join(' · ')}`] });
  const pools = snapshot.sources.filter((s) => isPoolKind(s.kind)).map(poolText);
  if (pools.length > 0) blocks.push({ kind: 'paragraph', parts: [bold('Pools'), `: ${pools.join(' · ')}`] });
  if (snapshot.tower.leverage.ok) {
    blocks.push({ kind: 'paragraph', parts: [bold('Tower leverage'), `: ${formatRatio(snapshot.tower.leverage, 3)} of ${formatAmount(snapshot.tower.base)} ${snapshot.tower.baseToken} locked`] });
  }
  blocks.push({
    kind: 'note',
    text:
      'APY now: the sequencer\'s nominal APY (what the contract pays now, its APR compounded daily); a wrapper\'s 24 h APY from share-price growth. ' +
      'APY 7 d, realized: rewards paid over 7 d (sequencer, compounded daily) or 7 d of share-price growth. A window measured over more history than its name says so ("over 31 h"). ' +
      'Δ24h: change of APY now over 24 h, in percentage points. TVL in each row\'s token. age: since the last good read (⚠ stale). /apy <asset> for details.',
  });
  return blocks;
}

/** The block's own age beside the read's, while the chain had stopped. */
function blockAgeNote(view: SourceView, now: number): string {
  const blockAge = blockAgeSeconds(view, now);
  return blockAge === undefined ? '' : `; the chain has made no block since, so the block is ${formatAge(blockAge)} old`;
}

function details(view: SourceView, now: number): Block[] {
  const f = view.figures;
  const age = dataAgeSeconds(view, now);
  const read = view.lastRead
    ? `block ${view.lastRead.blockNumber} on chain ${view.chainId}, ${formatAge(age ?? 0)} ago${isStale(view, now) ? ' (stale)' : ''}${blockAgeNote(view, now)}`
    : 'never read';
  const items: Inline[][] = [];
  if (!f) items.push(['No figures yet: not read successfully. ', bold('/status'), ' shows its last error.']);
  else if (f.kind === 'sequencer') {
    items.push(
      ['Nominal APR: ', bold(explained(f.nominalApr, formatPercent)), ` (APY ${formatPercent(f.nominalApy)} compounded daily; Δ24h ${formatPointsChange(f.nominalApyChange24h)})`],
      ['Realized APR 7 d: ', explained(f.realizedApr7d, formatPercent), f.realizedApy7d.ok ? ` (APY ${formatPercent(f.realizedApy7d)})` : '', ' · 30 d: ', explained(f.realizedApr30d, formatPercent)],
      [`Reward per L2 block: ${formatNumber(f.rewardPerBlock, 6)} METIS · L2 block time ${formatNumber(f.blockTimeSeconds, 3)} s`],
      [`Locked: ${formatAmount(f.totalLocked)} METIS · exit delay ${f.exitDelaySeconds.ok ? formatDays(english, f.exitDelaySeconds.value) : '—'}`],
    );
  } else if (f.kind === 'yield') {
    items.push(
      [
        'APY 24 h: ',
        bold(explained(f.apy24h, (x) => withSpan(x, DAY_SECONDS, f.spans?.apy24h))),
        ' · 7 d: ',
        explained(f.apy7d, (x) => withSpan(x, 7 * DAY_SECONDS, f.spans?.apy7d)),
        ' · 30 d: ',
        explained(f.apy30d, (x) => withSpan(x, 30 * DAY_SECONDS, f.spans?.apy30d)),
      ],
      [
        `Δ24h of the 24 h APY: ${formatPointsChange(f.apyChange24h)} · spread of the ${windowTag(f.spreadWindowSeconds ?? 7 * DAY_SECONDS)} APY over the sequencer's nominal APY: ${formatPointsChange(f.spreadOverBase)}`,
      ],
      [`Rate: 1 ${view.token ?? view.id} = ${formatNumber(f.rate, 6)} ${f.baseToken}`],
      [`TVL: ${formatAmount(f.tvl)} ${f.baseToken} · supply ${formatAmount(f.supply)}`],
    );
  } else if (f.kind === 'pool') {
    const inQuote = (x: Figure) => `${formatNumber(x, 6)} ${f.quote}`;
    items.push(
      [`Price: `, bold(inQuote(f.price)), ` per ${f.asset}${f.twapSeconds === undefined ? '' : ' (spot)'}`],
      [`Fair value: ${explained(f.fairValue, inQuote)} · ${f.twapSeconds === undefined ? '' : 'spot '}depeg ${explained(f.depegBps, formatBps)}`],
    );
    if (f.stableCurve) items.push(['Stable pair: priced on its curve x³y + xy³ = k (the marginal price), not the reserve ratio']);
    if (f.twapSeconds !== undefined) {
      items.push([`${formatWindow(f.twapSeconds)} TWAP: ${explained(f.twapPrice, inQuote)}${f.twapPrice.ok ? ` · depeg ${explained(f.twapDepegBps, formatBps)}` : ''}`]);
    } else if (!f.twapPrice.ok && f.twapPrice.missing === 'twap-off') {
      items.push([`TWAP: ${explained(f.twapPrice, inQuote)}; depeg alerts use spot`]);
    }
  } else {
    items.push([`Supply: ${formatAmount(f.supply)}`]);
  }
  items.push([`Data: ${read}`]);
  if (view.lastError) items.push([`Last error: ${view.lastError.message}`]);
  const note =
    f?.kind === 'yield'
      ? `APY from the growth of the share price over each trailing window (${DAY_SECONDS / 3600} h, 7 d, 30 d of block time), annualised with compounding.`
      : f?.kind === 'sequencer'
        ? 'Nominal: rewardPerBlock × L2 blocks per year ÷ METIS locked. Realized: rewards distributed in the window, annualised.'
        : f?.kind === 'pool' && f.twapSeconds !== undefined
          ? 'Depeg in basis points: price ÷ fair value − 1; negative trades below fair. Depeg alerts use the TWAP (the pool oracle’s time-weighted price) while it is available, else spot.'
          : 'Depeg in basis points: price ÷ fair value − 1; negative trades below fair.';
  return [{ kind: 'title', text: f?.kind === 'pool' ? poolLabel(view.label, f) : view.label }, { kind: 'list', items }, { kind: 'note', text: note }];
}

/** `/apy [asset]`: the yield table, or one source in detail. */
export const apyCommand: CommandDefinition = {
  name: 'apy',
  options: [
    {
      name: 'asset',
      type: 'string',
      choices: (context: CommandContext) => assetNames(context.snapshot()),
    },
  ],
  run(args, context): Reply {
    const snapshot = context.snapshot();
    const now = context.now();
    if (typeof args.asset !== 'string') return { kind: 'answer', blocks: overview(snapshot, now) };
    return { kind: 'answer', blocks: findSources(snapshot, args.asset).flatMap((view) => details(view, now)) };
  },
};
