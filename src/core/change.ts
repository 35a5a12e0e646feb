import { combine, missing, type Figure } from './figure.ts';

/**
 * now − then; with two fractions (APYs) that is the change in fraction units, which the caller shows as percentage points.
 * @example difference(figure(0.125), figure(0.12)) // ≈ 0.005 (i.e. +0.50 pp)
 */
export function difference(now: Figure, then: Figure): Figure {
  return combine(now, then, (a, b) => a - b);
}

/**
 * now ÷ then − 1, as a fraction (0.1 = up 10 %); a zero `then` gives 'zero-base'.
 * @example relativeChange(figure(1.21), figure(1.1)) // ≈ 0.1
 */
export function relativeChange(now: Figure, then: Figure): Figure {
  if (then.ok && then.value === 0) return missing('zero-base');
  return combine(now, then, (a, b) => a / b - 1);
}

/** How far a rate lies below a reference: relative (0.25 = a quarter under it) and in fraction units (APY points ÷ 100). */
export interface Shortfall {
  readonly relative: number;
  readonly absolute: number;
}

/**
 * The shortfall of `current` under a positive `reference` (negative when above it); undefined for a reference
 * that is not > 0, where a relative fall means nothing.
 * @example shortfall(0.09, 0.12) // { relative: 0.25, absolute: 0.03 } (25 % and 3 points under)
 */
export function shortfall(current: number, reference: number): Shortfall | undefined {
  if (!(reference > 0)) return undefined;
  return { relative: (reference - current) / reference, absolute: reference - current };
}
