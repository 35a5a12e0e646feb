import { COMPOUNDINGS, effectiveApy, projectAtApr, projectAtApy, stressedApy, stressedRate, yearsOf, type Compounding } from '../src/core/compounding.ts';
import { exitRoutes } from '../src/core/exitRoutes.ts';
import { describeMissing, figure, type Figure } from '../src/core/figure.ts';
import { formatGrouped, formatNumber, formatPercent, formatQuantity, formatRatio } from '../src/core/format.ts';
import { describeHorizon, HOUR_SECONDS, parseHorizon } from '../src/core/horizon.ts';
import { parseAmountText, parseRateText } from '../src/core/humanNumber.ts';
import { liquidatingDepeg, loopExposure, loopNetApy } from '../src/core/loopPosition.ts';
import { shareOf } from '../src/core/share.ts';
import { YEAR_SECONDS } from '../src/core/units.ts';
import { poolLabel, type Snapshot, type SourceView } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import { assetNames, findSources } from './assetNames.ts';
import type { ArgumentValues, CommandContext, CommandDefinition } from './command.ts';
import { bold, type Block, type Inline, type Reply } from '../src/shared/reply.ts';

/**
 * Limits of what a user may ask: beyond them a projection means nothing. Below a millionth of a METIS (1e12 wei)
 * or an hour, every figure rounds to nothing, so such an ask is refused with the limits rather than answered
 * with zeros.
 */
export const SIMULATE_LIMITS = { minAmount: 1e-6, maxAmount: 1e12, minHorizonSeconds: HOUR_SECONDS, maxHorizonSeconds: 10 * YEAR_SECONDS, maxLoops: 20 } as const;

/** What /simulate assumes when an option is not given; every reply says which ones it used. */
export const SIMULATE_DEFAULTS = {
  horizonSeconds: YEAR_SECONDS,
  compound: 'daily' as Compounding,
  ltv: 0.7,
  loops: 3,
  /** No lending market is read: the borrow rate is an assumption the reply names. */
  borrowApr: 0.05,
  liquidationThreshold: 0.8,
} as const;

/** Rate-drop stresses: every rate 25 % and 50 % lower. */
export const STRESS_DROPS = [0.25, 0.5] as const;

const MODES = ['hold', 'loop'] as const;
type Mode = (typeof MODES)[number];
const LOOP_OPTIONS = ['ltv', 'loops', 'borrow', 'lt'] as const;

/** Sources that earn: the sequencer itself and each yield-bearing wrapper (LST, LRT: vault or exchange-rate token). */
const isStrategy = (view: SourceView) => view.kind === 'sequencer' || view.kind === 'erc4626' || view.kind === 'exchange-rate';

/** The earning sources a strategy name means (by id or token, as for /apy); all of them without a name. */
const findStrategies = (snapshot: Snapshot, name: string | undefined): SourceView[] =>
  (name === undefined ? snapshot.sources : findSources(snapshot, name)).filter(isStrategy);

/** A horizon within the limits, or undefined. */
function parseLimitedHorizon(raw: string): number | undefined {
  const seconds = parseHorizon(raw);
  return seconds !== undefined && seconds >= SIMULATE_LIMITS.minHorizonSeconds && seconds <= SIMULATE_LIMITS.maxHorizonSeconds ? seconds : undefined;
}

/**
 * How a strategy earns. The sequencer's figure is a nominal APR (rewards paid out): the chosen compounding
 * turns it into growth. A wrapper's figure is the realized growth of its share price, an APY with the
 * compounding already inside: it is applied as it is, whatever `compound=` says.
 */
type Rate =
  | { readonly kind: 'apr'; readonly value: number; readonly label: string }
  | { readonly kind: 'apy'; readonly value: number; readonly label: string; readonly baseToken: string };

function strategyRate(view: SourceView): Rate | { readonly kind: 'missing'; readonly why: string } {
  const f = view.figures;
  if (!f) return { kind: 'missing', why: 'no data yet' };
  if (f.kind === 'sequencer') {
    return f.nominalApr.ok ? { kind: 'apr', value: f.nominalApr.value, label: 'nominal APR' } : { kind: 'missing', why: describeMissing(f.nominalApr.missing) };
  }
  if (f.kind === 'yield') {
    // The 7 d window is steadier than 24 h; the longer 30 d, then the 24 h window stand in while history is short.
    const windows: [Figure, string][] = [
      [f.apy7d, '7 d'],
      [f.apy30d, '30 d'],
      [f.apy24h, '24 h'],
    ];
    const found = windows.find(([w]) => w.ok);
    if (found && found[0].ok) return { kind: 'apy', value: found[0].value, label: `${found[1]} share-price APY`, baseToken: f.baseToken };
    return { kind: 'missing', why: describeMissing(f.apy24h.ok ? 'no-data' : f.apy24h.missing) };
  }
  return { kind: 'missing', why: 'no yield figures' };
}

