import type { Compounding } from '../src/core/compounding.ts';
import type { LoopTerms, Projection } from '../src/core/simulateModel.ts';
import { YEAR_SECONDS } from '../src/core/units.ts';
import type { ArgumentValues } from './command.ts';

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

/** The options that only mean something for a loop. */
export const LOOP_OPTIONS = ['ltv', 'loops', 'borrow', 'lt'] as const;

/** The projection asked for, and whether `compound=` was given (a wrapper's reply then says it does not apply). */
export interface SimulateSettings extends Projection {
  readonly compoundGiven: boolean;
}

/** The loop asked for, and which of its options were given (the others are defaults the reply marks). */
export interface LoopSettings extends LoopTerms {
  readonly given: ReadonlySet<string>;
}

/** The projection settings from parsed arguments, defaults filled in. */
export function simulateSettings(args: ArgumentValues): SimulateSettings {
  return {
    amount: typeof args.amount === 'number' ? args.amount : 0,
    seconds: typeof args.duration === 'number' ? args.duration : SIMULATE_DEFAULTS.horizonSeconds,
    compound: typeof args.compound === 'string' ? (args.compound as Compounding) : SIMULATE_DEFAULTS.compound,
    compoundGiven: typeof args.compound === 'string',
  };
}

/** The loop settings from parsed arguments, defaults filled in. */
export function loopSettings(args: ArgumentValues): LoopSettings {
  const num = (name: string, fallback: number) => (typeof args[name] === 'number' ? (args[name] as number) : fallback);
  return {
    ltv: num('ltv', SIMULATE_DEFAULTS.ltv),
    loops: num('loops', SIMULATE_DEFAULTS.loops),
    borrowApr: num('borrow', SIMULATE_DEFAULTS.borrowApr),
    liquidationThreshold: num('lt', SIMULATE_DEFAULTS.liquidationThreshold),
    given: new Set(LOOP_OPTIONS.filter((name) => args[name] !== undefined)),
  };
}
