import type { Words } from './words.ts';
import type { Figure } from './figure.ts';

// Display text for figures. Negative numbers use the real minus sign U+2212, which lines up with '+' in monospace chat output.
const MINUS = '\u2212';
const DASH = '—';

/**
 * From this magnitude on, numbers are shown in scientific notation: a double has no digits left for the
 * decimals (2^53 ≈ 9e15), and 999999999999999868928.00 says less than 1.00e21.
 */
export const SCIENTIFIC_FROM = 1e15;

/**
 * A non-negative number as `mantissa`e`exponent` with `digits` decimals in the mantissa, the exponent's sign as
 * U+2212 and no '+': 1.00e21, 1.00e−12.
 */
function scientific(abs: number, digits: number): string {
  const [mantissa = '', exponent = '0'] = abs.toExponential(Math.min(100, digits)).split('e');
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? MINUS : ''}${Math.abs(e)}`;
}

/** Non-negative `abs.toFixed(digits)` below SCIENTIFIC_FROM, scientific from there (never every digit of a huge double). */
function plainFixed(abs: number, digits: number): string {
  const text = abs < SCIENTIFIC_FROM ? abs.toFixed(digits) : undefined;
  // Rounding can carry up to the limit itself (999999999999999.999 → '1000000000000000.00').
  // At least 2 decimals in the mantissa, so a 0-digit figure (bps, whole amounts) still reads 4.20e15, not 4e15.
  return text !== undefined && Number(text) < SCIENTIFIC_FROM ? text : scientific(abs, Math.max(2, digits));
}

/**
 * '—' with the reason a raw number cannot be shown (a missing figure's reason is the caller's to give).
 * @example notShown(NaN) // '— (not a number)'
 */
function notShown(n: number): string {
  return Number.isNaN(n) ? `${DASH} (not a number)` : `${DASH} (too large to show)`;
}

/** `n.toFixed(digits)` with a U+2212 minus, and no sign at all when the rounded text is zero (no '−0.00'). */
function fixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return notShown(n); // a finite figure scaled ×100 can still overflow
  const text = plainFixed(Math.abs(n), digits);
  return n < 0 && !isZeroText(text) ? MINUS + text : text;
}

function isZeroText(text: string): boolean {
  return /^[0.]*$/.test(text);
}

/** Always-signed text: '+', U+2212, or '±' when it rounds to zero. */
function signed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return notShown(n);
  const text = plainFixed(Math.abs(n), digits);
  if (isZeroText(text)) return `±${text}`;
  return (n < 0 ? MINUS : '+') + text;
}

/** Appends a unit unless the text is the missing dash (with or without its reason). */
function withUnit(text: string, unit: string): string {
  return text.startsWith(DASH) ? text : text + unit;
}

/**
 * A fraction as a percentage.
 * @example formatPercent(figure(0.12345)) // '12.35%'
 */
export function formatPercent(f: Figure, digits = 2): string {
  return withUnit(f.ok ? fixed(f.value * 100, digits) : DASH, '%');
}

/**
 * A difference of fractions as signed percentage points.
 * @example formatPointsChange(figure(0.0042)) // '+0.42 pp'
 * @example formatPointsChange(figure(-0.01)) // '−1.00 pp'
 */
export function formatPointsChange(f: Figure, digits = 2): string {
  return withUnit(f.ok ? signed(f.value * 100, digits) : DASH, ' pp');
}

/**
 * Basis points, signed and rounded to a whole bp.
 * @example formatBps(figure(-37.4)) // '−37 bps'
 */
export function formatBps(f: Figure): string {
  return withUnit(f.ok ? signed(f.value, 0) : DASH, ' bps');
}

/**
 * A time window as a label: whole hours in h, whole minutes in min, else seconds.
 * @example formatWindow(1800) // '30 min'
 * @example formatWindow(7200) // '2 h'
 */
export function formatWindow(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  if (seconds > 0 && seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * A duration people wait (an exit delay) in days, whole or with one decimal, the same in every reply.
 * @example formatDays(english, 21 * 86_400) // '21 days'
 * @example formatDays(english, 1_252_800) // '14.5 days'
 * @example formatDays(english, 86_400) // '1 day'
 */
export function formatDays(words: Words, seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  const text = trimZeros((Math.max(0, seconds) / 86_400).toFixed(1));
  return words('format-days', { days: text, count: text === '1' ? 1 : 2 });
}

/**
 * The span a windowed figure really covers, when it differs from the window's name by more than 10 %
 * (an APY "24 h" measured from the nearest stored point 31 h back): 'over 31 h' under two days, else in days.
 * Undefined within 10 %, or without a span.
 * @example spanNote(english, 86_400, 111_600) // 'over 31 h'
 * @example spanNote(english, 604_800, 820_800) // 'over 9.5 days'
 * @example spanNote(english, 86_400, 90_000) // undefined (25 h is within 10 % of 24 h)
 */
export function spanNote(words: Words, windowSeconds: number, spanSeconds: number | undefined): string | undefined {
  if (spanSeconds === undefined || !(windowSeconds > 0) || !Number.isFinite(spanSeconds)) return undefined;
  if (Math.abs(spanSeconds - windowSeconds) <= 0.1 * windowSeconds) return undefined;
  return words('format-span-over', { span: spanSeconds < 2 * 86_400 ? `${Math.round(spanSeconds / 3_600)} h` : formatDays(words, spanSeconds) });
}

/**
 * A pool's depeg: the spot figure alone for a pool without a TWAP window, else both, the TWAP labelled with it.
 * @example formatDepeg(english, { depegBps: figure(-37), twapDepegBps: missing('no-twap') }) // '−37 bps'
 * @example formatDepeg(english, { depegBps: figure(-312), twapDepegBps: figure(-41), twapSeconds: 1800 }) // 'spot −312 bps, 30 min TWAP −41 bps'
 */
export function formatDepeg(words: Words, pool: { readonly depegBps: Figure; readonly twapDepegBps: Figure; readonly twapSeconds?: number }): string {
  if (pool.twapSeconds === undefined) return formatBps(pool.depegBps);
  return words('format-depeg-spot-twap', { spot: formatBps(pool.depegBps), window: formatWindow(pool.twapSeconds), twap: formatBps(pool.twapDepegBps) });
}

const UNITS = ['', 'k', 'M', 'B', 'T'] as const;

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Below this, an amount is shown in scientific notation rather than a row of zeros. */
const TINY_AMOUNT = 1e-6;

/**
 * A token amount in compact form: 1234 → '1.23k', 2_500_000 → '2.50M'; values under 1000 drop trailing zeros and small values keep significant digits.
 * Beyond the largest suffix (1000 T) and below 0.000001 it is scientific: 4.20e15, 1.00e−12. A missing figure is
 * '—'; a raw NaN or ±Infinity is '—' with why.
 * @example formatAmount(950) // '950'
 * @example formatAmount(3.1e9) // '3.10B'
 * @example formatAmount(0.0123) // '0.0123'
 * @example formatAmount(1e21) // '1.00e21'
 */
export function formatAmount(value: number | Figure, digits = 2): string {
  if (typeof value !== 'number' && !value.ok) return DASH;
  const n = typeof value === 'number' ? value : value.value;
  if (!Number.isFinite(n)) return notShown(n);
  const sign = n < 0 ? MINUS : '';
  const abs = Math.abs(n);
  let text: string;
  if (abs === 0) {
    text = '0';
  } else if (abs < TINY_AMOUNT) {
    text = scientific(abs, digits);
  } else if (abs < 1) {
    // Keep digits + 1 significant digits after the leading zeros, so 0.0000123 does not show as '0'.
    const leadingZeros = Math.max(0, Math.floor(-Math.log10(abs)));
    text = trimZeros(abs.toFixed(Math.min(100, digits + 1 + leadingZeros)));
  } else {
    let unit = 0;
    let mantissa = abs;
    while (mantissa >= 1000 && unit < UNITS.length - 1) {
      mantissa /= 1000;
      unit += 1;
    }
    text = plainFixed(mantissa, digits);
    // Rounding can carry into the next unit: 999_999 is '1.00M', not '1000.00k'.
    if (Number(text) >= 1000 && unit < UNITS.length - 1) {
      unit += 1;
      text = (mantissa / 1000).toFixed(digits);
    }
    if (unit === 0) text = trimZeros(text);
    // Past the largest suffix: 4.20e15, not 4200.00T (or 999999999999999868928.00T).
    text = Number(text) >= 1000 ? scientific(abs, digits) : text + (UNITS[unit] ?? '');
  }
  return isZeroText(text) ? text : sign + text;
}

/**
 * A ratio (e.g. tower leverage) with a multiplication sign.
 * @example formatRatio(figure(1.234)) // '1.234×'
 */
export function formatRatio(f: Figure, digits = 3): string {
  return withUnit(f.ok ? fixed(f.value, digits) : DASH, '×');
}

/**
 * An age in the two largest units, dropping a zero second unit; negative is '0s', non-finite is '—'.
 * @example formatAge(7260) // '2h 1m'
 * @example formatAge(90_000) // '1d 1h'
 */
export function formatAge(seconds: number): string {
  if (Number.isNaN(seconds) || seconds === Infinity) return DASH;
  const s = Math.max(0, Math.floor(seconds));
  const parts: ReadonlyArray<readonly [number, string]> = [
    [Math.floor(s / 86_400), 'd'],
    [Math.floor(s / 3_600) % 24, 'h'],
    [Math.floor(s / 60) % 60, 'm'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return '0s';
  const [n1, u1] = parts[first] ?? [0, 's'];
  const second = parts[first + 1];
  return second !== undefined && second[0] > 0 ? `${n1}${u1} ${second[0]}${second[1]}` : `${n1}${u1}`;
}

/**
 * A plain number with fixed digits (U+2212 for negatives).
 * @example formatNumber(figure(3.14159), 2) // '3.14'
 */
export function formatNumber(f: Figure, digits: number): string {
  return f.ok ? fixed(f.value, digits) : DASH;
}

/**
 * A number with thousands separators and fixed digits (U+2212 for negatives; with `signed`, always a sign);
 * scientific from 1e15 on, '—' with why for NaN and ±Infinity.
 * @example formatGrouped(1170.7812) // '1,170.78'
 * @example formatGrouped(1e21, 0) // '1.00e21'
 * @example formatGrouped(-2500, 0) // '−2,500'
 * @example formatGrouped(170.78, 2, { signed: true }) // '+170.78'
 */
export function formatGrouped(n: number, digits = 2, options: { readonly signed?: boolean } = {}): string {
  if (!Number.isFinite(n)) return notShown(n);
  const text = plainFixed(Math.abs(n), digits);
  const [integer = '', fraction] = text.split('.');
  const grouped = text.includes('e') ? text : integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction !== undefined ? `.${fraction}` : '');
  if (isZeroText(text)) return options.signed ? `±${grouped}` : grouped;
  if (n < 0) return MINUS + grouped;
  return options.signed ? `+${grouped}` : grouped;
}

/**
 * A change of a ratio (e.g. tower leverage), signed, with a multiplication sign.
 * @example formatRatioChange(figure(0.0024)) // '+0.0024×'
 */
export function formatRatioChange(f: Figure, digits = 4): string {
  return withUnit(f.ok ? signed(f.value, digits) : DASH, '×');
}

/**
 * A number as a person typed it, for echoing limits and values back: thousands separators, the decimals it
 * has (up to 12 significant digits, no trailing zeros), scientific from 1e15 and under 0.000001, U+2212 for
 * negatives, '—' with why for NaN and ±Infinity. Never JavaScript's `1e-7` or `1000000000000`.
 * @example formatQuantity(1e12) // '1,000,000,000,000'
 * @example formatQuantity(0.000001) // '0.000001'
 * @example formatQuantity(-0.1) // '−0.1'
 * @example formatQuantity(1e-7) // '1e−7'
 */
export function formatQuantity(n: number): string {
  if (!Number.isFinite(n)) return notShown(n);
  const abs = Math.abs(n);
  let text: string;
  if (abs !== 0 && (abs < TINY_AMOUNT || abs >= SCIENTIFIC_FROM)) {
    const [mantissa = '', exponent = ''] = scientific(abs, 11).split('e');
    text = `${trimZeros(mantissa)}e${exponent}`;
  } else {
    const integerDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 0;
    const leadingZeros = abs > 0 && abs < 1 ? Math.floor(-Math.log10(abs)) : 0;
    const [integer = '', fraction] = trimZeros(abs.toFixed(Math.max(0, 12 - integerDigits + leadingZeros))).split('.');
    text = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction !== undefined ? `.${fraction}` : '');
  }
  return n < 0 && !isZeroText(text) ? MINUS + text : text;
}
