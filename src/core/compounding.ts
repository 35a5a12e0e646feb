import { aprToApy } from './apy.ts';
import { YEAR_SECONDS } from './units.ts';

/**
 * How often earnings are added to the principal. `none` is simple interest: rewards are paid out and not
 * restaked.
 */
export type Compounding = 'daily' | 'weekly' | 'monthly' | 'none';

/** Every compounding a user may pick, most frequent first. */
export const COMPOUNDINGS: readonly Compounding[] = ['daily', 'weekly', 'monthly', 'none'];

const PERIODS_PER_YEAR: Readonly<Record<Exclude<Compounding, 'none'>, number>> = { daily: 365, weekly: 52, monthly: 12 };

/**
 * Compounding periods in a 365-day year; 0 for `none`.
 * @example periodsPerYear('weekly') // 52
 */
export function periodsPerYear(compounding: Compounding): number {
  return compounding === 'none' ? 0 : PERIODS_PER_YEAR[compounding];
}

/**
 * Years in a duration given in seconds (a year is 365 days).
 * @example yearsOf(15_768_000) // 0.5
 */
export function yearsOf(seconds: number): number {
  return seconds / YEAR_SECONDS;
}

/**
 * The yearly growth an APR gives with a compounding: (1 + APR/n)^n − 1; for `none` the APR itself. Never below
 * −1: a year cannot lose more than everything (simple interest at −150 % APR ends at 0, a −100 % year).
 * @example effectiveApy(0.12, 'monthly') // 1.01^12 − 1 ≈ 0.126825
 * @example effectiveApy(0.12, 'none') // 0.12
 * @example effectiveApy(-1.5, 'none') // −1
 */
export function effectiveApy(apr: number, compounding: Compounding): number {
  return compounding === 'none' ? atLeastTotalLoss(apr) : aprToApy(apr, periodsPerYear(compounding));
}

/**
 * A yearly return (an APY, a period's return) bounded below by a total loss: −1 is −100 %, all of it gone;
 * nothing held can lose more. NaN stays NaN (the caller's figure() turns it into a missing figure).
 * @example atLeastTotalLoss(-1.25) // −1
 * @example atLeastTotalLoss(-0.2) // −0.2
 */
export function atLeastTotalLoss(rate: number): number {
  return rate < -1 ? -1 : rate;
}

/**
 * What an amount becomes after `years` at an APY whose compounding is already inside it (a share price that
 * grows): amount × (1 + APY)^years. A loss of 100 % or more ends at 0, never below.
 * @example projectAtApy(1000, 0.1, 2) // 1210
 */
export function projectAtApy(amount: number, apy: number, years: number): number {
  if (apy <= -1) return years > 0 ? 0 : amount;
  // exp/log1p rather than pow: keeps the digits of small rates over short durations.
  return amount * Math.exp(years * Math.log1p(apy));
}

/**
 * What an amount becomes after `years` at an APR: compounded n times a year, amount × (1 + APR/n)^(n × years)
 * (a fractional last period grows at the same rate), or for `none` simple interest, amount × (1 + APR × years).
 * Never below 0.
 * @example projectAtApr(1000, 0.12, 1, 'monthly') // 1000 × 1.01^12 ≈ 1126.83
 * @example projectAtApr(1000, 0.12, 0.5, 'none') // 1060
 */
export function projectAtApr(amount: number, apr: number, years: number, compounding: Compounding): number {
  if (compounding === 'none') return amount * Math.max(0, 1 + apr * years);
  return projectAtApy(amount, effectiveApy(apr, compounding), years);
}

/**
 * A rate after a drop of `drop` (0.25 = 25 %) of its size: rate − drop × |rate|. A negative rate gets more
 * negative, so a stress never makes a projection better. For an APR (a nominal rate, which compounding turns
 * into growth); an APY goes through stressedApy.
 * @example stressedRate(0.12, 0.25) // 0.09
 * @example stressedRate(-0.02, 0.5) // −0.03
 */
export function stressedRate(rate: number, drop: number): number {
  return rate - drop * Math.abs(rate);
}

/**
 * An APY after a drop of `drop` of its size, as stressedRate, but never below −100 %: a token whose share
 * price fell to zero (−100 %) stressed by 25 % is still −100 %, not −125 %.
 * @example stressedApy(0.12, 0.25) // 0.09
 * @example stressedApy(-1, 0.25) // −1
 * @example stressedApy(-0.8, 0.5) // −1 (−1.2 bounded)
 */
export function stressedApy(apy: number, drop: number): number {
  return atLeastTotalLoss(stressedRate(apy, drop));
}
