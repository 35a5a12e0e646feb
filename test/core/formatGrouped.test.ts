import { describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { formatGrouped, formatRatioChange } from '../../src/core/format.ts';

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
