import { exitTakes, type ExitTake } from '../src/core/exitTakes.ts';
import { figure } from '../src/core/figure.ts';
import { formatNumber, formatQuantity, formatRatio } from '../src/core/format.ts';
import { describeHorizon } from '../src/core/horizon.ts';
import { rankByFinal, stakeApy, type LoopPlan } from '../src/core/simulateModel.ts';
import { poolLabel, type Snapshot } from '../src/figures/figures.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { bold, type Block, type Inline, type Reply } from '../src/vocabulary/reply.ts';
import type { LoopSettings, SimulateSettings } from './simulateSettings.ts';
import { styledMessage } from './styledMessage.ts';
import { decimalsFor, money, outcomeTable, pct, stressDropsText, stressTable, type SimulateRow } from './simulateTables.ts';

/** What a pool takes at one slippage, and which share of the position that is. */
function takeText(t: Translator, take: ExitTake | undefined, asset: string, at5pct: boolean): string {
  if (!take) return at5pct ? t('simulate-exit-nothing-at-5') : t('simulate-exit-nothing-at-1');
  const share = take.ofPosition === undefined ? '' : take.ofPosition >= 1 ? t('simulate-exit-share-all') : t('simulate-exit-share', { share: pct(take.ofPosition) });
  const amount = `${money(take.amount)} ${asset}`;
  return at5pct ? t('simulate-exit-at-5', { amount, share }) : t('simulate-exit-at-1', { amount, share });
}

/** What each pool that swaps the token into the debt could take at 1 % and 5 % slippage, one line per pool. */
function exitLines(t: Translator, snapshot: Snapshot, row: SimulateRow, positionInBase: number, base: string): Inline[][] {
  const token = row.view.token ?? row.view.label;
  const pools = snapshot.sources.flatMap((s) => (s.figures?.kind === 'pool' ? [{ label: poolLabel(s.label, s.figures), pool: s.figures }] : []));
  const exits = exitTakes({ token, debt: base, parLinks: snapshot.parLinks ?? new Map(), pools: pools.map((p) => p.pool), positionInBase });
  if (exits.length === 0) return [[t('simulate-exit-none', { token, base })]];
  return exits.map(({ index, paysIn, at1pct, at5pct }) => {
    const { label, pool } = pools[index]!;
    const unwrap = paysIn === undefined ? '' : t('simulate-exit-unwrap', { token: paysIn, base });
    return [t('simulate-exit', { pool: label, unwrap, at1: takeText(t, at1pct, pool.asset, false), at5: takeText(t, at5pct, pool.asset, true) })];
  });
}

/** Where the loop is liquidated: never (no debt), at once, or at a fall of the token against the debt. */
function liquidationLine(t: Translator, plan: LoopPlan, token: string, loop: LoopSettings, base: string): Inline[] {
  const { liquidation } = plan;
  const lt = formatNumber(figure(loop.liquidationThreshold), 2);
  if (liquidation.depeg === undefined) return [t('simulate-no-debt')];
  if (liquidation.immediate) return [bold(t('simulate-liquidatable-now')), t('simulate-liquidatable-now-why', { ratio: formatNumber(figure(liquidation.debtRatio), 3), lt })];
  const fall = bold(t('simulate-token-falls', { token, depeg: pct(liquidation.depeg) }));
  return styledMessage({ fall }, (m) => t('simulate-liquidated-if', { fall: m.fall!, base, lt }));
}

function loopDetails(t: Translator, snapshot: Snapshot, row: SimulateRow, s: SimulateSettings, loop: LoopSettings, plan: LoopPlan, base: string): Block[] {
  const { rate } = row;
  const title: Block = { kind: 'paragraph', parts: [bold(row.view.label)] };
  if (rate.kind === 'missing') return [title, { kind: 'list', items: [[t('simulate-loop-no-rate', { why: rate.why })]] }];
  const { exposure } = plan;
  const stake = stakeApy(rate, s.compound, 0);
  const net = row.outcomes?.[0]?.apy ?? 0;
  const token = row.view.token ?? row.view.label;
  const amount = (n: number) => money(n, decimalsFor(s.amount));
  const netArgs = { exposure: formatNumber(figure(exposure), 3), stake: pct(stake), rate: rate.label, debt: formatNumber(figure(exposure - 1), 3), borrow: pct(loop.borrowApr) };
  return [
    title,
    {
      kind: 'list',
      items: [
        [t('simulate-exposure', { exposure: formatRatio(figure(exposure), 3), staked: amount(plan.staked), base, borrowed: amount(plan.borrowed) })],
        styledMessage({ net: bold(pct(net)) }, (m) => t('simulate-net-apy', { ...netArgs, net: m.net! })),
        liquidationLine(t, plan, token, loop, base),
        ...exitLines(t, snapshot, row, plan.staked, base),
      ],
    },
  ];
}

/** The loop's settings in one line, each default marked with why: "ltv 0.70 · 3 loops (default) · …". */
function settingsLine(t: Translator, loop: LoopSettings): string {
  const mark = (name: string, text: string, why: string) => (loop.given.has(name) ? text : t('simulate-setting-marked', { setting: text, why }));
  return [
    mark('ltv', t('simulate-setting-ltv', { ltv: formatNumber(figure(loop.ltv), 2) }), t('simulate-setting-default')),
    mark('loops', t('simulate-setting-loops', { loops: String(loop.loops), count: loop.loops }), t('simulate-setting-default')),
    mark('borrow', t('simulate-setting-borrow', { borrow: pct(loop.borrowApr) }), t('simulate-setting-assumed-borrow')),
    mark('lt', t('simulate-setting-lt', { lt: formatNumber(figure(loop.liquidationThreshold), 2) }), t('simulate-setting-default-lt')),
  ].join(' · ');
}

/**
 * The /simulate answer for a loop, in the language of `t`: its settings, strategies ranked by final amount,
 * stresses, and per strategy its risks and exits.
 */
export function simulateLoopReply(t: Translator, snapshot: Snapshot, rows: readonly SimulateRow[], s: SimulateSettings, loop: LoopSettings, plan: LoopPlan, base: string, now: number): Reply {
  const ranked = rankByFinal(rows);
  const blocks: Block[] = [
    { kind: 'title', text: t('simulate-loop-title', { amount: formatQuantity(s.amount), base, horizon: describeHorizon(t, s.seconds) }) },
    { kind: 'paragraph', parts: [settingsLine(t, loop)] },
    outcomeTable(t, ranked, s.amount, now, t('simulate-column-net-apy')),
    stressTable(t, ranked, s.amount, t('simulate-column-net')),
    ...ranked.flatMap((row) => loopDetails(t, snapshot, row, s, loop, plan, base)),
    { kind: 'note', text: t('simulate-loop-note', { base, drops: stressDropsText(t) }) },
  ];
  return { kind: 'answer', blocks };
}
