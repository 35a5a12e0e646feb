import type { Words } from './words.ts';

/** Why a figure could not be computed. */
export type Missing =
  | 'not-enough-history'
  | 'zero-supply'
  | 'zero-base'
  | 'zero-price'
  | 'no-data'
  | 'no-path'
  | 'incomplete'
  | 'not-finite'
  | 'no-twap'
  | 'twap-off'
  | 'no-oracle'
  | 'oracle-too-short';

/** A computed number, or an explicit reason it is missing; never NaN or Infinity. */
export type Figure = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly missing: Missing };

/**
 * Wraps a number as a figure; NaN and ±Infinity become `missing('not-finite')`.
 * @example figure(0.12) // { ok: true, value: 0.12 }
 * @example figure(1 / 0) // { ok: false, missing: 'not-finite' }
 */
export function figure(value: number): Figure {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, missing: 'not-finite' };
}

/** A figure that is missing for the given reason. */
export function missing(reason: Missing): Figure {
  return { ok: false, missing: reason };
}

/**
 * Applies `fn` to a present figure; a missing one passes through unchanged.
 * @example mapFigure(figure(0.5), (v) => v * 2) // { ok: true, value: 1 }
 */
export function mapFigure(f: Figure, fn: (v: number) => number): Figure {
  return f.ok ? figure(fn(f.value)) : f;
}

/**
 * Combines two figures with `fn`; if either is missing, the first missing one wins.
 * @example combine(figure(2), figure(3), (a, b) => a * b) // { ok: true, value: 6 }
 */
export function combine(a: Figure, b: Figure, fn: (a: number, b: number) => number): Figure {
  if (!a.ok) return a;
  if (!b.ok) return b;
  return figure(fn(a.value, b.value));
}

/**
 * Words for a missing reason, for display next to a '—' (the messages `missing-<reason>`).
 * @example describeMissing(english, 'not-enough-history') // 'not enough history'
 */
export function describeMissing(words: Words, reason: Missing): string {
  return words(`missing-${reason}`);
}