interface Settings {
  readonly amount: number;
  readonly seconds: number;
  readonly compound: Compounding;
  readonly compoundGiven: boolean;
}

interface LoopSettings {
  readonly ltv: number;
  readonly loops: number;
  readonly borrowApr: number;
  readonly liquidationThreshold: number;
  readonly given: ReadonlySet<string>;
}

/** One projection: the final amount and the yearly growth it reflects. */
interface Outcome {
  readonly final: number;
  readonly apy: number;
}

/** A strategy held (no borrowing) at its rate lowered by `drop`. */
function holdOutcome(rate: Rate, s: Settings, drop: number): Outcome {
  const years = yearsOf(s.seconds);
  if (rate.kind === 'apr') {
    const r = stressedRate(rate.value, drop);
    return { final: projectAtApr(s.amount, r, years, s.compound), apy: effectiveApy(r, s.compound) };
  }
  const apy = stressedApy(rate.value, drop);
  return { final: projectAtApy(s.amount, apy, years), apy };
}

/** The stake APY of a strategy: a share-price APY as it is, an APR compounded as chosen (both at least −100 %). */
const stakeApy = (rate: Rate, s: Settings, drop: number) =>
  rate.kind === 'apr' ? effectiveApy(stressedRate(rate.value, drop), s.compound) : stressedApy(rate.value, drop);

function loopOutcome(rate: Rate, s: Settings, loop: LoopSettings, exposure: number, drop: number): Outcome {
  const net = loopNetApy({ exposure, stakeApy: stakeApy(rate, s, drop), borrowApr: loop.borrowApr });
  return { final: projectAtApy(s.amount, net, yearsOf(s.seconds)), apy: net };
}

interface Row {
  readonly view: SourceView;
  readonly rate: ReturnType<typeof strategyRate>;
  /** Index 0: current rates; then one per STRESS_DROPS entry. Absent without a rate. */
  readonly outcomes?: readonly Outcome[];
}

/** The amount asked for, as typed: 1,000 and 0.001, never rounded to '0'. */
const amountText = (n: number) => formatQuantity(n);
/** Decimals for amounts of this size: cents from 1 up, else enough for 3 significant digits (0.001 → 0.00117, not 0.00). */
const decimalsFor = (amount: number) => (amount >= 1 ? 2 : Math.min(8, 2 + Math.ceil(-Math.log10(amount))));
const money = (n: number, decimals = 2) => formatGrouped(n, decimals);
const gainText = (o: Outcome, amount: number) => formatGrouped(o.final - amount, decimalsFor(amount), { signed: true });
const pct = (n: number) => formatPercent(figure(n));

/** Ranked by the final amount at current rates; strategies without a rate last, in config order. */
function rank(rows: Row[]): Row[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const fa = a.row.outcomes?.[0]?.final;
      const fb = b.row.outcomes?.[0]?.final;
      if (fa === undefined || fb === undefined) return fa === undefined ? (fb === undefined ? a.index - b.index : 1) : -1;
      return fb - fa || a.index - b.index;
    })
    .map(({ row }) => row);
}

function mainTable(rows: readonly Row[], s: Settings, now: number, apyHeader: string): Block {
  return {
    kind: 'table',
    columns: [
      { header: '#', align: 'right' },
      { header: 'strategy', align: 'left' },
      { header: apyHeader, align: 'right' },
      { header: 'final', align: 'right' },
      { header: 'gain', align: 'right' },
      { header: 'age', align: 'right' },
    ],
    rows: rows.map((row, i) => {
      const o = row.outcomes?.[0];
      return [String(i + 1), row.view.label, o ? pct(o.apy) : '—', o ? money(o.final, decimalsFor(s.amount)) : '—', o ? gainText(o, s.amount) : '—', ageCell(row.view, now)];
    }),
  };
}

function stressTable(rows: readonly Row[], s: Settings, apyHeader: string): Block {
  const columns = STRESS_DROPS.flatMap((drop) => {
    const tag = `−${Math.round(drop * 100)}%`;
    return [
      { header: `${apyHeader} ${tag}`, align: 'right' as const },
      { header: `gain ${tag}`, align: 'right' as const },
    ];
  });
  return {
    kind: 'table',
    columns: [{ header: 'strategy', align: 'left' }, ...columns],
    rows: rows.map((row) => [
      row.view.label,
      ...STRESS_DROPS.flatMap((_, i) => {
        const o = row.outcomes?.[i + 1];
        return o ? [pct(o.apy), gainText(o, s.amount)] : ['—', '—'];
      }),
    ]),
  };
}

