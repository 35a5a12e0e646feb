/** Decimals of a rate computed by scaledRatio. */
export const RATE_DECIMALS = 18;

/**
 * (numerator / 10^nd) / (denominator / 10^dd) as a bigint scaled by 10^RATE_DECIMALS (rounded down),
 * so a rate series (e.g. deposits per wrapper token) can feed bigint growth math. `undefined` when the denominator is 0.
 * @example scaledRatio(105n, 100n, 0, 0) // 1_050_000_000_000_000_000n
 */
export function scaledRatio(numerator: bigint, denominator: bigint, numeratorDecimals: number, denominatorDecimals: number): bigint | undefined {
  if (denominator === 0n) return undefined;
  const shift = RATE_DECIMALS + denominatorDecimals - numeratorDecimals;
  return shift >= 0 ? (numerator * 10n ** BigInt(shift)) / denominator : numerator / (denominator * 10n ** BigInt(-shift));
}
