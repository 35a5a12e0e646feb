import { figure, missing, type Figure } from './figure.ts';
import { ratio, YEAR_SECONDS } from './units.ts';

/**
 * APY from an APR compounded `periodsPerYear` times a year: (1 + apr/n)^n − 1; `Infinity` means continuous (e^apr − 1).
 * Never below −1 (−100 %): a period that loses all of it (apr/n ≤ −1) leaves nothing to compound.
 * Throws RangeError for a non-positive or NaN period count (a configuration error, not a data gap).
 * @example aprToApy(0.12, 12) // 1.01^12 − 1 ≈ 0.126825030131970
 * @example aprToApy(0.1, Infinity) // e^0.1 − 1 ≈ 0.105170918075648
 * @example aprToApy(-36, 12) // −1 (a month loses 300 %: everything), not (−2)^12 − 1 = 4095
 */
export function aprToApy(apr: number, periodsPerYear: number): number {
  if (!(periodsPerYear > 0)) throw new RangeError(`periodsPerYear must be > 0, got ${periodsPerYear}`);
  if (periodsPerYear === Infinity) return Math.expm1(apr);
  const perPeriod = apr / periodsPerYear;
  // log1p/expm1 keep precision for small rates where 1 + r would round away digits.
  if (perPeriod > -1) return Math.expm1(periodsPerYear * Math.log1p(perPeriod));
  // (1 + r)^n of a negative base would flip sign with the parity of n: the first period has already lost everything.
  return -1;
}

/** One observation of a growing rate (e.g. a vault's share price) at a block time. */
export interface RatePoint {
  /** Unix seconds (block time). */
  readonly time: number;
  /** Rate scaled by a fixed 10^decimals, the same scale for all points of one series. */
  readonly raw: bigint;
}

/**
 * Annualized compound growth between two points: (now.raw / then.raw)^(YEAR_SECONDS / elapsed) − 1.
 * @example annualizedGrowth({ time: 0, raw: 100n }, { time: 31_536_000, raw: 110n }) // { ok: true, value: 0.1 }
 */
export function annualizedGrowth(then: RatePoint, now: RatePoint): Figure {
  const elapsed = now.time - then.time;
  if (!(elapsed > 0)) return missing('not-enough-history');
  if (then.raw <= 0n) return missing('zero-supply');
  // The growth over the period (now − then) / then, divided in bigint so tiny changes on 1e18-scale values keep their digits.
  const growth = ratio(now.raw - then.raw, then.raw);
  if (!growth.ok) return growth;
  return figure(Math.expm1((YEAR_SECONDS / elapsed) * Math.log1p(growth.value)));
}

/**
 * APY over a trailing window from `then`, the newest stored point at or before now.time − windowSeconds.
 * Missing `then`, or a gap wider than 1.5 windows, is 'not-enough-history'; otherwise the actual elapsed time is annualized.
 * @example windowApy({ time: 86_400, raw: 1_000_100n }, { time: 0, raw: 1_000_000n }, 86_400) // ≈ 1.0001^365 − 1
 */
export function windowApy(now: RatePoint, then: RatePoint | undefined, windowSeconds: number): Figure {
  if (then === undefined || !(windowSeconds > 0)) return missing('not-enough-history');
  // A point much older than the window would silently report a longer-window figure under a shorter-window label.
  if (now.time - then.time > 1.5 * windowSeconds) return missing('not-enough-history');
  return annualizedGrowth(then, now);
}
