import { english } from '../../src/i18n/translator.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figure, missing, type Figure } from '../../src/core/figure.ts';
import {
  formatAge,
  formatDays,
  formatAmount,
  formatBps,
  formatDepeg,
  formatNumber,
  formatPercent,
  formatPointsChange,
  formatRatio,
  formatWindow,
  spanNote,
} from '../../src/core/format.ts';
import { toNumber } from '../../src/core/units.ts';

const MINUS = '\u2212';
const gone = missing('not-enough-history');

describe('formatPercent', () => {
  it('GIVEN 0.12345 THEN 12.35%', () => {
    expect(formatPercent(figure(0.12345))).toBe('12.35%');
  });

  it('GIVEN custom digits THEN they are used', () => {
    expect(formatPercent(figure(0.15768), 1)).toBe('15.8%');
    expect(formatPercent(figure(0.15768), 0)).toBe('16%');
  });

  it('GIVEN a negative fraction THEN a real minus sign', () => {
    expect(formatPercent(figure(-0.015))).toBe(`${MINUS}1.50%`);
  });

  it('GIVEN a tiny negative that rounds to zero THEN no sign', () => {
    expect(formatPercent(figure(-0.000001))).toBe('0.00%');
  });

  it('GIVEN a missing figure THEN an em dash', () => {
    expect(formatPercent(gone)).toBe('—');
  });
});

describe('formatPointsChange', () => {
  it('GIVEN +0.0042 THEN +0.42 pp', () => {
    expect(formatPointsChange(figure(0.0042))).toBe('+0.42 pp');
  });

  it('GIVEN −0.01 THEN −1.00 pp with U+2212', () => {
    expect(formatPointsChange(figure(-0.01))).toBe(`${MINUS}1.00 pp`);
    expect(formatPointsChange(figure(-0.01))).toBe('\u22121.00 pp');
  });

  it('GIVEN 0, or a change that rounds to 0 THEN ±0.00 pp', () => {
    expect(formatPointsChange(figure(0))).toBe('±0.00 pp');
    expect(formatPointsChange(figure(-0.00001))).toBe('±0.00 pp');
    expect(formatPointsChange(figure(0.00001))).toBe('±0.00 pp');
  });

  it('GIVEN custom digits THEN they are used', () => {
    expect(formatPointsChange(figure(0.0042), 1)).toBe('+0.4 pp');
  });

  it('GIVEN a missing figure THEN an em dash', () => {
    expect(formatPointsChange(gone)).toBe('—');
  });
});

describe('formatBps', () => {
  it('GIVEN −37.4 THEN −37 bps', () => {
    expect(formatBps(figure(-37.4))).toBe(`${MINUS}37 bps`);
  });

  it('GIVEN 12 THEN +12 bps', () => {
    expect(formatBps(figure(12))).toBe('+12 bps');
  });

  it('GIVEN a half bp THEN it rounds away from zero symmetrically', () => {
    expect(formatBps(figure(37.5))).toBe('+38 bps');
    expect(formatBps(figure(-37.5))).toBe(`${MINUS}38 bps`);
  });

  it('GIVEN a value under half a bp THEN ±0 bps', () => {
    expect(formatBps(figure(0.4))).toBe('±0 bps');
    expect(formatBps(figure(-0.4))).toBe('±0 bps');
  });

  it('GIVEN a missing figure THEN an em dash', () => {
    expect(formatBps(missing('zero-price'))).toBe('—');
  });
});

describe('formatWindow', () => {
  it('GIVEN whole hours, whole minutes or seconds THEN h, min or s', () => {
    expect(formatWindow(1800)).toBe('30 min');
    expect(formatWindow(5400)).toBe('90 min');
    expect(formatWindow(7200)).toBe('2 h');
    expect(formatWindow(45)).toBe('45 s');
  });
});

describe('formatDepeg', () => {
  it('GIVEN a pool without a TWAP THEN the spot bps alone', () => {
    expect(formatDepeg(english, { depegBps: figure(-37), twapDepegBps: missing('no-twap') })).toBe(`${MINUS}37 bps`);
  });

  it('GIVEN a pool with a TWAP THEN both, the TWAP labelled with its window; a missing TWAP is a dash, never NaN', () => {
    expect(formatDepeg(english, { depegBps: figure(-312), twapDepegBps: figure(-41), twapSeconds: 1800 })).toBe(`spot ${MINUS}312 bps, 30 min TWAP ${MINUS}41 bps`);
    expect(formatDepeg(english, { depegBps: figure(3), twapDepegBps: missing('oracle-too-short'), twapSeconds: 3600 })).toBe('spot +3 bps, 1 h TWAP —');
  });
});

