import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualizedGrowth, aprToApy, windowApy, type RatePoint } from '../../src/core/apy.ts';
import { missing } from '../../src/core/figure.ts';
import { DAY_SECONDS, YEAR_SECONDS } from '../../src/core/units.ts';

const E18 = 10n ** 18n;

describe('aprToApy', () => {
  it('GIVEN 12 % APR compounded monthly THEN 1.01^12 − 1', () => {
    // 1.01^12 − 1 = 0.126825030131969720661201 (40-digit decimal arithmetic)
    expect(aprToApy(0.12, 12)).toBeCloseTo(0.12682503013196972, 14);
  });

  it('GIVEN 10 % APR compounded daily THEN (1 + 0.1/365)^365 − 1', () => {
    // = 0.105155781616264373938...
    expect(aprToApy(0.1, 365)).toBeCloseTo(0.10515578161626437, 14);
  });

  it('GIVEN 10 % APR compounded continuously THEN e^0.1 − 1', () => {
    // = 0.105170918075647624811...
    expect(aprToApy(0.1, Infinity)).toBeCloseTo(0.10517091807564762, 15);
  });

  it('GIVEN one period a year or a zero APR THEN APY = APR', () => {
    expect(aprToApy(0.07, 1)).toBeCloseTo(0.07, 15);
    expect(aprToApy(0, 365)).toBe(0);
  });

  it('GIVEN a rate of −100 % or worse per period THEN −100 %: the first period took everything', () => {
    // n = 2, apr = −3: each half year −150 %; the plain power (1 − 1.5)^2 − 1 = −0.75 would leave a quarter.
    expect(aprToApy(-3, 2)).toBe(-1);
    // n = 12, apr = −36: (1 − 3)^12 − 1 = +4095 by the plain power; n = 365, apr = −730: (−1)^365 − 1 = −2.
    expect(aprToApy(-36, 12)).toBe(-1);
    expect(aprToApy(-730, 365)).toBe(-1);
    expect(aprToApy(-12, 12)).toBe(-1);
  });

  it('GIVEN any APR and period count THEN never below −100 % (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 2, noNaN: true }), fc.constantFrom(1, 2, 12, 52, 365, Infinity), (apr, n) => aprToApy(apr, n) >= -1),
      { seed: 20_240_610, numRuns: 2_000 },
    );
  });

  it('GIVEN a non-positive or NaN period count THEN it throws RangeError', () => {
    expect(() => aprToApy(0.1, 0)).toThrow(RangeError);
    expect(() => aprToApy(0.1, -12)).toThrow(RangeError);
    expect(() => aprToApy(0.1, NaN)).toThrow(RangeError);
  });

  it('GIVEN a positive APR THEN more compounding never lowers the APY, up to continuous (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), (apr) => {
        const tol = 1e-12;
        const a1 = aprToApy(apr, 1);
        const a12 = aprToApy(apr, 12);
        const a365 = aprToApy(apr, 365);
        const aInf = aprToApy(apr, Infinity);
        return a1 <= a12 + tol && a12 <= a365 + tol && a365 <= aInf + tol;
      }),
    );
  });
});

