import { describe, expect, it } from 'vitest';
import { depegBps } from '../../src/core/depeg.ts';
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

  it('GIVEN a zero fair value THEN zero-price', () => {
    expect(depegBps(figure(1), figure(0))).toEqual(missing('zero-price'));
  });

  it('GIVEN a missing input THEN its reason, market first', () => {
    expect(depegBps(missing('zero-price'), figure(1))).toEqual(missing('zero-price'));
    expect(depegBps(figure(1), missing('no-path'))).toEqual(missing('no-path'));
    expect(depegBps(missing('no-data'), missing('no-path'))).toEqual(missing('no-data'));
  });
});