const COMPOUND_WORDS: Readonly<Record<Compounding, string>> = {
  daily: 'compounded daily',
  weekly: 'compounded weekly',
  monthly: 'compounded monthly',
  none: 'not compounded (rewards taken out: simple interest)',
};

/** How each strategy's rate was turned into growth, in words. */
function rateLine(row: Row, s: Settings): Inline[] {
  const { rate } = row;
  if (rate.kind === 'missing') return [bold(row.view.label), `: no rate yet (${rate.why})`];
  if (rate.kind === 'apr') {
    return [bold(row.view.label), `: ${rate.label} ${pct(rate.value)}, ${COMPOUND_WORDS[s.compound]} → ${pct(effectiveApy(rate.value, s.compound))} a year`];
  }
  return [bold(row.view.label), `: ${rate.label} ${pct(rate.value)} in ${rate.baseToken}; the compounding is inside the share price${s.compoundGiven ? ', so compound= does not change it' : ''}`];
}

function settingsOf(args: ArgumentValues): Settings {
  return {
    amount: typeof args.amount === 'number' ? args.amount : 0,
    seconds: typeof args.duration === 'number' ? args.duration : SIMULATE_DEFAULTS.horizonSeconds,
    compound: typeof args.compound === 'string' ? (args.compound as Compounding) : SIMULATE_DEFAULTS.compound,
    compoundGiven: typeof args.compound === 'string',
  };
}

function loopSettingsOf(args: ArgumentValues): LoopSettings {
  const num = (name: string, fallback: number) => (typeof args[name] === 'number' ? (args[name] as number) : fallback);
  return {
    ltv: num('ltv', SIMULATE_DEFAULTS.ltv),
    loops: num('loops', SIMULATE_DEFAULTS.loops),
    borrowApr: num('borrow', SIMULATE_DEFAULTS.borrowApr),
    liquidationThreshold: num('lt', SIMULATE_DEFAULTS.liquidationThreshold),
    given: new Set(LOOP_OPTIONS.filter((name) => args[name] !== undefined)),
  };
}

const PROJECTION_NOTE = 'Projections at current rates, not promises: rates change, and a token can trade below its fair value.';

function holdReply(rows: Row[], s: Settings, base: string, now: number, ignoredLoopOptions: boolean): Reply {
  const ranked = rank(rows);
  const blocks: Block[] = [
    { kind: 'title', text: `Simulate ${amountText(s.amount)} ${base} for ${describeHorizon(s.seconds)}` },
    mainTable(ranked, s, now, 'APY'),
    stressTable(ranked, s, 'APY'),
    { kind: 'list', items: ranked.map((row) => rateLine(row, s)) },
  ];
  if (ignoredLoopOptions) blocks.push({ kind: 'paragraph', parts: ['ltv=, loops=, borrow= and lt= only apply to a loop: add ', bold('loop'), ' to use them.'] });
  blocks.push({
    kind: 'note',
    text: `${PROJECTION_NOTE} Amounts in ${base}; a wrapper's APY is its growth in its base token. Stress: every rate 25 % and 50 % lower. age: since the source's last good read (⚠ stale).`,
  });
  return { kind: 'answer', blocks };
}

/** What each pool that swaps the token into the debt could take at 1 % and 5 % slippage, one line per pool. */
function exitLines(snapshot: Snapshot, row: Row, positionInBase: number, base: string): Inline[][] {
  const token = row.view.token ?? row.view.label;
  const pools = snapshot.sources.flatMap((s) => (s.figures?.kind === 'pool' ? [{ label: poolLabel(s.label, s.figures), pool: s.figures }] : []));
  const routes = exitRoutes({ token, debt: base, parLinks: snapshot.parLinks ?? new Map(), pools: pools.map((p) => p.pool) });
  if (routes.length === 0) return [[`Exit: no pool swaps ${token} into ${base}: an exit means redeeming through the protocol, with its delay.`]];
  return routes.map(({ index, paysIn }) => {
    const { label, pool } = pools[index]!;
    // The quote is worth one base token: the pool's take in the base is the take at fair value (else at the price).
    const value = pool.fairValue.ok ? pool.fairValue : pool.price;
    const at = (f: Figure | undefined, p: string) => {
      if (!f?.ok) return `— at ${p}`;
      const fraction = value.ok ? shareOf(figure(f.value * value.value), figure(positionInBase)) : undefined;
      const share = !fraction?.ok ? '' : fraction.value >= 1 ? ' (all of the position)' : ` (${pct(fraction.value)} of the position)`;
      return `${money(f.value)} ${pool.asset} at ${p}${share}`;
    };
    const unwrap = paysIn === undefined ? '' : ` (${paysIn} is 1:1 with ${base})`;
    return [`Exit: ${label}${unwrap} takes ${at(pool.exitLiquidity1pct, '1 % slippage')} and ${at(pool.exitLiquidity5pct, '5 %')}.`];
  });
}

