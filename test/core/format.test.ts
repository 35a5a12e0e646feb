import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figure, missing, type Figure } from '../../src/core/figure.ts';
import {
  formatAge,
  formatAmount,
  formatBps,
  formatDepeg,
  formatNumber,
  formatPercent,
  formatPointsChange,
  formatRatio,
  formatWindow,
} from '../../src/core/format.ts';

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
    expect(formatDepeg({ depegBps: figure(-37), twapDepegBps: missing('no-twap') })).toBe(`${MINUS}37 bps`);
  });

  it('GIVEN a pool with a TWAP THEN both, the TWAP labelled with its window; a missing TWAP is a dash, never NaN', () => {
    expect(formatDepeg({ depegBps: figure(-312), twapDepegBps: figure(-41), twapSeconds: 1800 })).toBe(`spot ${MINUS}312 bps, 30 min TWAP ${MINUS}41 bps`);
    expect(formatDepeg({ depegBps: figure(3), twapDepegBps: missing('oracle-too-short'), twapSeconds: 3600 })).toBe('spot +3 bps, 1 h TWAP —');
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

  it('GIVEN trillions and beyond THEN T', () => {
    expect(formatAmount(4.2e12)).toBe('4.20T');
    expect(formatAmount(4.2e15)).toBe('4200.00T');
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
    expect(formatAmount(NaN)).toBe('—');
    expect(formatAmount(Infinity)).toBe('—');
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

  it('GIVEN a value of 1e21 or more THEN plain digits, not exponent notation', () => {
    expect(formatNumber(figure(1e21), 1)).toBe('1000000000000000000000.0');
    expect(formatPercent(figure(1e20))).toBe('10000000000000000000000.00%');
  });

  it('GIVEN a figure that overflows when scaled to percent THEN an em dash', () => {
    expect(formatPercent(figure(1e307))).toBe('—');
    expect(formatPointsChange(figure(-1e307))).toBe('—');
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
        return out.every((s) => !/NaN|Infinity|-|e[+-]/.test(s));
      }),
    );
  });
});