describe('formatAmount', () => {
  it('GIVEN the documented examples THEN compact text', () => {
    expect(formatAmount(950)).toBe('950');
    expect(formatAmount(1234)).toBe('1.23k');
    expect(formatAmount(2_500_000)).toBe('2.50M');
    expect(formatAmount(3.1e9)).toBe('3.10B');
    expect(formatAmount(0.0123)).toBe('0.0123');
  });

  it('GIVEN values under 1000 THEN up to `digits` decimals without trailing zeros', () => {
    expect(formatAmount(12.5)).toBe('12.5');
    expect(formatAmount(12.345)).toBe('12.35');
    expect(formatAmount(1)).toBe('1');
    expect(formatAmount(0)).toBe('0');
  });

  it('GIVEN small values THEN significant digits are kept', () => {
    expect(formatAmount(0.5)).toBe('0.5');
    expect(formatAmount(0.123456)).toBe('0.123');
    expect(formatAmount(0.0000123456)).toBe('0.0000123');
  });

  it('GIVEN rounding that reaches the next unit THEN the next unit is used', () => {
    expect(formatAmount(999_999)).toBe('1.00M');
    expect(formatAmount(999.999)).toBe('1.00k');
  });

  it('GIVEN trillions THEN T; beyond 999.99T THEN scientific, never every digit of the double', () => {
    expect(formatAmount(4.2e12)).toBe('4.20T');
    expect(formatAmount(999.994e12)).toBe('999.99T');
    // 999.995T rounds to 1000.00T: past the largest suffix.
    expect(formatAmount(999.995e12)).toBe('1.00e15');
    expect(formatAmount(1e15)).toBe('1.00e15');
    expect(formatAmount(4.2e15)).toBe('4.20e15');
    // 1e21 as a double is 1000000000000000000000 exactly; 999999999999999868928 is the double below it.
    expect(formatAmount(1e21)).toBe('1.00e21');
    expect(formatAmount(999_999_999_999_999_868_928)).toBe('1.00e21');
    expect(formatAmount(1e30)).toBe('1.00e30');
  });

  it('GIVEN 2^256 − 1 wei (the largest uint256) THEN 1.16e59 tokens at 18 decimals, 1.16e77 at 0', () => {
    const max = 2n ** 256n - 1n;
    // 115792089237316195423570985008687907853269984665640564039457584007913129639935 wei ÷ 1e18.
    expect(formatAmount(toNumber(max, 18))).toBe('1.16e59');
    expect(formatAmount(toNumber(max, 0))).toBe('1.16e77');
    expect(formatAmount(toNumber(-max, 18))).toBe(`${MINUS}1.16e59`);
  });

  it('GIVEN a tiny amount THEN significant digits down to 0.000001, scientific below', () => {
    expect(formatAmount(0.000001)).toBe('0.000001');
    expect(formatAmount(9e-7)).toBe(`9.00e${MINUS}7`);
    expect(formatAmount(1e-12)).toBe(`1.00e${MINUS}12`);
    expect(formatAmount(-1.234e-30)).toBe(`${MINUS}1.23e${MINUS}30`);
    expect(formatAmount(5e-324)).toBe(`4.94e${MINUS}324`);
  });

  it('GIVEN a negative value THEN a real minus sign', () => {
    expect(formatAmount(-1234)).toBe(`${MINUS}1.23k`);
  });

  it('GIVEN custom digits THEN they are used', () => {
    expect(formatAmount(1234, 1)).toBe('1.2k');
  });

  it('GIVEN a figure THEN its value, or an em dash when missing or non-finite', () => {
    expect(formatAmount(figure(2_500_000))).toBe('2.50M');
    expect(formatAmount(missing('no-data'))).toBe('—');
    // A raw number that is not one: the dash says why.
    expect(formatAmount(NaN)).toBe('— (not a number)');
    expect(formatAmount(Infinity)).toBe('— (too large to show)');
    expect(formatAmount(-Infinity)).toBe('— (too large to show)');
  });
});

describe('formatRatio', () => {
  it('GIVEN 1.234 THEN 1.234×', () => {
    expect(formatRatio(figure(1.234))).toBe('1.234×');
  });

  it('GIVEN 1.119 with 2 digits THEN 1.12×', () => {
    expect(formatRatio(figure(1.119), 2)).toBe('1.12×');
  });

  it('GIVEN a missing figure THEN an em dash', () => {
    expect(formatRatio(missing('incomplete'))).toBe('—');
  });
});

