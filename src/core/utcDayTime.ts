const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A UTC instant as day, month and clock time ("2 Dec 14:05 UTC"), with the year when it is not `nowMs`'s year,
 * for events a person may read days later (a deactivation).
 * @example utcDayTime(Date.UTC(2026, 11, 2, 14, 5), Date.UTC(2026, 11, 9)) // '2 Dec 14:05 UTC'
 */
export function utcDayTime(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear() === new Date(nowMs).getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
