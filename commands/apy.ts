import { formatAge, formatAmount, formatBps, formatDepeg, formatNumber, formatPercent, formatPointsChange, formatRatio, formatWindow } from '../src/core/format.ts';
import { describeMissing, type Figure } from '../src/core/figure.ts';
import { DAY_SECONDS } from '../src/core/units.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, poolLabel, type Snapshot, type SourceView } from '../src/metrics/figures.ts';
import { ageCell } from './ageCell.ts';
import { assetNames, findSources } from './assetNames.ts';
import type { CommandContext, CommandDefinition } from './command.ts';
import { bold, type Block, type Inline, type Reply } from './reply.ts';

/** A figure, or why it is missing in words (for the detail view, where there is room). */
const explained = (f: Figure, format: (f: Figure) => string) => (f.ok ? format(f) : `— (${describeMissing(f.missing)})`);

function tableRow(view: SourceView, now: number): string[] | undefined {
  const f = view.figures;
  if (!f || f.kind === 'pool') return undefined;
  if (f.kind === 'sequencer') {
    return [view.label, formatPercent(f.nominalApy), formatPercent(f.realizedApy7d), formatPointsChange(f.nominalApyChange24h), `${formatAmount(f.totalLocked)} locked`, ageCell(view, now)];
  }
  if (f.kind === 'yield') {
    return [view.label, formatPercent(f.apy24h), formatPercent(f.apy7d), formatPointsChange(f.apyChange24h), `${formatAmount(f.tvl)} ${f.baseToken}`, ageCell(view, now)];
  }
  return [view.label, '—', '—', '—', `${formatAmount(f.supply)} supply`, ageCell(view, now)];
}

function overview(snapshot: Snapshot, now: number): Block[] {
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
        { header: '7d', align: 'right' },
        { header: 'Δ24h', align: 'right' },
        { header: 'TVL/supply', align: 'right' },
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
        `: nominal APR ${formatPercent(f.nominalApr)} (APY ${formatPercent(f.nominalApy)}, compounded daily) · realized APR 7d ${formatPercent(f.realizedApr7d)}, 30d ${formatPercent(f.realizedApr30d)} · L2 block ${formatNumber(f.blockTimeSeconds, 2)} s`,
      ],
    });
  }
  const spreads = snapshot.sources.flatMap((s) => (s.figures?.kind === 'yield' ? [`${s.label} ${formatPointsChange(s.figures.spreadOverBase)}`] : []));
  if (spreads.length > 0) blocks.push({ kind: 'paragraph', parts: [bold('Spread over sequencer APY'), `: ${spreads.join(' · ')}`] });
  const pools = snapshot.sources.flatMap((s) => (s.figures?.kind === 'pool' ? [`${poolLabel(s.label, s.figures)} ${formatNumber(s.figures.price, 4)} (${formatDepeg(s.figures)})`] : []));
  if (pools.length > 0) blocks.push({ kind: 'paragraph', parts: [bold('Pools'), `: ${pools.join(' · ')}`] });
  if (snapshot.tower.leverage.ok) {
    blocks.push({ kind: 'paragraph', parts: [bold('Tower leverage'), `: ${formatRatio(snapshot.tower.leverage, 3)} of ${formatAmount(snapshot.tower.base)} ${snapshot.tower.baseToken} locked`] });
  }
  blocks.push({
    kind: 'note',
    text: 'APY now: sequencer nominal APY (daily compounding), wrappers 24 h share-price growth, annualised. 7d: sequencer realized APY (7 d of rewards paid, daily compounding), wrappers 7 d APY. Δ24h in percentage points. age: since the last good read (⚠ stale). /apy <asset> for details.',
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
  if (!f) items.push(['No figures yet.']);
  else if (f.kind === 'sequencer') {
    items.push(
      ['Nominal APR: ', bold(explained(f.nominalApr, formatPercent)), ` (APY ${formatPercent(f.nominalApy)} compounded daily; Δ24h ${formatPointsChange(f.nominalApyChange24h)})`],
      ['Realized APR 7d: ', explained(f.realizedApr7d, formatPercent), ' · 30d: ', explained(f.realizedApr30d, formatPercent)],
      [`Reward per L2 block: ${formatNumber(f.rewardPerBlock, 6)} METIS · L2 block time ${formatNumber(f.blockTimeSeconds, 3)} s`],
      [`Locked: ${formatAmount(f.totalLocked)} METIS · exit delay ${f.exitDelaySeconds.ok ? formatAge(f.exitDelaySeconds.value) : '—'}`],
    );
  } else if (f.kind === 'yield') {
    items.push(
      ['APY 24h: ', bold(explained(f.apy24h, formatPercent)), ' · 7d: ', explained(f.apy7d, formatPercent), ' · 30d: ', explained(f.apy30d, formatPercent)],
      [`Δ24h of the 24h APY: ${formatPointsChange(f.apyChange24h)} · spread over sequencer APY: ${formatPointsChange(f.spreadOverBase)}`],
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
  description: 'APY of the sequencer and each LST/LRT: now, 7 d, change over 24 h, TVL, data age',
  options: [
    {
      name: 'asset',
      description: 'Source or token, e.g. seMetis',
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
