import { figure, missing, type Figure } from './figure.ts';

/**
 * A part as a share of a whole (0.8 = 80 %), never negative: a holding, a supply or a take cannot be less than
 * none of the whole. A whole that is not > 0 has no shares: 'zero-base' (say "no METIS locked", not "100 %"
 * of nothing); a missing input passes through (whole first).
 * @example shareOf(figure(804_000), figure(1_000_000)) // { ok: true, value: 0.804 }
 * @example shareOf(figure(0), figure(0)) // { ok: false, missing: 'zero-base' }
 */
export function shareOf(part: Figure, whole: Figure): Figure {
  if (!whole.ok) return whole;
  if (!(whole.value > 0)) return missing('zero-base');
  if (!part.ok) return part;
  return figure(Math.max(0, part.value) / whole.value);
}
