import { formatAge } from '../src/core/format.ts';
import { dataAgeSeconds, isStale, type SourceView } from '../src/metrics/figures.ts';

/** A source's data age for a table's `age` column: `2m`, `3h 5m ⚠` when stale, `never` before its first read. */
export function ageCell(view: SourceView, now: number): string {
  const age = dataAgeSeconds(view, now);
  if (age === undefined) return 'never';
  return isStale(view, now) ? `${formatAge(age)} ⚠` : formatAge(age);
}
