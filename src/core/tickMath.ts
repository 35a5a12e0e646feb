/**
 * Uniswap V3 ticks and sqrt prices, exactly as the pools compute them (a port of v3-core's TickMath):
 * tick t is the price 1.0001^t of token0 in token1, in raw units; sqrtPriceX96 = sqrt(price) × 2^96.
 */

export const MIN_TICK = -887_272;
export const MAX_TICK = 887_272;
/** sqrtRatioAtTick(MIN_TICK) and sqrtRatioAtTick(MAX_TICK). */
export const MIN_SQRT_RATIO = 4_295_128_739n;
export const MAX_SQRT_RATIO = 1_461_446_703_485_210_103_287_273_052_203_988_822_378_723_970_342n;

const MAX_UINT256 = (1n << 256n) - 1n;

// 2^128 / sqrt(1.0001)^(2^i) in Q128.128, for bit i of |tick| (bit 0 is the start value).
const FACTORS: readonly bigint[] = [
  0xfff97272373d413259a46990580e213an,
  0xfff2e50f5f656932ef12357cf3c7fdccn,
  0xffe5caca7e10e4e61c3624eaa0941cd0n,
  0xffcb9843d60f6159c9db58835c926644n,
  0xff973b41fa98c081472e6896dfb254c0n,
  0xff2ea16466c96a3843ec78b326b52861n,
  0xfe5dee046a99a2a811c461f1969c3053n,
  0xfcbe86c7900a88aedcffc83b479aa3a4n,
  0xf987a7253ac413176f2b074cf7815e54n,
  0xf3392b0822b70005940c7a398e4b70f3n,
  0xe7159475a2c29b7443b29c7fa6e889d9n,
  0xd097f3bdfd2022b8845ad8f792aa5825n,
  0xa9f746462d870fdf8a65dc1f90e061e5n,
  0x70d869a156d2a1b890bb3df62baf32f7n,
  0x31be135f97d08fd981231505542fcfa6n,
  0x9aa508b5b7a84e1c677de54f3e99bc9n,
  0x5d6af8dedb81196699c329225ee604n,
  0x2216e584f5fa1ea926041bedfe98n,
  0x48a170391f7dc42444e8fa2n,
];

/**
 * sqrt(1.0001^tick) × 2^96, rounded up, bit for bit as TickMath.getSqrtRatioAtTick.
 * @throws RangeError for a tick that is not an integer in MIN_TICK..MAX_TICK.
 * @example sqrtRatioAtTick(0) // 79228162514264337593543950336n (2^96)
 */
export function sqrtRatioAtTick(tick: number): bigint {
  if (!Number.isInteger(tick) || tick < MIN_TICK || tick > MAX_TICK) throw new RangeError(`tick ${tick} is outside ${MIN_TICK}..${MAX_TICK}`);
  const absTick = Math.abs(tick);
  let ratio = absTick & 1 ? 0xfffcb933bd6fad37aa2d162d1a594001n : 1n << 128n;
  FACTORS.forEach((factor, i) => {
    if (absTick & (2 << i)) ratio = (ratio * factor) >> 128n;
  });
  if (tick > 0) ratio = MAX_UINT256 / ratio;
  // Q128.128 to Q64.96, rounding up so that tickAtSqrtRatio(sqrtRatioAtTick(t)) = t.
  return (ratio >> 32n) + (ratio % (1n << 32n) === 0n ? 0n : 1n);
}

/**
 * The greatest tick whose sqrt ratio is at or below sqrtPriceX96 (TickMath.getTickAtSqrtRatio), by bisection
 * over sqrtRatioAtTick, which is monotonic: the same answer as the pool's, without porting its log2 assembly.
 * @throws RangeError outside MIN_SQRT_RATIO ≤ sqrtPriceX96 < MAX_SQRT_RATIO.
 * @example tickAtSqrtRatio(2n ** 96n) // 0
 */
export function tickAtSqrtRatio(sqrtPriceX96: bigint): number {
  if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO) throw new RangeError(`sqrtPriceX96 ${sqrtPriceX96} is outside the tick range`);
  let low = MIN_TICK; // sqrtRatioAtTick(low) ≤ sqrtPriceX96 holds throughout
  let high = MAX_TICK; // and sqrtRatioAtTick(high) > sqrtPriceX96
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (sqrtRatioAtTick(mid) <= sqrtPriceX96) low = mid;
    else high = mid;
  }
  return low;
}
