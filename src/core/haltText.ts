/**
 * How a chain halt is written: the instant the head last moved as a UTC clock time, and how long ago.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A UTC time as "HH:MM UTC" when it is less than a day before `nowMs`, else with its date ("2023-11-14 22:13 UTC"),
 * so a halt of days is not read as today's.
 * @example utcClock(1_700_000_000_000, 1_700_000_600_000) // '22:13 UTC'
 */
export function utcClock(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  if (nowMs - ms < 86_400_000) return time;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}`;
}

/**
 * A halt's length in whole minutes ("17 min"); seconds under a minute ("45 s"), hours and minutes from an hour
 * on ("2 h 5 min"), days and hours from a day on ("3 d 4 h"). Rounded down; negative counts as 0.
 * @example haltLength(1_020) // '17 min'
 */
export function haltLength(seconds: number): string {
  const whole = Math.floor(Math.max(0, seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return hours % 24 === 0 ? `${Math.floor(hours / 24)} d` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
