import { figure, missing, type Figure } from './figure.ts';

/** Seconds in a 365-day year, the year every annualized figure uses. */
export const YEAR_SECONDS = 31_536_000;

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

function assertInteger(name: string, n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}

/**
 * Converts a fixed-point integer with `decimals` decimals to a number (integer part exact as far as a double can hold it, fraction to double precision).
 * @example toNumber(1234500000000000000000n, 18) // 1234.5
 */
export function toNumber(value: bigint, decimals: number): number {
  assertInteger('decimals', decimals);
  if (decimals <= 0) return Number(value * 10n ** BigInt(-decimals));
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  // Going through a decimal string lets the engine round once, correctly, instead of accumulating float error.
  return Number(`${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

/**
 * (numerator / 10^numeratorDecimals) / (denominator / 10^denominatorDecimals), divided in bigint and converted once at the end.
 * A zero denominator gives `missing('zero-supply')`; negative values are allowed.
 * @example ratio(3n * 10n ** 27n, 2n * 10n ** 27n) // { ok: true, value: 1.5 }
 * @example ratio(2_000_000_000_000n, 50_000n * 10n ** 18n, 6, 18) // { ok: true, value: 40 }
 */
export function ratio(numerator: bigint, denominator: bigint, numeratorDecimals = 0, denominatorDecimals = 0): Figure {
  assertInteger('numeratorDecimals', numeratorDecimals);
  assertInteger('denominatorDecimals', denominatorDecimals);
  if (denominator === 0n) return missing('zero-supply');
  // Bring both sides to the same unit: multiply whichever side has fewer decimals.
  const shiftDecimals = denominatorDecimals - numeratorDecimals;
  let num = shiftDecimals >= 0 ? numerator * 10n ** BigInt(shiftDecimals) : numerator;
  let den = shiftDecimals < 0 ? denominator * 10n ** BigInt(-shiftDecimals) : denominator;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const value = divide(negative ? -num : num, den);
  return figure(negative ? -value : value);
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/**
 * num / den for num >= 0, den > 0, correctly rounded to the nearest double.
 * The quotient is taken in binary with at least 66 significant bits plus a sticky bit for any remainder, so Number()
 * (which rounds a bigint correctly) can never mistake a near-tie for a tie; scaling by 2^-k is then exact.
 */
function divide(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const k = Math.max(0, bitLength(den) - bitLength(num) + 66);
  const shifted = num << BigInt(k);
  let quotient = shifted / den;
  if (shifted % den !== 0n) quotient |= 1n;
  let value = Number(quotient);
  let exponent = -k;
  // 2 ** e underflows below -1022 (wei over 1e300-scale values); step down so the power itself stays representable.
  while (exponent < -1022) {
    value *= 2 ** -1022;
    exponent += 1022;
  }
  return value * 2 ** exponent;
}
