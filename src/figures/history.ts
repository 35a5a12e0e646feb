import type { Figure } from '../core/figure.ts';
import { figure, missing } from '../core/figure.ts';
import type { HistoryStore } from '../store/historyStore.ts';

/**
 * A stored metric's value about `secondsAgo` before `now` (block time), or 'not-enough-history'
 * when the newest value at or before then is more than half a window older than asked.
 */
export function storedMetricAgo(store: HistoryStore, sourceId: string, name: string, now: number, secondsAgo: number): Figure {
  const target = now - secondsAgo;
  const row = store.metricAtOrBefore(sourceId, name, target);
  if (!row || target - row.blockTime > secondsAgo / 2) return missing('not-enough-history');
  return figure(row.value);
}
