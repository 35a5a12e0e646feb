import { formatAge } from '../src/core/format.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, type SourceView } from '../src/figures/figures.ts';

/**
 * A source's data age for a table's `age` column: `2m`, `3h 5m ⚠` when stale, `never` before its first read,
 * and `2m (block 17m old)` when its chain had stopped: the read is recent but the block it read is not.
 */
export function ageCell(view: SourceView, now: number): string {
  const age = dataAgeSeconds(view, now);
  if (age === undefined) return 'never';
  const blockAge = blockAgeSeconds(view, now);
  const read = blockAge === undefined ? formatAge(age) : `${formatAge(age)} (block ${formatAge(blockAge)} old)`;
  return isStale(view, now) ? `${read} ⚠` : read;
}
