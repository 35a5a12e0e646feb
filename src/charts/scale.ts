// Axis scales and ticks for charts: pure arithmetic, no I/O.

const MINUS = '\u2212';

/** A linear map from a data interval onto a pixel interval (the pixel end may be smaller: y grows downwards). */
export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  (value: number): number;
}

/**
 * A linear scale; a zero-width domain maps every value to the middle of the range.
 * @example linearScale([0, 10], [100, 0])(5) // 50
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain, range });
}

/**
 * The smallest "nice" step not below `rough`: 1, 2, 2.5 or 5 times a power of ten.
 * @example niceStep(0.37) // 0.5
 */
function niceStep(rough: number): number {
  const exponent = Math.floor(Math.log10(rough));
  const power = 10 ** exponent;
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface NiceTicks {
  /** The axis bounds: multiples of the step around the data. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly values: readonly number[];
  /** Decimal places that show every tick exactly (0.25 steps → 2). */
  readonly decimals: number;
}

/** Decimal places needed to print multiples of `step` exactly. */
function decimalsFor(step: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.round(scaled) >= 1 && Math.abs(scaled - Math.round(scaled)) < 1e-6 * scaled) return d;
  }
  return 12;
}

/**
 * Round axis bounds and evenly spaced ticks covering [min, max] with at most `maxTicks` (and at least 3 allowed)
 * ticks, steps of 1, 2, 2.5 or 5 × 10^k. A flat series (min = max) gets a small interval around its value.
 * @example niceTicks(0.1213, 0.1302, 6) // { min: 0.12, max: 0.132, step: 0.002, … }
 */
export function niceTicks(min: number, max: number, maxTicks = 6): NiceTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`tick bounds must be finite, got ${min}..${max}`);
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  // Below a billionth (or 12 significant digits) a range is flat for any chart: open it around its value.
  if (hi - lo < Math.max(1e-9, 1e-12 * Math.abs(hi))) {
    const pad = Math.abs(lo) < 1e-6 ? 1 : Math.abs(lo) * 0.01;
    lo -= pad;
    hi += pad;
  }
  // Two intervals always fit (a step as large as the data's magnitude gives −step, 0, step), so ask for at least that.
  const intervals = Math.max(2, maxTicks - 1);
  let step = niceStep((hi - lo) / intervals);
  let first = Math.floor(lo / step + 1e-9) * step;
  let last = Math.ceil(hi / step - 1e-9) * step;
  // Rounding both ends outwards can add an interval or two: take the next step up until the ticks fit.
  while (Math.round((last - first) / step) > intervals) {
    step = niceStep(step * 1.01);
    first = Math.floor(lo / step + 1e-9) * step;
    last = Math.ceil(hi / step - 1e-9) * step;
  }
  const decimals = decimalsFor(step);
  const count = Math.round((last - first) / step);
  const values = Array.from({ length: count + 1 }, (_, i) => Number((first + i * step).toFixed(decimals)));
  return { min: values[0]!, max: values[values.length - 1]!, step, values, decimals };
}

/**
 * A tick value with fixed decimals, a real minus sign and no "−0".
 * @example formatTick(-0.5, 1) // '−0.5'
 */
export function formatTick(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && !/^[0.]*$/.test(text) ? MINUS + text : text;
}

const HOUR = 3_600;
const DAY = 86_400;
/** Candidate spacings of time ticks, shortest first. Weeks start on Monday (the epoch was a Thursday). */
const TIME_STEPS: readonly { readonly seconds: number; readonly offset: number }[] = [
  { seconds: HOUR, offset: 0 },
  { seconds: 3 * HOUR, offset: 0 },
  { seconds: 6 * HOUR, offset: 0 },
  { seconds: 12 * HOUR, offset: 0 },
  { seconds: DAY, offset: 0 },
  { seconds: 2 * DAY, offset: 0 },
  { seconds: 7 * DAY, offset: 4 * DAY },
  { seconds: 14 * DAY, offset: 4 * DAY },
  { seconds: 28 * DAY, offset: 4 * DAY },
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface TimeTick {
  /** Unix seconds. */
  readonly time: number;
  readonly label: string;
}

/**
 * A UTC date as "17 Nov", or with the time ("17 Nov 06:00") when it is not midnight.
 * @example formatUtcDate(1_700_179_200) // '17 Nov'
 */
export function formatUtcDate(seconds: number, withTime = false): string {
  const d = new Date(seconds * 1000);
  const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!}`;
  if (!withTime) return date;
  return `${date} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * A timestamp as "2027-01-15 08:00 UTC".
 * @example formatUtcTimestamp(0) // '1970-01-01 00:00 UTC'
 */
export function formatUtcTimestamp(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Ticks on a time axis in UTC: the shortest spacing (1 h … 4 weeks) giving at most `maxTicks` ticks inside
 * [from, to], aligned to whole hours, UTC midnights or Mondays. Day ticks are labelled "17 Nov"; hour ticks
 * "06:00", except at midnight where the date shows.
 */
export function timeTicks(from: number, to: number, maxTicks = 8): TimeTick[] {
  if (!(to > from)) return [];
  const span = to - from;
  const step = TIME_STEPS.find((s) => span / s.seconds <= maxTicks) ?? TIME_STEPS[TIME_STEPS.length - 1]!;
  const ticks: TimeTick[] = [];
  const start = Math.ceil((from - step.offset) / step.seconds) * step.seconds + step.offset;
  for (let t = start; t <= to && ticks.length <= maxTicks * 2; t += step.seconds) {
    const midnight = t % DAY === 0;
    const label = step.seconds >= DAY || midnight ? formatUtcDate(t) : formatUtcDate(t, true).slice(-5);
    ticks.push({ time: t, label });
  }
  return ticks;
}
