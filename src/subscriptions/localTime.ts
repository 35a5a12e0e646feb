/** Minutes after midnight of `HH:MM` (00:00–23:59), or undefined for anything else (25:99, 7, 7:5). */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}

/** `HH:MM` with two digits each. */
export const formatClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar date (YYYY-MM-DD) and minutes after local midnight of an instant in a zone. */
export function localTime(nowMs: number, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(nowMs).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const titleFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The local weekday, date and clock time of an instant in a zone, for a digest's title: "Wed 2 Dec 2026 · 09:00".
 * @example localDateTitle(Date.UTC(2026, 11, 2, 8, 0), 'Europe/Berlin') // 'Wed 2 Dec 2026 · 09:00'
 */
export function localDateTitle(nowMs: number, timeZone: string): string {
  let f = titleFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    titleFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(nowMs).map((part) => [part.type, part.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year} · ${p.hour}:${p.minute}`;
}
