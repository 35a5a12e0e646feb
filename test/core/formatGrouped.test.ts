import { describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { formatGrouped, formatQuantity, formatRatioChange } from '../../src/core/format.ts';

describe('formatGrouped', () => {
  it('GIVEN amounts THEN thousands separators and fixed digits', () => {
    expect(formatGrouped(1170.7516)).toBe('1,170.75');
    expect(formatGrouped(999.995)).toBe('1,000.00');
    expect(formatGrouped(2_500_000, 0)).toBe('2,500,000');
    expect(formatGrouped(12.5)).toBe('12.50');
    expect(formatGrouped(-2500, 0)).toBe('−2,500');
    expect(formatGrouped(999_999_999_999_999, 0)).toBe('999,999,999,999,999');
    expect(formatGrouped(1e21, 0)).toBe('1.00e21');
    expect(formatGrouped(-4.2e15, 2, { signed: true })).toBe('−4.20e15');
    expect(formatGrouped(4.2e15, 2, { signed: true })).toBe('+4.20e15');
    expect(formatGrouped(Number.NaN)).toBe('— (not a number)');
    expect(formatGrouped(Number.POSITIVE_INFINITY)).toBe('— (too large to show)');
  });

  it('GIVEN signed THEN always a sign, ± for zero', () => {
    expect(formatGrouped(170.78, 2, { signed: true })).toBe('+170.78');
    expect(formatGrouped(-1000, 2, { signed: true })).toBe('−1,000.00');
    expect(formatGrouped(-0.001, 2, { signed: true })).toBe('±0.00');
  });
});

describe('formatRatioChange', () => {
  it('GIVEN a change of leverage THEN signed with ×', () => {
    expect(formatRatioChange(figure(0.0024))).toBe('+0.0024×');
    expect(formatRatioChange(figure(-0.0105))).toBe('−0.0105×');
    expect(formatRatioChange(figure(0))).toBe('±0.0000×');
    expect(formatRatioChange(missing('not-enough-history'))).toBe('—');
  });
});

describe('formatQuantity', () => {
  it('GIVEN limits and typed values THEN as a person writes them, never 1e-7 or 1000000000000', () => {
    expect(formatQuantity(1e12)).toBe('1,000,000,000,000');
    expect(formatQuantity(0.000001)).toBe('0.000001');
    expect(formatQuantity(1234.5678)).toBe('1,234.5678');
    expect(formatQuantity(4.5)).toBe('4.5');
    expect(formatQuantity(0)).toBe('0');
    expect(formatQuantity(-0.1)).toBe('−0.1');
    // 0.1 + 0.2 = 0.30000000000000004: 12 significant digits.
    expect(formatQuantity(0.1 + 0.2)).toBe('0.3');
    expect(formatQuantity(1 / 3)).toBe('0.333333333333');
  });

  it('GIVEN very small or very large values THEN scientific with U+2212, trailing zeros dropped', () => {
    expect(formatQuantity(1e-7)).toBe('1e−7');
    expect(formatQuantity(-2.5e-9)).toBe('−2.5e−9');
    expect(formatQuantity(999_999_999_999_999)).toBe('999,999,999,999,999');
    expect(formatQuantity(1e21)).toBe('1e21');
    expect(formatQuantity(2 ** 256)).toBe('1.15792089237e77');
  });

  it('GIVEN NaN or Infinity THEN a dash that says why', () => {
    expect(formatQuantity(Number.NaN)).toBe('— (not a number)');
    expect(formatQuantity(Number.NEGATIVE_INFINITY)).toBe('— (too large to show)');
  });
});
