import { localTime } from './localTime.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes the zone's clock is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const local = localTime(instant, timeZone);
  return Date.parse(`${local.date}T00:00:00Z`) / MINUTE + local.minutes - Math.floor(instant / MINUTE);
}

/**
 * The instant (ms) a local date's clock first shows `minutes` after midnight in a zone, or an earlier one,
 * never a later one: with the largest of the zone's offsets around that day, a time a daylight-saving change
 * skips or repeats gives an instant at or before the first time the clock reaches it (whoever waits for it
 * reads the local clock again then).
 * @example localInstant('2026-12-02', 9 * 60, 'Europe/Berlin') // Date.UTC(2026, 11, 2, 8, 0)
 */
export function localInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
  const offset = Math.max(...[-DAY, 0, DAY].map((shift) => offsetMinutes(wall + shift, timeZone)));
  return wall - offset * MINUTE;
}

/** The local date after `date` (YYYY-MM-DD). */
export const nextLocalDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
