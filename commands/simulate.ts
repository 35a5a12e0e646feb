import { COMPOUNDINGS } from '../src/core/compounding.ts';
import { HOUR_SECONDS, parseHorizon } from '../src/core/horizon.ts';
import { parseAmountText, parseRateText } from '../src/core/humanNumber.ts';
import { holdOutcomes, loopOutcomes, loopPlan } from '../src/core/simulateModel.ts';
import { strategyRate } from '../src/core/strategyRate.ts';
import { YEAR_SECONDS } from '../src/core/units.ts';
import type { Snapshot, SourceView } from '../src/figures/figures.ts';
import { assetNames, findSources } from './assetNames.ts';
import { translatorOf, usageLine, type CommandContext, type CommandDefinition, type OptionSpec } from './command.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { amountControls, simulateControls, type SimulateMode, type SimulateRequest } from './simulateControls.ts';
import { simulateHoldReply } from './simulateHoldReply.ts';
import { simulateLoopReply } from './simulateLoopReply.ts';
import { LOOP_OPTIONS, loopSettings, simulateSettings } from './simulateSettings.ts';
import type { SimulateRow } from './simulateTables.ts';
import { UserError } from './userError.ts';

/**
 * Limits of what a user may ask: beyond them a projection means nothing. Below a millionth of a METIS (1e12 wei)
 * or an hour, every figure rounds to nothing, so such an ask is refused with the limits rather than answered
 * with zeros.
 */
export const SIMULATE_LIMITS = { minAmount: 1e-6, maxAmount: 1e12, minHorizonSeconds: HOUR_SECONDS, maxHorizonSeconds: 10 * YEAR_SECONDS, maxLoops: 20 } as const;

const MODES: readonly SimulateMode[] = ['hold', 'loop'];

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

const usage = (text: string): Reply => ({ kind: 'usage', blocks: [{ kind: 'paragraph', parts: [text] }] });

/** The options a word fills by its shape; the loop's need `name=`. */
const POSITIONAL = ['amount', 'duration', 'strategy', 'mode', 'compound'];

const OPTIONS: readonly OptionSpec[] = [
  {
    // Not required: without it, the answer is a button per amount (on Discord too, where it is then optional).
    name: 'amount',
    type: 'number',
    min: SIMULATE_LIMITS.minAmount,
    max: SIMULATE_LIMITS.maxAmount,
    parseText: parseAmountText,
    expected: (t) => t('simulate-expected-amount'),
  },
  {
    name: 'duration',
    type: 'string',
    parseText: parseLimitedHorizon,
    suggestions: () => ['30d', '90d', '180d', '1y', '2y', '5y', '10y'],
    expected: (t) => t('simulate-expected-duration'),
  },
  {
    name: 'strategy',
    type: 'string',
    choices: (context: CommandContext) => assetNames(context.snapshot(), isStrategy),
  },
  { name: 'mode', type: 'string', choices: () => MODES },
  { name: 'compound', type: 'string', choices: () => COMPOUNDINGS },
  { name: 'ltv', type: 'number', min: 0, max: 1, maxExclusive: true, parseText: parseRateText, expected: (t) => t('simulate-expected-ltv') },
  { name: 'loops', type: 'integer', min: 0, max: SIMULATE_LIMITS.maxLoops },
  { name: 'borrow', type: 'number', min: 0, max: 1, parseText: parseRateText, expected: (t) => t('simulate-expected-borrow') },
  { name: 'lt', type: 'number', min: 0, minExclusive: true, max: 1, parseText: parseRateText, expected: (t) => t('simulate-expected-lt') },
];

/**
 * Asked without an amount: a sentence and a button per amount, each answering in place of the picker (the
 * question is spent once answered; the answer's own buttons then edit it). Without a button that fits, the
 * mistake as before.
 */
function amountPicker(t: Translator, request: SimulateRequest, base: string, context: CommandContext): Reply {
  const controls = amountControls(request, context);
  if (controls.length === 0) throw new UserError('missing-argument', { option: 'amount' });
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t('simulate-pick-amount', { base })] }], controls };
}

/**
 * `/simulate <amount> [duration] [strategy] [mode] [compound] [ltv=] [loops=] [borrow=] [lt=]`: what an
 * amount becomes at current rates (and 25 % / 50 % lower), per strategy, ranked; or, as a loop, its
 * exposure, net APY, liquidating depeg and exit liquidity; under it, buttons for other horizons and the other
 * mode. Without an amount, buttons with amounts. Reads only the snapshot.
 */
export const simulateCommand: CommandDefinition = {
  name: 'simulate',
  positionalByShape: POSITIONAL,
  options: OPTIONS,
  // Typed, an amount is what makes an answer, so the line asks for one; bare, /simulate offers amounts instead.
  usage: usageLine({ name: 'simulate', positionalByShape: POSITIONAL, options: OPTIONS.map((o) => (o.name === 'amount' ? { ...o, required: true } : o)), run: () => usage('') }),
  run(args, context): Reply {
    const t = translatorOf(context);
    const snapshot = context.snapshot();
    const now = context.now();
    const base = snapshot.tower.baseToken;
    const s = simulateSettings(args);
    const loopOptionsGiven = LOOP_OPTIONS.some((name) => args[name] !== undefined);
    // Loop options say what is meant even without the word `loop`; an explicit `hold` wins.
    const mode: SimulateMode = args.mode === 'loop' || (args.mode === undefined && loopOptionsGiven) ? 'loop' : 'hold';
    const strategy = typeof args.strategy === 'string' ? args.strategy : undefined;
    const views = findStrategies(snapshot, strategy);
    if (views.length === 0) return usage(t('simulate-no-source'));
    // Locked METIS is not collateral anywhere: only tokens can be looped.
    const loopable = views.filter((v) => v.kind !== 'sequencer');
    if (mode === 'loop' && loopable.length === 0) {
      const token = snapshot.sources.find((v) => isStrategy(v) && v.kind !== 'sequencer');
      if (strategy === undefined || !token) return usage(t('simulate-no-token'));
      const amount = args.amount === undefined ? '' : ` ${s.amount}`;
      return usage(t('simulate-cannot-loop', { label: views[0]!.label, example: `/simulate${amount} ${token.token ?? token.id} loop` }));
    }
    const request: SimulateRequest = { command: simulateCommand, args, mode, loopable: loopable.length > 0 };
    if (args.amount === undefined) return amountPicker(t, request, base, context);
    const controls = simulateControls(t, request, s.seconds, context);
    if (mode === 'hold') {
      const rows = views.map((view): SimulateRow => {
        const rate = strategyRate(t, view.figures);
        return rate.kind === 'missing' ? { view, rate } : { view, rate, outcomes: holdOutcomes(rate, s) };
      });
      return { ...simulateHoldReply(t, rows, s, base, now, loopOptionsGiven), controls };
    }
    const loop = loopSettings(args);
    const plan = loopPlan(s.amount, loop);
    const rows = loopable.map((view): SimulateRow => {
      const rate = strategyRate(t, view.figures);
      return rate.kind === 'missing' ? { view, rate } : { view, rate, outcomes: loopOutcomes(rate, s, plan.exposure, loop.borrowApr) };
    });
    return { ...simulateLoopReply(t, snapshot, rows, s, loop, plan, base, now), controls };
  },
};
