/**
 * Numbers as people type them in a chat. Each parser returns `undefined` for text of another shape, so the
 * caller can name the bad argument; ranges are the caller's to check.
 */

const SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * An amount: `1000`, `1,000` (groups of three), `1_000`, `1k`, `2.5m` (million), `3b`, `1t`, `1e3`, `.5`.
 * The suffix is case-insensitive (`2.5M`).
 * @example parseAmountText('1,000') // 1000
 * @example parseAmountText('2.5m') // 2_500_000
 * @example parseAmountText('1,00') // undefined
 */
export function parseAmountText(text: string): number | undefined {
  let t = text.trim().replace(/_/g, '');
  if (t.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([kmbt])?$/i.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([kmbt]?)$/i.exec(t);
  if (!match) return undefined;
  const value = Number(match[1]) * (SUFFIX[(match[2] ?? '').toLowerCase()] ?? Number.NaN);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A rate or ratio: `4.5%` (a percent) or `0.045` (a fraction); both give 0.045. A bare number is always a
 * fraction, so `4.5` is 450 % (and a range check will say so).
 * @example parseRateText('4.5%') // 0.045
 * @example parseRateText('0.7') // 0.7
 */
export function parseRateText(text: string): number | undefined {
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/i.exec(text.trim().replace(/_/g, ''));
  if (!match) return undefined;
  const value = Number(match[1]) / (match[2] === '%' ? 100 : 1);
  return Number.isFinite(value) ? value : undefined;
}
