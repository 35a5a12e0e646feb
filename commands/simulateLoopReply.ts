import { exitTakes, type ExitTake } from '../src/core/exitTakes.ts';
import { figure } from '../src/core/figure.ts';
import { formatNumber, formatQuantity, formatRatio } from '../src/core/format.ts';
import { describeHorizon } from '../src/core/horizon.ts';
import { rankByFinal, stakeApy, type LoopPlan } from '../src/core/simulateModel.ts';
import { poolLabel, type Snapshot } from '../src/figures/figures.ts';
import { bold, type Block, type Inline, type Reply } from '../src/vocabulary/reply.ts';
import type { LoopSettings, SimulateSettings } from './simulateSettings.ts';
import { decimalsFor, money, outcomeTable, pct, PROJECTION_NOTE, stressDropsText, stressTable, type SimulateRow } from './simulateTables.ts';

/** What each pool that swaps the token into the debt could take at 1 % and 5 % slippage, one line per pool. */
function exitLines(snapshot: Snapshot, row: SimulateRow, positionInBase: number, base: string): Inline[][] {
  const token = row.view.token ?? row.view.label;
  const pools = snapshot.sources.flatMap((s) => (s.figures?.kind === 'pool' ? [{ label: poolLabel(s.label, s.figures), pool: s.figures }] : []));
  const exits = exitTakes({ token, debt: base, parLinks: snapshot.parLinks ?? new Map(), pools: pools.map((p) => p.pool), positionInBase });
  if (exits.length === 0) return [[`Exit: no pool swaps ${token} into ${base}: an exit means redeeming through the protocol, with its delay.`]];
  return exits.map(({ index, paysIn, at1pct, at5pct }) => {
    const { label, pool } = pools[index]!;
    const at = (take: ExitTake | undefined, p: string) => {
      if (!take) return `— at ${p}`;
      const share = take.ofPosition === undefined ? '' : take.ofPosition >= 1 ? ' (all of the position)' : ` (${pct(take.ofPosition)} of the position)`;
      return `${money(take.amount)} ${pool.asset} at ${p}${share}`;
    };
    const unwrap = paysIn === undefined ? '' : ` (${paysIn} is 1:1 with ${base})`;
    return [`Exit: ${label}${unwrap} takes ${at(at1pct, '1 % slippage')} and ${at(at5pct, '5 %')}.`];
  });
}

function loopDetails(snapshot: Snapshot, row: SimulateRow, s: SimulateSettings, loop: LoopSettings, plan: LoopPlan, base: string): Block[] {
  const { rate } = row;
  const title: Block = { kind: 'paragraph', parts: [bold(row.view.label)] };
  if (rate.kind === 'missing') return [title, { kind: 'list', items: [[`No rate yet (${rate.why}).`]] }];
  const { exposure, liquidation } = plan;
  const stake = stakeApy(rate, s.compound, 0);
  const net = row.outcomes?.[0]?.apy ?? 0;
  const token = row.view.token ?? row.view.label;
  const lt = formatNumber(figure(loop.liquidationThreshold), 2);
  const liquidationLine: Inline[] =
    liquidation.depeg === undefined
      ? ['No debt: nothing to liquidate.']
      : liquidation.immediate
        ? [bold('Liquidatable at once'), `: debt/collateral ${formatNumber(figure(liquidation.debtRatio), 3)} is at or above the threshold ${lt}.`]
        : ['Liquidated if ', bold(`${token} falls ${pct(liquidation.depeg)}`), ` against the borrowed ${base} (threshold ${lt}).`];
  return [
    title,
    {
      kind: 'list',
      items: [
        [`Exposure ${formatRatio(figure(exposure), 3)}: ${money(plan.staked, decimalsFor(s.amount))} ${base} staked, ${money(plan.borrowed, decimalsFor(s.amount))} borrowed.`],
        ['Net APY ', bold(pct(net)), ` = ${formatNumber(figure(exposure), 3)} × ${pct(stake)} (${rate.label}) − ${formatNumber(figure(exposure - 1), 3)} × ${pct(loop.borrowApr)} (borrow).`],
        liquidationLine,
        ...exitLines(snapshot, row, plan.staked, base),
      ],
    },
  ];
}

/** The /simulate answer for a loop: its settings, strategies ranked by final amount, stresses, and per strategy its risks and exits. */
export function simulateLoopReply(snapshot: Snapshot, rows: readonly SimulateRow[], s: SimulateSettings, loop: LoopSettings, plan: LoopPlan, base: string, now: number): Reply {
  const ranked = rankByFinal(rows);
  const mark = (name: string, text: string, why: string) => (loop.given.has(name) ? text : `${text} (${why})`);
  const blocks: Block[] = [
    { kind: 'title', text: `Loop ${formatQuantity(s.amount)} ${base} for ${describeHorizon(s.seconds)}` },
    {
      kind: 'paragraph',
      parts: [
        [
          mark('ltv', `ltv ${formatNumber(figure(loop.ltv), 2)}`, 'default'),
          mark('loops', `${loop.loops} loop${loop.loops === 1 ? '' : 's'}`, 'default'),
          mark('borrow', `borrow ${pct(loop.borrowApr)} APR`, 'assumed: set borrow='),
          mark('lt', `liquidation threshold ${formatNumber(figure(loop.liquidationThreshold), 2)}`, 'default: set lt='),
        ].join(' · '),
      ],
    },
    outcomeTable(ranked, s.amount, now, 'net APY'),
    stressTable(ranked, s.amount, 'net'),
    ...ranked.flatMap((row) => loopDetails(snapshot, row, s, loop, plan, base)),
  ];
  blocks.push({
    kind: 'note',
    text:
      `${PROJECTION_NOTE} Net APY ≈ M × stake APY − (M − 1) × borrow APR, with exposure M = Σ ltv^i for i = 0…loops and ${base} borrowed. ` +
      'Liquidating depeg = 1 − (M − 1) / (M × lt): how far the token may fall against the debt before the lending market liquidates. ' +
      `Exit: a pool that swaps the token into ${base} (or a token 1:1 with it); what it takes before the average sale price is 1 % / 5 % under spot, fees not counted (V3: the in-range liquidity taken as one range, an approximation). ` +
      `Stress lowers the stake APY by ${stressDropsText()}; the borrow rate stays. age: since the source's last good read (⚠ stale).`,
  });
  return { kind: 'answer', blocks };
}