describe('formatAge', () => {
  it('GIVEN the documented examples THEN the two largest units', () => {
    expect(formatAge(42)).toBe('42s');
    expect(formatAge(300)).toBe('5m');
    expect(formatAge(7260)).toBe('2h 1m');
    expect(formatAge(90_000)).toBe('1d 1h');
  });

  it('GIVEN a zero second unit THEN it is dropped; otherwise kept', () => {
    expect(formatAge(90)).toBe('1m 30s');
    expect(formatAge(7200)).toBe('2h');
    expect(formatAge(86_400)).toBe('1d');
    expect(formatAge(86_400 + 59)).toBe('1d');
  });

  it('GIVEN zero, negative or fractional seconds THEN whole seconds, never below 0s', () => {
    expect(formatAge(0)).toBe('0s');
    expect(formatAge(-5)).toBe('0s');
    expect(formatAge(42.9)).toBe('42s');
  });

  it('GIVEN NaN or Infinity THEN an em dash', () => {
    expect(formatAge(NaN)).toBe('—');
    expect(formatAge(Infinity)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('GIVEN a value and digits THEN fixed digits', () => {
    expect(formatNumber(figure(3.14159), 2)).toBe('3.14');
    expect(formatNumber(figure(40), 0)).toBe('40');
    expect(formatNumber(figure(-1.5), 1)).toBe(`${MINUS}1.5`);
  });

  it('GIVEN a missing figure THEN an em dash', () => {
    expect(formatNumber(gone, 2)).toBe('—');
  });

  it('GIVEN a value of 1e15 or more THEN scientific with U+2212 signs, not every digit nor JavaScript\'s 1e+21', () => {
    expect(formatNumber(figure(999_999_999_999_999), 0)).toBe('999999999999999');
    expect(formatNumber(figure(1e15), 0)).toBe('1.00e15');
    expect(formatNumber(figure(1e21), 1)).toBe('1.00e21');
    expect(formatNumber(figure(-(2 ** 70)), 3)).toBe(`${MINUS}1.181e21`);
    expect(formatPercent(figure(1e20))).toBe('1.00e22%');
    expect(formatBps(figure(3.5e18))).toBe('+3.50e18 bps');
    expect(formatRatio(figure(1e30))).toBe('1.000e30×');
  });

  it('GIVEN a figure that overflows when scaled to percent THEN an em dash that says why', () => {
    expect(formatPercent(figure(1e307))).toBe('— (too large to show)');
    expect(formatPointsChange(figure(-1e307))).toBe('— (too large to show)');
  });
});

describe('formatters (property)', () => {
  it('GIVEN any figure THEN no formatter prints NaN, Infinity or a hyphen-minus', () => {
    const anyFigure: fc.Arbitrary<Figure> = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(figure),
      fc.constant(gone),
    );
    fc.assert(
      fc.property(anyFigure, (f) => {
        const out = [formatPercent(f), formatPointsChange(f), formatBps(f), formatAmount(f), formatRatio(f), formatNumber(f, 2)];
        // Every text is short too: at most a 3-digit exponent, never hundreds of digits.
        return out.every((s) => !/NaN|Infinity|-|e[+-]/.test(s) && s.length <= 24);
      }),
    );
  });
});

describe('formatDays', () => {
  it('GIVEN whole and half days THEN days with at most one decimal, singular for one', () => {
    expect(formatDays(english, 21 * 86_400)).toBe('21 days');
    expect(formatDays(english, 14 * 86_400 + 12 * 3_600)).toBe('14.5 days');
    expect(formatDays(english, 86_400)).toBe('1 day');
    // 6 h = 0.25 d, exact in binary: the tie rounds up.
    expect(formatDays(english, 6 * 3_600)).toBe('0.3 days');
    expect(formatDays(english, 0)).toBe('0 days');
    expect(formatDays(english, Number.NaN)).toBe('—');
  });
});

describe('spanNote', () => {
  it('GIVEN a span within 10 % of the window THEN nothing to say', () => {
    expect(spanNote(english, 86_400, 86_400)).toBeUndefined();
    // 26.4 h is exactly 10 % over 24 h: still within.
    expect(spanNote(english, 86_400, 95_040)).toBeUndefined();
    expect(spanNote(english, 86_400, undefined)).toBeUndefined();
  });

  it('GIVEN a span more than 10 % off THEN the span: hours under two days, days beyond', () => {
    expect(spanNote(english, 86_400, 31 * 3_600)).toBe('over 31 h');
    expect(spanNote(english, 86_400, 95_041)).toBe('over 26 h');
    expect(spanNote(english, 7 * 86_400, 9.5 * 86_400)).toBe('over 9.5 days');
    expect(spanNote(english, 7 * 86_400, 6 * 86_400)).toBe('over 6 days');
  });
});