function loopDetails(snapshot: Snapshot, row: Row, s: Settings, loop: LoopSettings, exposure: number, base: string): Block[] {
  const { rate } = row;
  const title: Block = { kind: 'paragraph', parts: [bold(row.view.label)] };
  if (rate.kind === 'missing') return [title, { kind: 'list', items: [[`No rate yet (${rate.why}).`]] }];
  const stake = stakeApy(rate, s, 0);
  const net = row.outcomes?.[0]?.apy ?? 0;
  const liquidation = liquidatingDepeg({ exposure, liquidationThreshold: loop.liquidationThreshold });
  const token = row.view.token ?? row.view.label;
  const lt = formatNumber(figure(loop.liquidationThreshold), 2);
  const liquidationLine: Inline[] =
    liquidation.depeg === undefined
      ? ['No debt: nothing to liquidate.']
      : liquidation.immediate
        ? [bold('Liquidatable at once'), `: debt/collateral ${formatNumber(figure(liquidation.debtRatio), 3)} is at or above the threshold ${lt}.`]
        : ['Liquidated if ', bold(`${token} falls ${pct(liquidation.depeg)}`), ` against the borrowed ${base} (threshold ${lt}).`];
  const position = exposure * s.amount;
  return [
    title,
    {
      kind: 'list',
      items: [
        [`Exposure ${formatRatio(figure(exposure), 3)}: ${money(position, decimalsFor(s.amount))} ${base} staked, ${money(position - s.amount, decimalsFor(s.amount))} borrowed.`],
        ['Net APY ', bold(pct(net)), ` = ${formatNumber(figure(exposure), 3)} × ${pct(stake)} (${rate.label}) − ${formatNumber(figure(exposure - 1), 3)} × ${pct(loop.borrowApr)} (borrow).`],
        liquidationLine,
        ...exitLines(snapshot, row, position, base),
      ],
    },
  ];
}

function loopReply(snapshot: Snapshot, views: readonly SourceView[], s: Settings, loop: LoopSettings, base: string, now: number): Reply {
  const exposure = loopExposure(loop.ltv, loop.loops);
  const rows = rank(
    views.map((view) => {
      const rate = strategyRate(view);
      if (rate.kind === 'missing') return { view, rate };
      return { view, rate, outcomes: [0, ...STRESS_DROPS].map((drop) => loopOutcome(rate, s, loop, exposure, drop)) };
    }),
  );
  const mark = (name: string, text: string, why: string) => (loop.given.has(name) ? text : `${text} (${why})`);
  const blocks: Block[] = [
    { kind: 'title', text: `Loop ${amountText(s.amount)} ${base} for ${describeHorizon(s.seconds)}` },
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
    mainTable(rows, s, now, 'net APY'),
    stressTable(rows, s, 'net'),
    ...rows.flatMap((row) => loopDetails(snapshot, row, s, loop, exposure, base)),
  ];
  blocks.push({
    kind: 'note',
    text:
      `${PROJECTION_NOTE} Net APY ≈ M × stake APY − (M − 1) × borrow APR, with exposure M = Σ ltv^i for i = 0…loops and ${base} borrowed. ` +
      'Liquidating depeg = 1 − (M − 1) / (M × lt): how far the token may fall against the debt before the lending market liquidates. ' +
      `Exit: a pool that swaps the token into ${base} (or a token 1:1 with it); what it takes before the average sale price is 1 % / 5 % under spot, fees not counted (V3: the in-range liquidity taken as one range, an approximation). ` +
      'Stress lowers the stake APY by 25 % and 50 %; the borrow rate stays. age: since the source\'s last good read (⚠ stale).',
  });
  return { kind: 'answer', blocks };
}

const usage = (text: string): Reply => ({ kind: 'usage', blocks: [{ kind: 'paragraph', parts: [text] }] });

