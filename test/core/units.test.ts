import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missing } from '../../src/core/figure.ts';
import { DAY_SECONDS, ratio, toNumber, YEAR_SECONDS } from '../../src/core/units.ts';

const E18 = 10n ** 18n;

describe('constants', () => {
  it('GIVEN the year and day constants THEN they are 365 days and 24 hours', () => {
    expect(YEAR_SECONDS).toBe(365 * 24 * 60 * 60);
    expect(DAY_SECONDS).toBe(24 * 60 * 60);
  });
});

describe('toNumber', () => {
  it('GIVEN 1234.5 with 18 decimals THEN 1234.5', () => {
    expect(toNumber(1234500000000000000000n, 18)).toBe(1234.5);
  });

  it('GIVEN 6-decimal USDC THEN the human amount', () => {
    expect(toNumber(2_000_000_000_000n, 6)).toBe(2_000_000);
    expect(toNumber(1n, 6)).toBe(0.000001);
  });

  it('GIVEN 0 decimals or a negative value THEN plain integer / signed result', () => {
    expect(toNumber(42n, 0)).toBe(42);
    expect(toNumber(-1500000000000000000n, 18)).toBe(-1.5);
    expect(toNumber(0n, 18)).toBe(0);
  });

  it('GIVEN the largest safe integer scaled by 1e18 THEN the integer part is exact', () => {
    expect(toNumber(9_007_199_254_740_991n * E18, 18)).toBe(9_007_199_254_740_991);
  });

  it('GIVEN a 1e27-wei amount THEN the result equals the decimal literal rounded once', () => {
    // 1,234,567,890.123456789012345678 METIS
    expect(toNumber(1_234_567_890_123_456_789_012_345_678n, 18)).toBe(1234567890.123456789012345678);
  });

  it('GIVEN a non-integer decimals count THEN it throws RangeError', () => {
    expect(() => toNumber(1n, 1.5)).toThrow(RangeError);
  });

  it('GIVEN any safe integer k THEN toNumber(k·1e18, 18) === k (property)', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (k) => toNumber(BigInt(k) * E18, 18) === k));
  });
});

describe('ratio', () => {
  it('GIVEN 3e27 / 2e27 THEN 1.5', () => {
    expect(ratio(3n * 10n ** 27n, 2n * 10n ** 27n)).toEqual({ ok: true, value: 1.5 });
  });

  it('GIVEN a 27-digit numerator over 1e27 THEN all double digits survive', () => {
    expect(ratio(123_456_789_012_345_678_901_234_567n, 10n ** 27n)).toEqual({ ok: true, value: 0.123456789012345678901234567 });
  });

  it('GIVEN values too large for a double THEN the quotient is still exact', () => {
    // Number(10n ** 400n) is Infinity, so a float division would give NaN.
    expect(ratio(10n ** 400n, 10n ** 399n)).toEqual({ ok: true, value: 10 });
  });

  it('GIVEN a tiny difference of two 1e27 amounts over 1e27 THEN it is not lost', () => {
    // (1e27 + 7) − 1e27 = 7 wei; 7 / 1e27 = 7e-27
    const a = 10n ** 27n + 7n;
    const b = 10n ** 27n;
    expect(ratio(a - b, b)).toEqual({ ok: true, value: 7e-27 });
  });

  it('GIVEN decimals on both sides THEN they are applied: 2,000,000 USDC(6) per 50,000 METIS(18) = 40', () => {
    expect(ratio(2_000_000n * 10n ** 6n, 50_000n * E18, 6, 18)).toEqual({ ok: true, value: 40 });
    // 1 raw unit at 6 decimals over 1 raw unit at 18 decimals = 1e-6 / 1e-18 = 1e12
    expect(ratio(1n, 1n, 6, 18)).toEqual({ ok: true, value: 1e12 });
  });

  it('GIVEN negative operands THEN the sign follows arithmetic', () => {
    expect(ratio(-3n, 2n)).toEqual({ ok: true, value: -1.5 });
    expect(ratio(3n, -2n)).toEqual({ ok: true, value: -1.5 });
    expect(ratio(-3n, -2n)).toEqual({ ok: true, value: 1.5 });
  });

  it('GIVEN a zero denominator THEN zero-supply', () => {
    expect(ratio(5n, 0n)).toEqual(missing('zero-supply'));
    expect(ratio(0n, 0n, 18, 18)).toEqual(missing('zero-supply'));
  });

  it('GIVEN a zero numerator THEN 0', () => {
    expect(ratio(0n, 7n)).toEqual({ ok: true, value: 0 });
  });

  it('GIVEN a quotient within a hair of a rounding tie THEN it still rounds like exact division', () => {
    // 1 / (2^53 − 47) sits ~1e-32 from the midpoint between two doubles; a 24-digit decimal truncation rounds it the wrong way.
    expect(ratio(-1n, 9_007_199_254_740_945n)).toEqual({ ok: true, value: -1 / 9_007_199_254_740_945 });
  });

  it('GIVEN 1 wei over a 1e300-scale denominator THEN 1e-300, not 0 or NaN', () => {
    expect(ratio(1n, 10n ** 300n)).toEqual({ ok: true, value: 1e-300 });
  });

  it('GIVEN safe integers a, b≠0 THEN ratio equals a / b correctly rounded (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger().filter((b) => b !== 0), (a, b) => {
        const r = ratio(BigInt(a), BigInt(b));
        return r.ok && r.value === a / b;
      }),
    );
  });

  it('GIVEN any bigints THEN the result is never a non-finite value (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), fc.nat(36), fc.nat(36), (n, d, nd, dd) => {
        const r = ratio(n, d, nd, dd);
        return r.ok ? Number.isFinite(r.value) : typeof r.missing === 'string';
      }),
    );
  });
});
