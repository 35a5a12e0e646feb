/**
 * The invariant of Solidly-style (Velodrome `Pair`, Hermes V2) and Camelot-style (`CamelotPair` with
 * `stableSwap`, Hercules V2) stable pairs: k = x³y + xy³ on reserves counted in whole tokens, which the
 * contracts get by dividing each raw reserve by 10^its decimals (`_x = reserve * 1e18 / decimals0`). Here the
 * reserves are brought to one number of decimals instead (`normaliseReserves`), so every step stays an exact
 * integer. Around x = y the curve is nearly flat (the price moves with the cube of the imbalance), which is
 * why a stable pair's price is not its reserve ratio.
 */

/** Raw reserves scaled to a common number of decimals, max(d0, d1), so one unit means the same on both sides. */
export interface NormalisedReserves {
  readonly x: bigint;
  readonly y: bigint;
  readonly decimals: number;
}

/**
 * Brings raw reserves of tokens with `decimalsX` and `decimalsY` decimals to max(decimalsX, decimalsY) decimals; exact.
 * @example normaliseReserves(2_000_000n, 10n ** 18n, 6, 18) // { x: 2n * 10n ** 18n, y: 10n ** 18n, decimals: 18 }
 */
export function normaliseReserves(x: bigint, y: bigint, decimalsX: number, decimalsY: number): NormalisedReserves {
  if (!Number.isInteger(decimalsX) || !Number.isInteger(decimalsY) || decimalsX < 0 || decimalsY < 0) {
    throw new RangeError(`decimals must be non-negative integers, got ${decimalsX} and ${decimalsY}`);
  }
  const decimals = Math.max(decimalsX, decimalsY);
  return { x: x * 10n ** BigInt(decimals - decimalsX), y: y * 10n ** BigInt(decimals - decimalsY), decimals };
}

/**
 * k = x³y + xy³ = xy(x² + y²).
 * @example stableInvariant(1n, 3n) // 30n
 */
export function stableInvariant(x: bigint, y: bigint): bigint {
  return x * y * (x * x + y * y);
}

/**
 * The largest integer y with x³y + xy³ ≤ k: the other reserve once this one is `x`. Newton's method on
 * f(y) = x³y + xy³ − k, as the contracts' `_get_y` does, but in exact integers and always from above: f is
 * convex and increasing for y ≥ 0, so Newton steps from above never cross the root, and a step that rounds
 * to 0 is replaced by 1, which ends exactly at the floor of the root.
 * @param above a y known to be at or above the root (the reserve before x grew), a closer start; ignored if it is not.
 * @throws RangeError for x ≤ 0 or k < 0.
 * @example stableGetY(3n, 30n) // 1n (x = 3, y = 1 is on the curve through x = 1, y = 3)
 */
export function stableGetY(x: bigint, k: bigint, above?: bigint): bigint {
  if (x <= 0n || k < 0n) throw new RangeError(`stableGetY needs x > 0 and k ≥ 0, got x = ${x}, k = ${k}`);
  const x3 = x * x * x;
  // f(y) ≥ x³·y, so the root is at most k / x³: a start above it, close once x dominates; `above` is closer otherwise.
  let y = k / x3 + 1n;
  if (above !== undefined && above >= 0n && above < y && stableInvariant(x, above) >= k) y = above;
  let excess = stableInvariant(x, y) - k;
  while (excess > 0n) {
    const slope = x3 + 3n * x * y * y; // f'(y)
    const step = excess / slope;
    y -= step > 0n ? step : 1n;
    excess = stableInvariant(x, y) - k;
  }
  return y;
}

/**
 * What a stable pair pays out of reserve `y` for `dx` put into reserve `x`, rounded down (the pool keeps any
 * fraction, as on chain), pool fees not counted. All three in the same normalised units.
 * @throws RangeError for a reserve ≤ 0 or dx < 0.
 * @example stableAmountOut(1n, 3n, 2n) // 2n ((1, 3) and (3, 1) are on the same curve)
 */
export function stableAmountOut(x: bigint, y: bigint, dx: bigint): bigint {
  if (x <= 0n || y <= 0n || dx < 0n) throw new RangeError(`stableAmountOut needs reserves > 0 and dx ≥ 0, got ${x}, ${y}, ${dx}`);
  const k = stableInvariant(x, y);
  const xAfter = x + dx;
  const floor = stableGetY(xAfter, k, y);
  // The pool must keep k: when the root is not an integer, the reserve left is the next integer up.
  const yAfter = stableInvariant(xAfter, floor) === k ? floor : floor + 1n;
  return yAfter < y ? y - yAfter : 0n;
}

/**
 * The marginal price of x in y on the curve, −dy/dx = (3x²y + y³) / (x³ + 3xy²), as an exact fraction.
 * @example stableMarginalPrice(2n, 1n) // { numerator: 13n, denominator: 14n }
 */
export function stableMarginalPrice(x: bigint, y: bigint): { numerator: bigint; denominator: bigint } {
  return { numerator: y * (3n * x * x + y * y), denominator: x * (x * x + 3n * y * y) };
}
