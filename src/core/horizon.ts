import { DAY_SECONDS, YEAR_SECONDS } from './units.ts';

/** A month is a twelfth of the 365-day year (30.42 days), so 6m + 6m is exactly 1y. */
export const MONTH_SECONDS = YEAR_SECONDS / 12;
const WEEK_SECONDS = 7 * DAY_SECONDS;

const UNITS: readonly (readonly [RegExp, number])[] = [
  [/^(d|days?)$/i, DAY_SECONDS],
  [/^(w|wk|wks|weeks?)$/i, WEEK_SECONDS],
  [/^(m|mo|mos|months?)$/i, MONTH_SECONDS],
  [/^(y|yr|yrs|years?)$/i, YEAR_SECONDS],
];

/**
 * A projection horizon: `30d`, `12w`, `6m` (months, not minutes), `1y`, `1.5y`, also spelt out (`6months`).
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

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
/** A whole multiple of `unit`, or undefined (within rounding of the float product). */
const whole = (seconds: number, unit: number) => {
  const n = Math.round(seconds / unit);
  return n >= 1 && Math.abs(n * unit - seconds) < 1e-6 * unit ? n : undefined;
};

/**
 * A horizon in words, in the largest unit that divides it: years, months, weeks, then days.
 * @example describeHorizon(31_536_000) // '1 year'
 * @example describeHorizon(15_768_000) // '6 months'
 * @example describeHorizon(180 * 86_400) // '180 days'
 */
export function describeHorizon(seconds: number): string {
  for (const [unit, name] of [
    [YEAR_SECONDS, 'year'],
    [MONTH_SECONDS, 'month'],
    [WEEK_SECONDS, 'week'],
    [DAY_SECONDS, 'day'],
  ] as const) {
    const n = whole(seconds, unit);
    if (n !== undefined) return plural(n, name);
  }
  const days = Math.round((seconds / DAY_SECONDS) * 100) / 100;
  return `${days} days`;
}
