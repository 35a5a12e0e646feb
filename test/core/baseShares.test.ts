import { describe, expect, it } from 'vitest';
import { groupHoldings, rootedRatio, sequencerIncome, shareOfBase } from '../../src/core/baseShares.ts';
import { missing } from '../../src/core/figure.ts';

const E18 = 10n ** 18n;

describe('shareOfBase', () => {
  it('GIVEN 250,000 of 1,000,000 METIS THEN 0.25', () => {
    expect(shareOfBase(250_000n * E18, 1_000_000n * E18)).toEqual({ ok: true, value: 0.25 });
  });
  it('GIVEN 1 wei of 3 wei THEN 1/3 to double precision', () => {
    const f = shareOfBase(1n, 3n);
    expect(f.ok && f.value).toBe(1 / 3);
  });
  it('GIVEN a zero base THEN zero-base, not a division by zero', () => {
    expect(shareOfBase(5n, 0n)).toEqual(missing('zero-base'));
  });
});

describe('groupHoldings', () => {
  it('GIVEN two Artemis sequencers and one other THEN Artemis summed and first', () => {
    expect(groupHoldings([{ key: 'HashKey', amount: 300n }, { key: 'Artemis', amount: 200n }, { key: 'Artemis', amount: 150n }])).toEqual([
      { key: 'Artemis', amount: 350n },
      { key: 'HashKey', amount: 300n },
    ]);
  });
  it('GIVEN equal amounts THEN ordered by key whatever the input order', () => {
    expect(groupHoldings([{ key: 'b', amount: 7n }, { key: 'a', amount: 7n }]).map((h) => h.key)).toEqual(['a', 'b']);
  });
});

describe('sequencerIncome', () => {
  it('GIVEN reward 100 → 130 and no claim THEN 30', () => {
    expect(sequencerIncome({ rewardNow: 130n, rewardThen: 100n, claimed: 0n })).toBe(30n);
  });
  it('GIVEN reward 100 → 30 with 120 claimed in between THEN 30 − 100 + 120 = 50', () => {
    expect(sequencerIncome({ rewardNow: 30n, rewardThen: 100n, claimed: 120n })).toBe(50n);
  });
  it('GIVEN the reward fell without a claim (relocked into the stake) THEN undefined', () => {
    expect(sequencerIncome({ rewardNow: 0n, rewardThen: 100n, claimed: 0n })).toBeUndefined();
  });
});

describe('rootedRatio', () => {
  it('GIVEN claims 1.1M on a 2M base of which 0.9M is run by the issuers THEN 1.1M / 1.1M = 1', () => {
    expect(rootedRatio({ claimsInBase: 1_100_000, base: 2_000_000, baseRunByIssuers: 900_000 })).toEqual({ ok: true, value: 1 });
  });
  it('GIVEN claims 600k on a 1M base with 400k run by issuers THEN 600k / 600k = 1; with 700k run by issuers, 600k / 300k = 2', () => {
    expect(rootedRatio({ claimsInBase: 600_000, base: 1_000_000, baseRunByIssuers: 400_000 })).toEqual({ ok: true, value: 1 });
    expect(rootedRatio({ claimsInBase: 600_000, base: 1_000_000, baseRunByIssuers: 700_000 })).toEqual({ ok: true, value: 2 });
  });
  it('GIVEN the whole base run by the issuers THEN zero-base (nothing independent to root the claims)', () => {
    expect(rootedRatio({ claimsInBase: 10, base: 100, baseRunByIssuers: 100 })).toEqual(missing('zero-base'));
  });
});
