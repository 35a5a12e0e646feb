import { combine, missing, type Figure } from './figure.ts';

/**
 * How far the market price sits from fair value, in basis points: (market / fair − 1) × 10,000; negative trades below fair.
 * A zero fair value is 'zero-price'; a missing input passes through (market first).
 * @example depegBps(figure(0.99), figure(1)) // ≈ −100
 */
export function depegBps(market: Figure, fair: Figure): Figure {
  if (!market.ok) return market;
  if (fair.ok && fair.value === 0) return missing('zero-price');
  // (m − f) / f rather than m / f − 1: the same value, without cancelling digits near parity.
  return combine(market, fair, (m, f) => ((m - f) / f) * 10_000);
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
 * @example fairFromDepeg(0.996, -40) // 1
 */
export function fairFromDepeg(market: number, bps: number): number {
  return market / (1 + bps / 10_000);
}
