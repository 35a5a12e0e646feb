import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTick, formatUtcDate, formatUtcTimestamp, linearScale, niceTicks, timeTicks } from '../../src/charts/scale.ts';

const DAY = 86_400;
/** Monday 2027-01-11 00:00 UTC. */
const MONDAY = Date.UTC(2027, 0, 11) / 1000;

describe('niceTicks', () => {
  it('GIVEN APY percents THEN round bounds around the data in steps of 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceTicks(12.13, 13.02, 6)).toEqual({ min: 12, max: 13.25, step: 0.25, values: [12, 12.25, 12.5, 12.75, 13, 13.25], decimals: 2 });
    expect(niceTicks(-60, -20, 6).values).toEqual([-60, -50, -40, -30, -20]);
    expect(niceTicks(0.9925, 1.005, 6)).toMatchObject({ min: 0.9925, max: 1.005, decimals: 4 });
  });

  it('GIVEN a flat series THEN an interval around it, never a zero-width axis', () => {
    const flat = niceTicks(12.6, 12.6);
    expect(flat.min).toBeLessThan(12.6);
    expect(flat.max).toBeGreaterThan(12.6);
    expect(niceTicks(0, 0).values).toContain(0);
  });

  it('GIVEN any finite range THEN the ticks cover it, are evenly spaced and at most maxTicks', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 3, max: 10 }), (lo, width, maxTicks) => {
        const t = niceTicks(lo, lo + width, maxTicks);
        // Float slack: a billionth of the magnitude, a millionth of a step.
        const eps = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(lo + width)) + 1e-6 * t.step;
        expect(t.min).toBeLessThanOrEqual(lo + eps);
        expect(t.max).toBeGreaterThanOrEqual(lo + width - eps);
        expect(t.values.length).toBeLessThanOrEqual(maxTicks);
        expect(t.values.length).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < t.values.length; i++) expect(Math.abs(t.values[i]! - t.values[i - 1]! - t.step)).toBeLessThan(eps);
      }),
      { seed: 20_270_115, numRuns: 2_000 },
    );
  });
});

describe('formatTick', () => {
  it('GIVEN negatives and zero THEN a real minus sign and never −0', () => {
    expect(formatTick(-0.5, 1)).toBe('\u22120.5');
    expect(formatTick(-0.00001, 2)).toBe('0.00');
    expect(formatTick(12.25, 2)).toBe('12.25');
  });
});

describe('timeTicks', () => {
  it('GIVEN a 7-day window THEN one tick per UTC midnight labelled with the date', () => {
    const ticks = timeTicks(MONDAY + 3_600, MONDAY + 7 * DAY + 3_600);
    expect(ticks.map((t) => t.label)).toEqual(['12 Jan', '13 Jan', '14 Jan', '15 Jan', '16 Jan', '17 Jan', '18 Jan']);
    expect(ticks.every((t) => t.time % DAY === 0)).toBe(true);
  });

  it('GIVEN 30 and 90 days THEN weekly and fortnightly ticks on Mondays', () => {
    const month = timeTicks(MONDAY - 30 * DAY + 600, MONDAY + 600);
    expect(month.map((t) => new Date(t.time * 1000).getUTCDay())).toEqual(month.map(() => 1));
    expect(month.length).toBeGreaterThanOrEqual(4);
    expect(month.length).toBeLessThanOrEqual(8);
    const quarter = timeTicks(MONDAY - 90 * DAY, MONDAY);
    expect(quarter[1]!.time - quarter[0]!.time).toBe(14 * DAY);
    expect(quarter.length).toBeLessThanOrEqual(8);
  });

  it('GIVEN less than a day THEN hour ticks as HH:MM and the date at midnight', () => {
    const ticks = timeTicks(MONDAY - 6 * 3_600, MONDAY + 6 * 3_600);
    expect(ticks.map((t) => t.label)).toEqual(['18:00', '21:00', '11 Jan', '03:00', '06:00']);
  });

  it('GIVEN an empty or reversed window THEN no ticks', () => {
    expect(timeTicks(10, 10)).toEqual([]);
    expect(timeTicks(10, 0)).toEqual([]);
  });
});

describe('dates and scales', () => {
  it('formats UTC dates and maps values linearly', () => {
    expect(formatUtcDate(MONDAY)).toBe('11 Jan');
    expect(formatUtcDate(MONDAY + 6.5 * 3_600, true)).toBe('11 Jan 06:30');
    expect(formatUtcTimestamp(MONDAY + 8 * 3_600)).toBe('2027-01-11 08:00 UTC');
    const y = linearScale([0, 10], [100, 0]);
    expect([y(0), y(5), y(10)]).toEqual([100, 50, 0]);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });
});
