import { describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { aprAtReward, rewardChange } from '../../src/core/rewardChange.ts';

const WEI = 10n ** 18n;

describe('rewardChange', () => {
  it('rounds both amounts alike, to three significant digits of the smaller, half up, in bigint', () => {
    // 0.01247842237 → 0.0125 (4 decimals); 0.015 → 0.0150; 0.01247842237 × 1.2 = 0.014974106844, and the rest
    // 0.000025893156 / 0.01247842237 = 0.0020750…: + 20.2075 %
    const c = rewardChange(12_478_422_370_000_000n, 15n * WEI / 1000n, 18);
    expect([c.oldText, c.newText]).toEqual(['0.0125', '0.0150']);
    expect(c.change.ok && c.change.value).toBeCloseTo(0.202075, 6);
  });

  it('keeps at least two decimals for amounts of one or more, and finds small ones', () => {
    expect(rewardChange(3n * WEI / 2n, 2n * WEI, 18)).toMatchObject({ oldText: '1.50', newText: '2.00' });
    // 0.000012345 → 0.0000123 (7 decimals); 0.00002 → 0.0000200.
    expect(rewardChange(12_345_000_000_000n, 20_000_000_000_000n, 18)).toMatchObject({ oldText: '0.0000123', newText: '0.0000200' });
    // Half up: 0.00125 → 0.00125 (3 significant digits already), 0.0012349 → 0.00123.
    expect(rewardChange(1_234_900_000_000_000n, 1_250_000_000_000_000n, 18)).toMatchObject({ oldText: '0.00123', newText: '0.00125' });
  });

  it('from zero: no relative change, both amounts still shown', () => {
    expect(rewardChange(0n, WEI / 100n, 18)).toEqual({ oldText: '0.0000', newText: '0.0100', change: missing('zero-base') });
  });
});

describe('aprAtReward', () => {
  it('scales the APR with the reward: 23.55 % at 0.015 is 19.625 % at 0.0125', () => {
    const apr = aprAtReward(figure(0.2355), figure(0.015), 0.0125);
    expect(apr.ok && apr.value).toBeCloseTo(0.19625, 10);
  });

  it('passes a missing APR through and refuses a zero current reward', () => {
    expect(aprAtReward(missing('zero-base'), figure(0.015), 0.01)).toEqual(missing('zero-base'));
    expect(aprAtReward(figure(0.1), figure(0), 0.01)).toEqual(missing('zero-base'));
  });
});
