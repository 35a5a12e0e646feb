import { formatAge } from '../src/core/format.ts';
import { english, type Translator } from '../src/i18n/translator.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, type SourceView } from '../src/figures/figures.ts';

/**
 * A source's data age for a table's `age` column: `2m`, `3h 5m ⚠` when stale, `never` before its first read,
 * and `2m (block 17m old)` when its chain had stopped: the read is recent but the block it read is not.
 */
export function ageCell(view: SourceView, now: number, t: Translator = english): string {
  const age = dataAgeSeconds(view, now);
  if (age === undefined) return t('age-never');
  const blockAge = blockAgeSeconds(view, now);
  const read = blockAge === undefined ? formatAge(age) : t('age-block-old', { age: formatAge(age), blockAge: formatAge(blockAge) });
  return isStale(view, now) ? t('age-stale', { read }) : read;
}
