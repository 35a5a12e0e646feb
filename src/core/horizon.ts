import { DAY_SECONDS, YEAR_SECONDS } from './units.ts';
import type { Words } from './words.ts';

/** An hour: the shortest unit a horizon is typed in (`12h`). */
export const HOUR_SECONDS = 3_600;

/** A month is a twelfth of the 365-day year (30.42 days), so 6m + 6m is exactly 1y. */
export const MONTH_SECONDS = YEAR_SECONDS / 12;
const WEEK_SECONDS = 7 * DAY_SECONDS;

const UNITS: readonly (readonly [RegExp, number])[] = [
  [/^(h|hr|hrs|hours?)$/i, HOUR_SECONDS],
  [/^(d|days?)$/i, DAY_SECONDS],
  [/^(w|wk|wks|weeks?)$/i, WEEK_SECONDS],
  [/^(m|mo|mos|months?)$/i, MONTH_SECONDS],
  [/^(y|yr|yrs|years?)$/i, YEAR_SECONDS],
];

/**
 * A projection horizon: `12h`, `30d`, `12w`, `6m` (months, not minutes), `1y`, `1.5y`, also spelt out (`6months`).
 * A unit is required, so a bare number is never mistaken for a horizon. Returns seconds, or undefined for
 * another shape or a horizon that is not > 0.
 * @example parseHorizon('6m') // 15_768_000 (half a year)
 * @example parseHorizon('30') // undefined
 */
export function parseHorizon(text: string): number | undefined {
  const match = /^(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = UNITS.find(([pattern]) => pattern.test(match[2]!));
  if (!unit) return undefined;
  const seconds = Number(match[1]) * unit[1];
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** A whole multiple of `unit`, or undefined (within rounding of the float product). */
const whole = (seconds: number, unit: number) => {
  const n = Math.round(seconds / unit);
  return n >= 1 && Math.abs(n * unit - seconds) < 1e-6 * unit ? n : undefined;
};

/** A count of a unit with up to 3 decimals, never rounded to 0 (a horizon is > 0): '1.5', '0.001'. */
function fractional(seconds: number, unit: number): string {
  const n = seconds / unit;
  const digits = Math.max(3, Math.ceil(-Math.log10(n)) + 1);
  return n.toFixed(Math.min(20, digits)).replace(/\.?0+$/, '');
}

/** A number of a unit in words: `n` as shown, its plural chosen by whether it reads exactly 1. */
type UnitWords = (n: string) => string;

/**
 * A horizon in words, in the largest unit that divides it: years, months, weeks, days, then (under a day) hours; else in
 * days (hours under a day) with the decimals it needs, so a short horizon never reads '0 days'.
 * @example describeHorizon(english, 31_536_000) // '1 year'
 * @example describeHorizon(english, 15_768_000) // '6 months'
 * @example describeHorizon(english, 180 * 86_400) // '180 days'
 * @example describeHorizon(english, 43_200) // '12 hours'
 */
export function describeHorizon(words: Words, seconds: number): string {
  const say = (id: string): UnitWords => (n) => words(id, { n, count: n === '1' ? 1 : 2 });
  const hours = say('simulate-horizon-hour');
  const days = say('simulate-horizon-day');
  const units: (readonly [number, UnitWords])[] = [
    [YEAR_SECONDS, say('simulate-horizon-year')],
    [MONTH_SECONDS, say('simulate-horizon-month')],
    [WEEK_SECONDS, say('simulate-horizon-week')],
    [DAY_SECONDS, days],
  ];
  // Hours only under a day: 36 h reads better as 1.5 days.
  if (seconds < DAY_SECONDS) units.push([HOUR_SECONDS, hours]);
  for (const [unit, name] of units) {
    const n = whole(seconds, unit);
    if (n !== undefined) return name(String(n));
  }
  return seconds < DAY_SECONDS ? hours(fractional(seconds, HOUR_SECONDS)) : days(fractional(seconds, DAY_SECONDS));
}
