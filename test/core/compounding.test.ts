import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastTotalLoss, COMPOUNDINGS, effectiveApy, periodsPerYear, projectAtApr, projectAtApy, stressedApy, stressedRate, yearsOf } from '../../src/core/compounding.ts';

describe('effectiveApy', () => {
  it('GIVEN 12 % APR compounded monthly THEN 1.01^12 − 1', () => {
    // 1.01^12 − 1 = 0.126825030131969720661… (40-digit decimal arithmetic)
    expect(effectiveApy(0.12, 'monthly')).toBeCloseTo(0.12682503013196972, 14);
  });

  it('GIVEN 10 % APR compounded weekly or daily THEN (1 + 0.1/n)^n − 1', () => {
    // (1 + 0.1/52)^52 − 1 = 0.105064792779766421…; (1 + 0.1/365)^365 − 1 = 0.105155781616264373…
    expect(effectiveApy(0.1, 'weekly')).toBeCloseTo(0.10506479277976642, 14);
    expect(effectiveApy(0.1, 'daily')).toBeCloseTo(0.10515578161626437, 14);
  });

  it('GIVEN no compounding THEN the APR itself', () => {
    expect(effectiveApy(0.12, 'none')).toBe(0.12);
    expect(periodsPerYear('none')).toBe(0);
  });

  it('GIVEN an APR that loses more than everything THEN −100 %, never below', () => {
    // Simple interest at −150 %: 1000 → 0 (projectAtApr), so the year returned −100 %, not −150 %.
    expect(effectiveApy(-1.5, 'none')).toBe(-1);
    // −36 APR monthly: each month −300 %; (1 − 3)^12 − 1 would be +4095.
    expect(effectiveApy(-36, 'monthly')).toBe(-1);
    // −730 APR daily: each day −200 %; (1 − 2)^365 − 1 would be −2.
    expect(effectiveApy(-730, 'daily')).toBe(-1);
  });
});

describe('atLeastTotalLoss', () => {
  it('GIVEN returns above and below −100 % THEN only those below are raised to −1', () => {
    expect(atLeastTotalLoss(-1.25)).toBe(-1);
    expect(atLeastTotalLoss(-1)).toBe(-1);
    expect(atLeastTotalLoss(-0.2)).toBe(-0.2);
    expect(atLeastTotalLoss(3)).toBe(3);
  });
});

describe('projectAtApr', () => {
  it('GIVEN 1,000 at 12 % APR monthly for a year THEN 1000 × 1.01^12', () => {
    expect(projectAtApr(1000, 0.12, 1, 'monthly')).toBeCloseTo(1126.8250301319697, 9);
  });

  it('GIVEN half a year THEN six monthly periods: 1000 × 1.01^6 = 1061.520150601', () => {
    expect(projectAtApr(1000, 0.12, yearsOf(15_768_000), 'monthly')).toBeCloseTo(1061.520150601, 9);
  });

  it('GIVEN no compounding THEN simple interest: 1000 × (1 + 0.12 × 0.5) = 1060', () => {
    expect(projectAtApr(1000, 0.12, 0.5, 'none')).toBeCloseTo(1060, 10);
  });

  it('GIVEN a loss beyond the principal THEN 0, never negative', () => {
    expect(projectAtApr(1000, -3, 1, 'none')).toBe(0);
    expect(projectAtApr(1000, -400, 1, 'daily')).toBe(0);
  });
});

describe('projectAtApy', () => {
  it('GIVEN 10 % APY for 2 years THEN 1000 × 1.1² = 1210', () => {
    expect(projectAtApy(1000, 0.1, 2)).toBeCloseTo(1210, 9);
  });

  it('GIVEN zero years THEN the amount; GIVEN −100 % or worse THEN 0', () => {
    expect(projectAtApy(1000, 0.1, 0)).toBe(1000);
    expect(projectAtApy(1000, -1, 1)).toBe(0);
    expect(projectAtApy(1000, -1.5, 1)).toBe(0);
  });
});

describe('stressedRate', () => {
  it('GIVEN a positive rate THEN it drops by the share of its size', () => {
    expect(stressedRate(0.12, 0.25)).toBeCloseTo(0.09, 15);
    expect(stressedRate(0.12, 0.5)).toBeCloseTo(0.06, 15);
  });

  it('GIVEN a negative rate THEN it gets more negative (a stress never helps)', () => {
    expect(stressedRate(-0.02, 0.5)).toBeCloseTo(-0.03, 15);
  });
});

describe('stressedApy', () => {
  it('GIVEN 12 % THEN 9 % and 6 %, as stressedRate', () => {
    expect(stressedApy(0.12, 0.25)).toBeCloseTo(0.09, 15);
    expect(stressedApy(0.12, 0.5)).toBeCloseTo(0.06, 15);
  });

  it('GIVEN a share price that fell to zero (−100 %) THEN −100 % stressed, not −125 % or −150 %', () => {
    expect(stressedApy(-1, 0.25)).toBe(-1);
    expect(stressedApy(-1, 0.5)).toBe(-1);
    // −80 % − 0.5 × 80 % = −120 %: bounded to −100 %.
    expect(stressedApy(-0.8, 0.5)).toBe(-1);
    // −60 % − 0.25 × 60 % = −75 %: inside the bound, unchanged.
    expect(stressedApy(-0.6, 0.25)).toBeCloseTo(-0.75, 15);
  });
});

const amount = fc.double({ min: 1e-6, max: 1e12, noNaN: true });
const positiveRate = fc.double({ min: 1e-9, max: 5, noNaN: true });
const anyRate = fc.double({ min: -0.99, max: 5, noNaN: true });
const years = fc.double({ min: 0, max: 10, noNaN: true });
const compounding = fc.constantFrom(...COMPOUNDINGS);

describe('properties', () => {
  it('GIVEN APY > 0 THEN a longer duration never earns less', () => {
    fc.assert(
      fc.property(amount, positiveRate, years, years, compounding, (a, r, t1, t2, c) => {
        const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(projectAtApy(a, r, long)).toBeGreaterThanOrEqual(projectAtApy(a, r, short));
        expect(projectAtApr(a, r, long, c)).toBeGreaterThanOrEqual(projectAtApr(a, r, short, c));
      }),
      { seed: 20_240_601, numRuns: 2_000 },
    );
  });

  it('GIVEN any rate and a stress THEN the stressed projection is never above the unstressed one', () => {
    fc.assert(
      fc.property(amount, anyRate, years, compounding, fc.double({ min: 0, max: 1, noNaN: true }), (a, r, t, c, drop) => {
        const stressed = stressedRate(r, drop);
        expect(stressed).toBeLessThanOrEqual(r);
        expect(projectAtApy(a, stressed, t)).toBeLessThanOrEqual(projectAtApy(a, r, t));
        expect(projectAtApr(a, stressed, t, c)).toBeLessThanOrEqual(projectAtApr(a, r, t, c));
      }),
      { seed: 20_240_602, numRuns: 2_000 },
    );
  });

  it('GIVEN any APR or APY, compounding and stress THEN the yearly return is never below −100 %', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 5, noNaN: true }), compounding, fc.double({ min: 0, max: 1, noNaN: true }), (r, c, drop) => {
        expect(effectiveApy(stressedRate(r, drop), c)).toBeGreaterThanOrEqual(-1);
        expect(stressedApy(Math.max(-1, r), drop)).toBeGreaterThanOrEqual(-1);
      }),
      { seed: 20_240_603, numRuns: 2_000 },
    );
  });
});
