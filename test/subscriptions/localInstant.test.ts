import { describe, expect, it } from 'vitest';
import { localInstant, nextLocalDate } from '../../src/subscriptions/localInstant.ts';

describe('localInstant: when a local clock shows a time (hand-computed)', () => {
  it('GIVEN Berlin in winter (UTC+1) and in summer (UTC+2) THEN 09:00 is 08:00 and 07:00 UTC', () => {
    expect(localInstant('2026-12-02', 9 * 60, 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 2, 8, 0));
    expect(localInstant('2027-07-01', 9 * 60, 'Europe/Berlin')).toBe(Date.UTC(2027, 6, 1, 7, 0));
  });

  it('GIVEN New York (UTC−5) and Kolkata (UTC+5:30) THEN 07:00 is 12:00 and 01:30 UTC', () => {
    expect(localInstant('2027-01-15', 7 * 60, 'America/New_York')).toBe(Date.UTC(2027, 0, 15, 12, 0));
    expect(localInstant('2027-01-15', 7 * 60, 'Asia/Kolkata')).toBe(Date.UTC(2027, 0, 15, 1, 30));
  });

  it('GIVEN 02:30 on the night Berlin skips 02:00–03:00 THEN an instant no later than the jump (01:00 UTC = 03:00 CEST)', () => {
    expect(localInstant('2027-03-28', 2 * 60 + 30, 'Europe/Berlin')).toBeLessThanOrEqual(Date.UTC(2027, 2, 28, 1, 0));
    // 02:30 that happens twice in autumn (CEST, then CET): the first one, 00:30 UTC.
    expect(localInstant('2027-10-31', 2 * 60 + 30, 'Europe/Berlin')).toBe(Date.UTC(2027, 9, 31, 0, 30));
  });

  it('GIVEN the last day of a year THEN the next local date is the first of the next', () => {
    expect(nextLocalDate('2026-12-31')).toBe('2027-01-01');
  });
});
