import { combine, type Figure } from './figure.ts';

/**
 * now − then; with two fractions (APYs) that is the change in fraction units, which the caller shows as percentage points.
 * @example difference(figure(0.125), figure(0.12)) // ≈ 0.005 (i.e. +0.50 pp)
 */
export function difference(now: Figure, then: Figure): Figure {
  return combine(now, then, (a, b) => a - b);
}
