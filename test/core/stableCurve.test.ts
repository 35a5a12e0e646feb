import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseReserves, stableAmountOut, stableGetY, stableInvariant, stableMarginalPrice } from '../../src/core/stableCurve.ts';

const E18 = 10n ** 18n;

describe('stableInvariant', () => {
  it('GIVEN small reserves THEN x³y + xy³ by hand', () => {
    expect(stableInvariant(1n, 3n)).toBe(30n); // 1·3 + 1·27
    expect(stableInvariant(2n, 1n)).toBe(10n); // 8·1 + 2·1
    expect(stableInvariant(1n, 1n)).toBe(2n);
    expect(stableInvariant(0n, 5n)).toBe(0n);
  });
});

describe('normaliseReserves', () => {
  it('GIVEN 6 and 18 decimals THEN the 6-decimal side is scaled by 10^12', () => {
    expect(normaliseReserves(2_000_000n, E18, 6, 18)).toEqual({ x: 2n * E18, y: E18, decimals: 18 });
    expect(normaliseReserves(E18, 2_000_000n, 18, 6)).toEqual({ x: E18, y: 2n * E18, decimals: 18 });
    expect(normaliseReserves(5n, 7n, 0, 0)).toEqual({ x: 5n, y: 7n, decimals: 0 });
  });

  it('GIVEN negative or fractional decimals THEN RangeError', () => {
    expect(() => normaliseReserves(1n, 1n, -1, 18)).toThrow(RangeError);
    expect(() => normaliseReserves(1n, 1n, 18, 1.5)).toThrow(RangeError);
  });
});

describe('stableMarginalPrice', () => {
  it('GIVEN x = 2, y = 1 THEN (3·4·1 + 1) / (8 + 3·2·1) = 13/14', () => {
    expect(stableMarginalPrice(2n, 1n)).toEqual({ numerator: 13n, denominator: 14n });
  });

  it('GIVEN x = y THEN numerator = denominator (a price of exactly 1)', () => {
    const { numerator, denominator } = stableMarginalPrice(7n * E18, 7n * E18);
    expect(numerator).toBe(denominator);
  });
});

describe('stableGetY', () => {
  it('GIVEN a point of the curve by symmetry THEN exactly the other reserve', () => {
    // k(1, 3) = 30 = k(3, 1); k(1, 2) = 10 = k(2, 1): at x = 3 (x = 2) the other reserve is 1.
    expect(stableGetY(3n, 30n)).toBe(1n);
    expect(stableGetY(2n, 10n)).toBe(1n);
    expect(stableGetY(3n * E18, stableInvariant(E18, 3n * E18))).toBe(E18);
    expect(stableGetY(3n * E18, stableInvariant(E18, 3n * E18), 3n * E18)).toBe(E18);
  });

  it('GIVEN x = 2, k = 2 (from x = y = 1) THEN the root of y³ + 4y − 1 = 0, 0.246266172167722…', () => {
    // Selling 1 into a balanced 1/1 pair: 2y³ + 8y = 2. Cardano: y = ∛(1/2 + √(1/4 + 64/27)) + ∛(1/2 − √(1/4 + 64/27)).
    const s = Math.sqrt(1 / 4 + 64 / 27);
    const cardano = Math.cbrt(0.5 + s) + Math.cbrt(0.5 - s);
    const y = stableGetY(2n * E18, 2n * E18 ** 4n);
    expect(Number(y) / 1e18).toBeCloseTo(cardano, 14);
    expect(y).toBe(246266172167722732n);
  });

  it('GIVEN any x and k THEN the floor of the root: k(x, y) ≤ k < k(x, y + 1), with or without a start from above', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 0n, max: 10n ** 30n }), (x, y, dx) => {
        const k = stableInvariant(x, y);
        for (const got of [stableGetY(x + dx, k), stableGetY(x + dx, k, y)]) {
          expect(stableInvariant(x + dx, got) <= k).toBe(true);
          expect(stableInvariant(x + dx, got + 1n) > k).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN a start hint below the root THEN it is ignored', () => {
    expect(stableGetY(3n, 30n, 0n)).toBe(1n);
  });

  it('GIVEN x ≤ 0 or k < 0 THEN RangeError', () => {
    expect(() => stableGetY(0n, 1n)).toThrow(RangeError);
    expect(() => stableGetY(1n, -1n)).toThrow(RangeError);
  });
});

describe('stableAmountOut', () => {
  it('GIVEN a trade from one point of the curve to its mirror THEN exactly the difference', () => {
    expect(stableAmountOut(1n, 3n, 2n)).toBe(2n); // (1, 3) → (3, 1)
    expect(stableAmountOut(E18, 3n * E18, 2n * E18)).toBe(2n * E18);
    expect(stableAmountOut(E18, 2n * E18, E18)).toBe(E18); // (1, 2) → (2, 1)
  });

  it('GIVEN an output that is not whole THEN rounded down, so k never falls', () => {
    // 1 into (1, 1): y' = 0.246266172167722732… is kept as …733 units (rounded up), so out = 1 − 0.246266172167722733.
    expect(stableAmountOut(E18, E18, E18)).toBe(753733827832277267n);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 27n }), fc.bigInt({ min: 1n, max: 10n ** 27n }), fc.bigInt({ min: 0n, max: 10n ** 27n }), (x, y, dx) => {
        const out = stableAmountOut(x, y, dx);
        expect(stableInvariant(x + dx, y - out) >= stableInvariant(x, y)).toBe(true);
        expect(out === 0n || stableInvariant(x + dx, y - out - 1n) < stableInvariant(x, y)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN nothing sold THEN nothing out; bad reserves THEN RangeError', () => {
    expect(stableAmountOut(5n, 5n, 0n)).toBe(0n);
    expect(() => stableAmountOut(0n, 5n, 1n)).toThrow(RangeError);
    expect(() => stableAmountOut(5n, 5n, -1n)).toThrow(RangeError);
  });
});