/**
 * `/simulate <amount> [duration] [strategy] [mode] [compound] [ltv=] [loops=] [borrow=] [lt=]`: what an
 * amount becomes at current rates (and 25 % / 50 % lower), per strategy, ranked; or, as a loop, its
 * exposure, net APY, liquidating depeg and exit liquidity. Reads only the snapshot.
 */
export const simulateCommand: CommandDefinition = {
  name: 'simulate',
  description: 'What an amount earns at current rates, per strategy, with stress; or a loop: net APY and its risks',
  positionalByShape: ['amount', 'duration', 'strategy', 'mode', 'compound'],
  options: [
    {
      name: 'amount',
      description: 'Amount in METIS, e.g. 1000 (text also takes 1,000, 1k, 2.5m, 1e3)',
      type: 'number',
      required: true,
      min: SIMULATE_LIMITS.minAmount,
      max: SIMULATE_LIMITS.maxAmount,
      parseText: parseAmountText,
      expected: '1000, 1,000, 1k, 2.5m, 1e3',
    },
    {
      name: 'duration',
      description: 'How long: 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y (default 1y)',
      type: 'string',
      parseText: parseLimitedHorizon,
      suggestions: () => ['30d', '90d', '180d', '1y', '2y', '5y', '10y'],
      expected: '12h, 30d, 12w, 6m (months), 1y; from 1h to 10y',
    },
    {
      name: 'strategy',
      description: 'The sequencer or a staking token, e.g. seMetis (default: all, ranked)',
      type: 'string',
      choices: (context: CommandContext) => assetNames(context.snapshot(), isStrategy),
    },
    { name: 'mode', description: 'hold (default) or loop (borrow against it and stake again)', type: 'string', choices: () => MODES },
    { name: 'compound', description: 'How the sequencer APR compounds: daily (default), weekly, monthly, none', type: 'string', choices: () => COMPOUNDINGS },
    { name: 'ltv', description: 'Loop: loan-to-value per loop, 0 to below 1, e.g. 0.7 or 70% (default 0.7)', type: 'number', min: 0, max: 1, maxExclusive: true, parseText: parseRateText, expected: '0.7 or 70%' },
    { name: 'loops', description: 'Loop: how many times the loan is staked again, 0 to 20 (default 3)', type: 'integer', min: 0, max: SIMULATE_LIMITS.maxLoops },
    { name: 'borrow', description: 'Loop: borrow APR as a fraction, 0.045 = 4.5% (default 0.05, assumed)', type: 'number', min: 0, max: 1, parseText: parseRateText, expected: '4.5% or 0.045' },
    { name: 'lt', description: 'Loop: liquidation threshold of the lending market, e.g. 0.8 (default 0.8)', type: 'number', min: 0, minExclusive: true, max: 1, parseText: parseRateText, expected: '0.8 or 80%' },
  ],
  run(args, context): Reply {
    const snapshot = context.snapshot();
    const now = context.now();
    const base = snapshot.tower.baseToken;
    const s = settingsOf(args);
    const loopOptionsGiven = LOOP_OPTIONS.some((name) => args[name] !== undefined);
    // Loop options say what is meant even without the word `loop`; an explicit `hold` wins.
    const mode: Mode = args.mode === 'loop' || (args.mode === undefined && loopOptionsGiven) ? 'loop' : 'hold';
    const strategy = typeof args.strategy === 'string' ? args.strategy : undefined;
    const views = findStrategies(snapshot, strategy);
    if (views.length === 0) return usage('No earning source is configured to simulate.');
    if (mode === 'hold') {
      const rows = views.map((view): Row => {
        const rate = strategyRate(view);
        if (rate.kind === 'missing') return { view, rate };
        return { view, rate, outcomes: [0, ...STRESS_DROPS].map((drop) => holdOutcome(rate, s, drop)) };
      });
      return holdReply(rows, s, base, now, loopOptionsGiven);
    }
    // Locked METIS is not collateral anywhere: only tokens can be looped.
    const loopable = views.filter((v) => v.kind !== 'sequencer');
    if (loopable.length === 0) {
      const token = snapshot.sources.find((v) => isStrategy(v) && v.kind !== 'sequencer');
      if (strategy === undefined || !token) return usage('No staking token is configured to loop.');
      return usage(
        `${views[0]!.label} cannot be looped: METIS locked by sequencers is not collateral. Loop a staking token instead, e.g. /simulate ${s.amount} ${token.token ?? token.id} loop`,
      );
    }
    return loopReply(snapshot, loopable, s, loopSettingsOf(args), base, now);
  },
};
