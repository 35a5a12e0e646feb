import { describe, expect, it } from 'vitest';
import { flatSince } from '../../src/core/flatSince.ts';

describe('flatSince', () => {
  it('GIVEN a value that grew at the latest reading THEN it is not flat', () => {
    expect(flatSince([{ time: 0, value: 5n }, { time: 100, value: 5n }, { time: 200, value: 6n }])).toBeUndefined();
  });

  it('GIVEN growth and then three equal readings THEN flat since the first of them', () => {
    // 5 → 7 at t=100, then 7, 7: the final run of 7 starts at t=100.
    expect(flatSince([{ time: 0, value: 5n }, { time: 100, value: 7n }, { time: 200, value: 7n }, { time: 300, value: 7n }])).toBe(100);
  });

  it('GIVEN only equal readings THEN flat since the oldest (at least)', () => {
    expect(flatSince([{ time: 50, value: 9n }, { time: 60, value: 9n }])).toBe(50);
  });

  it('GIVEN one reading or none THEN there is nothing to compare', () => {
    expect(flatSince([{ time: 50, value: 9n }])).toBeUndefined();
    expect(flatSince([])).toBeUndefined();
  });
});
