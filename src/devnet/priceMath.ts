import { MAX_TICK } from '../core/tickMath.ts';

/**
 * Integer price helpers for setting devnet pools. Prices are exact rationals `num / den` of token0 in token1 in
 * whole-token units (as src/core/poolPrice.ts reads them); raw (wei) prices scale by 10^(dec1 − dec0).
 */

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const Q96 = 2n ** 96n;
const Q192 = Q96 * Q96;

/** floor(sqrt(n)) for n ≥ 0. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n)))); // close start; Newton fixes the rest
  if (x === 0n) x = 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
  }
}

/** A decimal number or string as a Ratio with an 18-decimal denominator, exactly for strings like "0.95". */
export function ratioFrom(value: number | string): Ratio {
  // String(0.95) is "0.95" (the shortest round-trip form); only tiny numbers need toFixed.
  const text = typeof value === 'number' ? (/e/i.test(String(value)) ? value.toFixed(18) : String(value)) : value.trim();
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new RangeError(`not a non-negative decimal price: ${String(value)}`);
  const fraction = (match[2] ?? '').slice(0, 18).padEnd(18, '0');
  return { num: BigInt(match[1]!) * 10n ** 18n + BigInt(fraction), den: 10n ** 18n };
}

export function mulRatio(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function invertRatio(a: Ratio): Ratio {
  return { num: a.den, den: a.num };
}

/** The ratio times 10^18, rounded down. */
export function ratioToE18(a: Ratio): bigint {
  return (a.num * 10n ** 18n) / a.den;
}

/** sqrtPriceX96 = floor(sqrt(raw price) × 2^96) for a price of token0 in token1 in whole-token units. */
export function sqrtPriceX96FromPrice(price: Ratio, decimals0: number, decimals1: number): bigint {
  return isqrt((price.num * 10n ** BigInt(decimals1) * Q192) / (price.den * 10n ** BigInt(decimals0)));
}

/** Price of token0 in token1 in whole-token units, as a Ratio, from sqrtPriceX96. */
export function priceFromSqrtPriceX96(sqrtPriceX96: bigint, decimals0: number, decimals1: number): Ratio {
  return { num: sqrtPriceX96 * sqrtPriceX96 * 10n ** BigInt(decimals0), den: Q192 * 10n ** BigInt(decimals1) };
}

/** Price of token0 in token1 in whole-token units from V2 reserves. */
export function priceFromV2Reserves(reserve0: bigint, reserve1: bigint, decimals0: number, decimals1: number): Ratio {
  return { num: reserve1 * 10n ** BigInt(decimals0), den: reserve0 * 10n ** BigInt(decimals1) };
}

/** What a Uniswap V2 pair pays out for `amountIn` against its reserves, after its 0.3 % fee (UniswapV2Library.getAmountOut). */
export function v2AmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  if (amountIn <= 0n) return 0n;
  const withFee = amountIn * 997n;
  return (withFee * reserveOut) / (reserveIn * 1000n + withFee);
}

/** One swap on a V2 pair: `amountIn` of token0 (zeroForOne) or token1 in, `amountOut` of the other out. */
export interface V2Swap {
  readonly zeroForOne: boolean;
  readonly amountIn: bigint;
  readonly amountOut: bigint;
}

/**
 * The exact-input swap (fee paid) that brings a V2 pair from its reserves as close as one wei of input allows to
 * `price` (token0 in token1, whole tokens) without passing it; undefined when no swap of at least one wei in and
 * out moves it closer. Found by bisection on the pair's own payout formula, so the pair accepts it as it is.
 */
export function v2SwapToPrice(reserve0: bigint, reserve1: bigint, price: Ratio, decimals0: number, decimals1: number): V2Swap | undefined {
  if (price.num <= 0n || price.den <= 0n) throw new RangeError('a V2 pair can only be moved to a positive price');
  if (reserve0 <= 0n || reserve1 <= 0n) throw new RangeError('a V2 pair without liquidity has no price to move');
  const rawNum = price.num * 10n ** BigInt(decimals1);
  const rawDen = price.den * 10n ** BigInt(decimals0);
  // Raw price r1 / r0 above the target: token0 is too dear, sell it; below: sell token1.
  const zeroForOne = reserve1 * rawDen > rawNum * reserve0;
  const [reserveIn, reserveOut] = zeroForOne ? [reserve0, reserve1] : [reserve1, reserve0];
  /** True while the swap has not yet passed the target. */
  const short = (amountIn: bigint): boolean => {
    const out = v2AmountOut(amountIn, reserveIn, reserveOut);
    const [r0, r1] = zeroForOne ? [reserve0 + amountIn, reserve1 - out] : [reserve0 - out, reserve1 + amountIn];
    return zeroForOne ? r1 * rawDen >= rawNum * r0 : r1 * rawDen <= rawNum * r0;
  };
  let low = 0n; // short(low) holds
  let high = reserveIn > 0n ? reserveIn : 1n;
  while (short(high)) {
    low = high;
    high *= 2n;
  }
  while (high - low > 1n) {
    const mid = (low + high) / 2n;
    if (short(mid)) low = mid;
    else high = mid;
  }
  const amountOut = v2AmountOut(low, reserveIn, reserveOut);
  return low > 0n && amountOut > 0n ? { zeroForOne, amountIn: low, amountOut } : undefined;
}

/** The widest range of ticks a V3 position may span at `tickSpacing`: both ends on the spacing, inside TickMath's bounds. */
export function fullRangeTicks(tickSpacing: number): { tickLower: number; tickUpper: number } {
  if (!Number.isInteger(tickSpacing) || tickSpacing < 1) throw new RangeError(`tickSpacing must be a positive integer, got ${tickSpacing}`);
  const upper = MAX_TICK - (MAX_TICK % tickSpacing);
  return { tickLower: -upper, tickUpper: upper };
}
