import { describe, expect, it } from 'vitest';
import { missing } from '../../src/core/figure.ts';
import { averageBlockTime, blocksPerYear, sequencerNominalApr, sequencerRealizedApr } from '../../src/core/sequencer.ts';

const E18 = 10n ** 18n;

describe('averageBlockTime', () => {
  it('GIVEN 600 blocks in 2,400 s THEN 4 s per block', () => {
    expect(averageBlockTime({ number: 1000n, time: 1_700_000_000 }, { number: 1600n, time: 1_700_002_400 })).toEqual({ ok: true, value: 4 });
  });

  it('GIVEN 3,600 blocks in 15,000 s THEN 15000/3600 = 4.1666… s', () => {
    const f = averageBlockTime({ number: 0n, time: 0 }, { number: 3600n, time: 15_000 });
    expect(f.ok && f.value).toBeCloseTo(4.166666666666667, 14);
  });

  it('GIVEN the head at or before the past block THEN not-enough-history', () => {
    expect(averageBlockTime({ number: 10n, time: 0 }, { number: 10n, time: 40 })).toEqual(missing('not-enough-history'));
    expect(averageBlockTime({ number: 10n, time: 0 }, { number: 9n, time: 40 })).toEqual(missing('not-enough-history'));
  });

  it('GIVEN time not increasing THEN not-enough-history', () => {
    expect(averageBlockTime({ number: 10n, time: 100 }, { number: 20n, time: 100 })).toEqual(missing('not-enough-history'));
    expect(averageBlockTime({ number: 10n, time: 100 }, { number: 20n, time: 50 })).toEqual(missing('not-enough-history'));
  });
});

describe('blocksPerYear', () => {
  it('GIVEN 4 s blocks THEN 31,536,000 / 4 = 7,884,000', () => {
    expect(blocksPerYear(4)).toEqual({ ok: true, value: 7_884_000 });
  });

  it('GIVEN a zero, negative or NaN block time THEN not-finite', () => {
    expect(blocksPerYear(0)).toEqual(missing('not-finite'));
    expect(blocksPerYear(-1)).toEqual(missing('not-finite'));
    expect(blocksPerYear(NaN)).toEqual(missing('not-finite'));
  });
});

describe('sequencerNominalApr', () => {
  it('GIVEN 0.02 METIS per block, 4 s blocks, 1,000,000 METIS locked THEN 15.768 %', () => {
    // 7,884,000 blocks/yr × 0.02 = 157,680 METIS/yr; / 1,000,000 = 0.15768
    const f = sequencerNominalApr({ rewardPerBlock: 2n * 10n ** 16n, totalLocked: 1_000_000n * E18, blockTimeSeconds: 4 });
    expect(f.ok && f.value).toBeCloseTo(0.15768, 15);
  });

  it('GIVEN a fractional block time of 4.5 s THEN rewards scale with 31,536,000/4.5 = 7,008,000 blocks', () => {
    // 7,008,000 × 0.02 / 1,000,000 = 0.14016
    const f = sequencerNominalApr({ rewardPerBlock: 2n * 10n ** 16n, totalLocked: 1_000_000n * E18, blockTimeSeconds: 4.5 });
    expect(f.ok && f.value).toBeCloseTo(0.14016, 15);
  });

  it('GIVEN 1e27-wei locked (1e9 METIS) and a 1-wei reward THEN a tiny but exact APR', () => {
    // 1 wei × 7,884,000 / 1e27 = 7.884e-21
    const f = sequencerNominalApr({ rewardPerBlock: 1n, totalLocked: 10n ** 27n, blockTimeSeconds: 4 });
    expect(f).toEqual({ ok: true, value: 7.884e-21 });
  });

  it('GIVEN nothing locked THEN zero-base', () => {
    expect(sequencerNominalApr({ rewardPerBlock: E18, totalLocked: 0n, blockTimeSeconds: 4 })).toEqual(missing('zero-base'));
  });

  it('GIVEN a zero or non-finite block time THEN not-finite', () => {
    expect(sequencerNominalApr({ rewardPerBlock: E18, totalLocked: E18, blockTimeSeconds: 0 })).toEqual(missing('not-finite'));
    expect(sequencerNominalApr({ rewardPerBlock: E18, totalLocked: E18, blockTimeSeconds: NaN })).toEqual(missing('not-finite'));
    expect(sequencerNominalApr({ rewardPerBlock: E18, totalLocked: E18, blockTimeSeconds: Infinity })).toEqual(missing('not-finite'));
  });
});

describe('sequencerRealizedApr', () => {
  it('GIVEN a base that doubled from 1M to 2M halfway through 7 d and 2,100 METIS paid THEN 2,100 / 1.5M × 365/7 = 7.3 %', () => {
    // The time-weighted base is 1.5M; dividing by today's 2M would say 5.475 %, by the old 1M 10.95 %.
    const f = sequencerRealizedApr({ rewardsInWindow: 2_100n * E18, averageLocked: 1_500_000n * E18, windowSeconds: 7 * 86_400 });
    expect(f.ok && f.value).toBeCloseTo(0.073, 15);
  });

  it('GIVEN 432 METIS paid in 24 h on 1,000,000 locked THEN 432/1e6 × 365 = 15.768 %', () => {
    const f = sequencerRealizedApr({ rewardsInWindow: 432n * E18, averageLocked: 1_000_000n * E18, windowSeconds: 86_400 });
    expect(f.ok && f.value).toBeCloseTo(0.15768, 15);
  });

  it('GIVEN 100 METIS paid in 1 h on 2,000,000 locked THEN 100/2e6 × 8,760 = 43.8 %', () => {
    const f = sequencerRealizedApr({ rewardsInWindow: 100n * E18, averageLocked: 2_000_000n * E18, windowSeconds: 3600 });
    expect(f.ok && f.value).toBeCloseTo(0.438, 15);
  });

  it('GIVEN no rewards in the window THEN 0', () => {
    expect(sequencerRealizedApr({ rewardsInWindow: 0n, averageLocked: E18, windowSeconds: 3600 })).toEqual({ ok: true, value: 0 });
  });

  it('GIVEN a non-positive window THEN not-enough-history', () => {
    expect(sequencerRealizedApr({ rewardsInWindow: E18, averageLocked: E18, windowSeconds: 0 })).toEqual(missing('not-enough-history'));
    expect(sequencerRealizedApr({ rewardsInWindow: E18, averageLocked: E18, windowSeconds: -60 })).toEqual(missing('not-enough-history'));
  });

  it('GIVEN nothing locked THEN zero-base', () => {
    expect(sequencerRealizedApr({ rewardsInWindow: E18, averageLocked: 0n, windowSeconds: 3600 })).toEqual(missing('zero-base'));
  });
});
