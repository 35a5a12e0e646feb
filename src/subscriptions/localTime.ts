import type { Translator } from '../i18n/translator.ts';

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
 * The local weekday, date and clock time of an instant in a zone, for a digest's title, in the language:
 * "Wed 2 Dec 2026 · 09:00", "2026年12月2日 周三 · 09:00". Weekday and month names are messages
 * (`date-weekday-…`, `date-month-…`); the numbers come from the zone's calendar.
 * @example localDateTitle(english, Date.UTC(2026, 11, 2, 8, 0), 'Europe/Berlin') // 'Wed 2 Dec 2026 · 09:00'
 */
export function localDateTitle(t: Translator, nowMs: number, timeZone: string): string {
  let f = titleFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    titleFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(nowMs).map((part) => [part.type, part.value]));
  const weekday = t(`date-weekday-${(p.weekday ?? '').toLowerCase()}`);
  return t('date-title', { weekday, day: Number(p.day), month: t(`date-month-${Number(p.month)}`), year: p.year ?? '', time: `${p.hour}:${p.minute}` });
}
