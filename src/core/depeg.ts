import { combine, missing, type Figure } from './figure.ts';

/** The lowest depeg there is: a price of zero, −100 % of fair value. */
export const MIN_DEPEG_BPS = -10_000;

/**
 * How far the market price sits from fair value, in basis points: (market / fair − 1) × 10,000; negative trades below fair.
 * Never below −10,000 bps (a price cannot fall under zero). A fair value that is not > 0 is 'zero-price'; a
 * missing input passes through (market first).
 * @example depegBps(figure(0.99), figure(1)) // ≈ −100
 * @example depegBps(figure(0), figure(1.02)) // −10,000
 */
export function depegBps(market: Figure, fair: Figure): Figure {
  if (!market.ok) return market;
  if (fair.ok && !(fair.value > 0)) return missing('zero-price');
  // (m − f) / f rather than m / f − 1: the same value, without cancelling digits near parity.
  return combine(market, fair, (m, f) => Math.max(MIN_DEPEG_BPS, ((m - f) / f) * 10_000));
}

/**
 * The value `bps` basis points from `value`: value × (1 + bps / 10,000), e.g. a peg band's edges.
 * @example offsetBps(1.02, -50) // 1.0149
 */
export function offsetBps(value: number, bps: number): number {
  return value * (1 + bps / 10_000);
}

/**
 * Fair value back from a market price and its depeg (the inverse of depegBps): market ÷ (1 + bps / 10,000).
 * Undefined at a depeg of −10,000 bps or below: a worthless price says nothing of the fair value (0 ÷ 0).
 * @example fairFromDepeg(0.996, -40) // 1
 * @example fairFromDepeg(0, -10_000) // undefined
 */
export function fairFromDepeg(market: number, bps: number): number | undefined {
  return bps > MIN_DEPEG_BPS ? market / (1 + bps / 10_000) : undefined;
}
