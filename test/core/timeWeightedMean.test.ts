import { describe, expect, it } from 'vitest';
import { missing } from '../../src/core/figure.ts';
import { timeWeightedMean } from '../../src/core/timeWeightedMean.ts';

describe('timeWeightedMean', () => {
  it('GIVEN a base that doubles halfway through the window THEN (100 × 50 + 200 × 50) / 100 = 150', () => {
    expect(timeWeightedMean([{ time: 0, value: 100 }, { time: 50, value: 200 }], 0, 100)).toEqual({ ok: true, value: 150 });
  });

  it('GIVEN a doubling at three quarters THEN (100 × 75 + 200 × 25) / 100 = 125', () => {
    expect(timeWeightedMean([{ time: 0, value: 100 }, { time: 75, value: 200 }], 0, 100)).toEqual({ ok: true, value: 125 });
  });

  it('GIVEN points before the window THEN only the one in force at its start counts', () => {
    const points = [{ time: -500, value: 1 }, { time: -10, value: 100 }, { time: 60, value: 400 }];
    // 100 over [0, 60), 400 over [60, 100]: (6,000 + 16,000) / 100 = 220
    expect(timeWeightedMean(points, 0, 100)).toEqual({ ok: true, value: 220 });
  });

  it('GIVEN the first point inside the window THEN its value stands in before it: (300 × 40 + 100 × 60) / 100 = 180', () => {
    expect(timeWeightedMean([{ time: 20, value: 300 }, { time: 40, value: 100 }], 0, 100)).toEqual({ ok: true, value: 180 });
  });

  it('GIVEN points after the window THEN they are ignored', () => {
    expect(timeWeightedMean([{ time: 0, value: 10 }, { time: 150, value: 1_000 }], 0, 100)).toEqual({ ok: true, value: 10 });
  });

  it('GIVEN nothing known by the end, or an empty window THEN a reason', () => {
    expect(timeWeightedMean([], 0, 100)).toEqual(missing('no-data'));
    expect(timeWeightedMean([{ time: 200, value: 1 }], 0, 100)).toEqual(missing('no-data'));
    expect(timeWeightedMean([{ time: 0, value: 1 }], 100, 100)).toEqual(missing('not-enough-history'));
  });
});