describe('annualizedGrowth', () => {
  it('GIVEN 100 → 110 over exactly one year THEN 10 %', () => {
    const g = annualizedGrowth({ time: 0, raw: 100n }, { time: YEAR_SECONDS, raw: 110n });
    expect(g.ok && g.value).toBeCloseTo(0.1, 14);
  });

  it('GIVEN 1.0 → 1.0001 (18 decimals) over one day THEN 1.0001^365 − 1', () => {
    // 1.0001^365 − 1 = 0.037172411302551929902...
    const g = annualizedGrowth({ time: 1_700_000_000, raw: E18 }, { time: 1_700_000_000 + DAY_SECONDS, raw: E18 + 10n ** 14n });
    expect(g.ok && g.value).toBeCloseTo(0.03717241130255193, 12);
  });

  it('GIVEN a share price change of 1 wei on a 1e27 scale over a day THEN a tiny positive APY, not zero', () => {
    // (1 + 1e-27)^365 − 1 ≈ 365e-27
    const g = annualizedGrowth({ time: 0, raw: 10n ** 27n }, { time: DAY_SECONDS, raw: 10n ** 27n + 1n });
    expect(g.ok && g.value).toBeCloseTo(365e-27, 35);
    expect(g.ok && g.value).toBeGreaterThan(0);
  });

  it('GIVEN a falling rate THEN a negative APY', () => {
    // 1.0 → 0.99 over a year = −1 %
    const g = annualizedGrowth({ time: 0, raw: 100n }, { time: YEAR_SECONDS, raw: 99n });
    expect(g.ok && g.value).toBeCloseTo(-0.01, 14);
  });

  it('GIVEN no time elapsed or time going backwards THEN not-enough-history', () => {
    expect(annualizedGrowth({ time: 10, raw: 1n }, { time: 10, raw: 2n })).toEqual(missing('not-enough-history'));
    expect(annualizedGrowth({ time: 10, raw: 1n }, { time: 5, raw: 2n })).toEqual(missing('not-enough-history'));
  });

  it('GIVEN a zero or negative starting rate THEN zero-supply', () => {
    expect(annualizedGrowth({ time: 0, raw: 0n }, { time: 10, raw: 2n })).toEqual(missing('zero-supply'));
    expect(annualizedGrowth({ time: 0, raw: -1n }, { time: 10, raw: 2n })).toEqual(missing('zero-supply'));
  });

  it('GIVEN a growth too large to annualize THEN not-finite, never Infinity', () => {
    // doubling every second for a year overflows a double
    expect(annualizedGrowth({ time: 0, raw: 1n }, { time: 1, raw: 2n })).toEqual(missing('not-finite'));
  });
});

describe('windowApy', () => {
  const start = 1_700_000_000;
  const then: RatePoint = { time: start, raw: E18 };

  it('GIVEN a point exactly one window back THEN the window APY', () => {
    // 1.0 → 1.002 over exactly 7 d: 1.002^(365/7) − 1 = 0.109801940488267786...
    const now: RatePoint = { time: start + 7 * DAY_SECONDS, raw: 1_002n * 10n ** 15n };
    const f = windowApy(now, then, 7 * DAY_SECONDS);
    expect(f.ok && f.value).toBeCloseTo(0.10980194048826779, 12);
  });

  it('GIVEN a point 30 h back for a 24 h window THEN the actual 30 h is annualized', () => {
    // 1.0 → 1.0001 over 30 h: exp(ln(1.0001) × 365 × 24 / 30) − 1 = 0.029628996824667480...
    const now: RatePoint = { time: start + 30 * 3600, raw: E18 + 10n ** 14n };
    const f = windowApy(now, then, DAY_SECONDS);
    expect(f.ok && f.value).toBeCloseTo(0.02962899682466748, 12);
  });

  it('GIVEN a point exactly 1.5 windows back THEN still accepted', () => {
    const now: RatePoint = { time: start + 36 * 3600, raw: E18 };
    expect(windowApy(now, then, DAY_SECONDS)).toEqual({ ok: true, value: 0 });
  });

  it('GIVEN a point more than 1.5 windows back THEN not-enough-history', () => {
    const now: RatePoint = { time: start + 36 * 3600 + 1, raw: E18 + 10n ** 14n };
    expect(windowApy(now, then, DAY_SECONDS)).toEqual(missing('not-enough-history'));
  });

  it('GIVEN no stored point THEN not-enough-history', () => {
    expect(windowApy({ time: start, raw: E18 }, undefined, DAY_SECONDS)).toEqual(missing('not-enough-history'));
  });

  it('GIVEN a non-positive window THEN not-enough-history', () => {
    expect(windowApy({ time: start + 10, raw: E18 }, then, 0)).toEqual(missing('not-enough-history'));
  });

  it('GIVEN any bigint rates and times THEN the result is never non-finite (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt(),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.integer({ min: -10, max: 100_000_000 }),
        (rawThen, rawNow, t0, dt, window) => {
          const f = windowApy({ time: t0 + dt, raw: rawNow }, { time: t0, raw: rawThen }, window);
          return f.ok ? Number.isFinite(f.value) : f.missing.length > 0;
        },
      ),
    );
  });
});
