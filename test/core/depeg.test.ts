import { describe, expect, it } from 'vitest';
import { depegBps, fairFromDepeg, MIN_DEPEG_BPS, offsetBps } from '../../src/core/depeg.ts';
import { figure, missing } from '../../src/core/figure.ts';

describe('depegBps', () => {
  it('GIVEN a market price below fair THEN negative bps: 0.99 vs 1 = −100', () => {
    const f = depegBps(figure(0.99), figure(1));
    expect(f.ok && f.value).toBeCloseTo(-100, 10);
  });

  it('GIVEN a market price above fair THEN positive bps: 1.071 vs 1.05 = (1.02 − 1) × 10,000 = +200', () => {
    const f = depegBps(figure(1.071), figure(1.05));
    expect(f.ok && f.value).toBeCloseTo(200, 10);
  });

  it('GIVEN market equal to fair THEN 0', () => {
    expect(depegBps(figure(1.05), figure(1.05))).toEqual({ ok: true, value: 0 });
  });

  it('GIVEN a worthless market price THEN −10,000 bps', () => {
    expect(depegBps(figure(0), figure(1))).toEqual({ ok: true, value: -10_000 });
  });

  it('GIVEN a zero or negative fair value THEN zero-price', () => {
    expect(depegBps(figure(1), figure(0))).toEqual(missing('zero-price'));
    expect(depegBps(figure(1), figure(-2))).toEqual(missing('zero-price'));
  });

  it('GIVEN a market price below zero (a broken read) THEN −10,000 bps, the lowest there is, not −20,000', () => {
    expect(depegBps(figure(-1), figure(1))).toEqual({ ok: true, value: -10_000 });
    expect(MIN_DEPEG_BPS).toBe(-10_000);
  });

  it('GIVEN a missing input THEN its reason, market first', () => {
    expect(depegBps(missing('zero-price'), figure(1))).toEqual(missing('zero-price'));
    expect(depegBps(figure(1), missing('no-path'))).toEqual(missing('no-path'));
    expect(depegBps(missing('no-data'), missing('no-path'))).toEqual(missing('no-data'));
  });
});

describe('offsetBps and fairFromDepeg', () => {
  it('GIVEN 1.02 and −50 bps THEN 1.0149; +50 bps THEN 1.0251', () => {
    expect(offsetBps(1.02, -50)).toBeCloseTo(1.0149, 12);
    expect(offsetBps(1.02, 50)).toBeCloseTo(1.0251, 12);
  });

  it('GIVEN a price of 0.996 at −40 bps THEN fair value 1; at +25 bps on 1.0025 THEN 1', () => {
    expect(fairFromDepeg(0.996, -40)).toBeCloseTo(1, 12);
    expect(fairFromDepeg(1.0025, 25)).toBeCloseTo(1, 12);
  });

  it('GIVEN a worthless price (−10,000 bps) THEN no fair value, not 0 ÷ 0', () => {
    expect(fairFromDepeg(0, -10_000)).toBeUndefined();
    expect(fairFromDepeg(0.5, -10_001)).toBeUndefined();
    expect(fairFromDepeg(0.0001, -9_999)).toBeCloseTo(1, 12);
  });

  it('GIVEN any fair value and depeg THEN fairFromDepeg undoes depegBps', () => {
    for (const [fair, market] of [[1.05, 1.0416], [40, 40.0423], [0.5, 0.51]] as const) {
      const bps = depegBps(figure(market), figure(fair));
      expect(bps.ok && fairFromDepeg(market, bps.value)).toBeCloseTo(fair, 12);
    }
  });
});
