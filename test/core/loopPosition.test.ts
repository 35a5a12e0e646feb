import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stressedRate } from '../../src/core/compounding.ts';
import { liquidatingDepeg, loopExposure, loopNetApy } from '../../src/core/loopPosition.ts';

describe('loopExposure', () => {
  it('GIVEN ltv 0.7 and 3 loops THEN 1 + 0.7 + 0.49 + 0.343 = 2.533', () => {
    expect(loopExposure(0.7, 3)).toBeCloseTo(2.533, 14);
  });

  it('GIVEN ltv 0.9 and 20 loops THEN Σ 0.9^i for i = 0…20 = 8.905810108684876…', () => {
    expect(loopExposure(0.9, 20)).toBeCloseTo(8.905810108684876, 12);
  });

  it('GIVEN infinite loops THEN 1 / (1 − ltv)', () => {
    expect(loopExposure(0.5, Infinity)).toBe(2);
    expect(loopExposure(0.75, Infinity)).toBe(4);
  });

  it('GIVEN no loops or ltv 0 THEN 1 (no borrowing)', () => {
    expect(loopExposure(0.7, 0)).toBe(1);
    expect(loopExposure(0, 5)).toBe(1);
  });

  it('GIVEN ltv outside [0, 1) or a fractional loop count THEN RangeError', () => {
    expect(() => loopExposure(1, 3)).toThrow(RangeError);
    expect(() => loopExposure(-0.1, 3)).toThrow(RangeError);
    expect(() => loopExposure(Number.NaN, 3)).toThrow(RangeError);
    expect(() => loopExposure(0.5, 2.5)).toThrow(RangeError);
    expect(() => loopExposure(0.5, -1)).toThrow(RangeError);
  });
});

describe('loopNetApy', () => {
  it('GIVEN M 2.533, stake 12.71 %, borrow 4.5 % THEN 2.533 × 0.1271 − 1.533 × 0.045 = 0.2529593', () => {
    expect(loopNetApy({ exposure: 2.533, stakeApy: 0.1271, borrowApr: 0.045 })).toBeCloseTo(0.2529593, 14);
  });

  it('GIVEN no debt THEN the stake APY', () => {
    expect(loopNetApy({ exposure: 1, stakeApy: 0.1, borrowApr: 0.5 })).toBe(0.1);
  });

  it('GIVEN a token that lost everything THEN −100 % of the own capital, not −260 %', () => {
    // 2.533 × (−1) − 1.533 × 0.045 = −2.601985: more than the capital; the loop can lose only that.
    expect(loopNetApy({ exposure: 2.533, stakeApy: -1, borrowApr: 0.045 })).toBe(-1);
    // 2.533 × (−0.3) − 1.533 × 0.045 = −0.828885: inside the bound, unchanged.
    expect(loopNetApy({ exposure: 2.533, stakeApy: -0.3, borrowApr: 0.045 })).toBeCloseTo(-0.828885, 14);
  });
});

describe('liquidatingDepeg', () => {
  it('GIVEN M 2.533 and LT 0.8 THEN 1 − 1.533 / (2.533 × 0.8) = 0.243485984998026…', () => {
    const point = liquidatingDepeg({ exposure: 2.533, liquidationThreshold: 0.8 });
    expect(point.immediate).toBe(false);
    expect(point.depeg).toBeCloseTo(0.24348598499802606, 14);
    expect(point.debtRatio).toBeCloseTo(1.533 / 2.533, 14); // 0.60521…
  });

  it('GIVEN LT below the position\'s own debt/collateral THEN liquidatable at once, depeg 0', () => {
    // M 5: debt 4 over collateral 5 = 0.8 ≥ 0.7.
    expect(liquidatingDepeg({ exposure: 5, liquidationThreshold: 0.7 })).toEqual({ depeg: 0, immediate: true, debtRatio: 0.8 });
    // Exactly at the threshold: M 2 (debt 1 over 2 = 0.5), LT 0.5.
    expect(liquidatingDepeg({ exposure: 2, liquidationThreshold: 0.5 })).toEqual({ depeg: 0, immediate: true, debtRatio: 0.5 });
  });

  it('GIVEN no debt THEN no depeg liquidates it', () => {
    expect(liquidatingDepeg({ exposure: 1, liquidationThreshold: 0.8 })).toEqual({ depeg: undefined, immediate: false, debtRatio: 0 });
  });

  it('GIVEN M < 1 or LT outside (0, 1] THEN RangeError', () => {
    expect(() => liquidatingDepeg({ exposure: 0.5, liquidationThreshold: 0.8 })).toThrow(RangeError);
    expect(() => liquidatingDepeg({ exposure: 2, liquidationThreshold: 0 })).toThrow(RangeError);
    expect(() => liquidatingDepeg({ exposure: 2, liquidationThreshold: 1.01 })).toThrow(RangeError);
  });
});

const ltv = fc.double({ min: 0, max: 0.999_999, noNaN: true });
const loops = fc.integer({ min: 0, max: 20 });

describe('properties', () => {
  it('GIVEN a higher ltv or more loops THEN exposure never shrinks', () => {
    fc.assert(
      fc.property(ltv, ltv, loops, loops, (l1, l2, k1, k2) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const [few, many] = k1 <= k2 ? [k1, k2] : [k2, k1];
        expect(loopExposure(hi, few)).toBeGreaterThanOrEqual(loopExposure(lo, few));
        expect(loopExposure(lo, many)).toBeGreaterThanOrEqual(loopExposure(lo, few));
        expect(loopExposure(hi, Infinity)).toBeGreaterThanOrEqual(loopExposure(hi, many));
      }),
      { seed: 20_240_603, numRuns: 2_000 },
    );
  });

  it('GIVEN any loop with debt THEN the liquidating depeg lies in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 0.999_999, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(Infinity)),
        fc.double({ min: 1e-9, max: 1, noNaN: true }),
        (l, k, lt) => {
          const exposure = loopExposure(l, k);
          fc.pre(exposure > 1);
          const { depeg, immediate } = liquidatingDepeg({ exposure, liquidationThreshold: lt });
          expect(depeg).toBeGreaterThanOrEqual(0);
          expect(depeg).toBeLessThan(1);
          expect(immediate).toBe(depeg === 0);
        },
      ),
      { seed: 20_240_604, numRuns: 2_000 },
    );
  });

  it('GIVEN a stressed stake APY THEN the net APY is never higher', () => {
    fc.assert(
      fc.property(ltv, loops, fc.double({ min: -0.5, max: 2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.25, 0.5), (l, k, stake, borrow, drop) => {
        const exposure = loopExposure(l, k);
        const now = loopNetApy({ exposure, stakeApy: stake, borrowApr: borrow });
        expect(loopNetApy({ exposure, stakeApy: stressedRate(stake, drop), borrowApr: borrow })).toBeLessThanOrEqual(now);
      }),
      { seed: 20_240_605, numRuns: 2_000 },
    );
  });
});
