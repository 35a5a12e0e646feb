import { describe, expect, it } from 'vitest';
import { describeHorizon, parseHorizon } from '../../src/core/horizon.ts';
import { english } from '../../src/i18n/translator.ts';
import { parseAmountText, parseRateText } from '../../src/core/humanNumber.ts';

describe('parseAmountText', () => {
  it.each([
    ['1000', 1000],
    ['1,000', 1000],
    ['1,000,000.5', 1_000_000.5],
    ['1_000', 1000],
    ['1k', 1000],
    ['1K', 1000],
    ['2.5m', 2_500_000],
    ['2.5M', 2_500_000],
    ['3b', 3e9],
    ['1t', 1e12],
    ['1e3', 1000],
    ['1.5e3', 1500],
    ['.5', 0.5],
    ['-5', -5],
  ])('GIVEN %s THEN %d', (text, value) => {
    expect(parseAmountText(text)).toBe(value);
  });

  it.each(['', 'abc', '1,00', '1,0000', '1.000,5', '1kk', '0x10', 'Infinity', 'NaN', '1 000', '1e', 'k', '1e999'])('GIVEN %j THEN undefined', (text) => {
    expect(parseAmountText(text)).toBeUndefined();
  });
});

describe('parseRateText', () => {
  it.each([
    ['4.5%', 0.045],
    ['0.045', 0.045],
    ['70%', 0.7],
    ['0.7', 0.7],
    ['4.5', 4.5],
    ['0', 0],
  ])('GIVEN %s THEN %d', (text, value) => {
    expect(parseRateText(text)).toBeCloseTo(value, 15);
  });

  it.each(['', '%', '4.5%%', 'abc', '1k', '4,5%'])('GIVEN %j THEN undefined', (text) => {
    expect(parseRateText(text)).toBeUndefined();
  });
});

describe('parseHorizon', () => {
  it.each([
    ['30d', 30 * 86_400],
    ['12w', 12 * 7 * 86_400],
    ['6m', 31_536_000 / 2],
    ['6months', 31_536_000 / 2],
    ['1y', 31_536_000],
    ['1.5y', 1.5 * 31_536_000],
    ['2Y', 2 * 31_536_000],
    ['90days', 90 * 86_400],
    ['12h', 12 * 3_600],
    ['1hour', 3_600],
    ['0.5d', 12 * 3_600],
  ])('GIVEN %s THEN %d seconds', (text, seconds) => {
    expect(parseHorizon(text)).toBeCloseTo(seconds, 6);
  });

  it.each(['30', '0d', '-1d', '1x', '1min', 'y', '1e3d', ''])('GIVEN %j THEN undefined', (text) => {
    expect(parseHorizon(text)).toBeUndefined();
  });
});

describe('describeHorizon', () => {
  it.each([
    [31_536_000, '1 year'],
    [10 * 31_536_000, '10 years'],
    [31_536_000 / 2, '6 months'],
    [31_536_000 / 12, '1 month'],
    [12 * 7 * 86_400, '12 weeks'],
    [180 * 86_400, '180 days'],
    [1.5 * 86_400, '1.5 days'],
    [86_400 + 86.4, '1.001 days'],
    [12 * 3_600, '12 hours'],
    [3_600, '1 hour'],
    [5_400, '1.5 hours'],
    // Under what 3 decimals show, the digits it needs: never '0 days'.
    [86.4, '0.024 hours'],
    [0.36, '0.0001 hours'],
  ])('GIVEN %d seconds THEN %s', (seconds, text) => {
    expect(describeHorizon(english, seconds)).toBe(text);
  });
});
