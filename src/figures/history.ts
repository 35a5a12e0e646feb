import type { Figure } from '../core/figure.ts';
import { figure, missing } from '../core/figure.ts';
import type { HistoryStore, SeriesPoint } from '../store/historyStore.ts';

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

/** Every stored value of a metric with from < blockTime < to (block times are whole seconds), unbucketed. */
const storedBetween = (store: HistoryStore, sourceId: string, name: string, from: number, to: number): SeriesPoint[] =>
  store.metricSeries(sourceId, name, from + 1, to - 1, Number.MAX_SAFE_INTEGER);

/**
 * The plain mean of a metric's stored values with from < blockTime < to (each stored cycle counts once), or
 * 'not-enough-history' when none is stored there.
 * @example storedMetricAverage(store, 'seMetis', 'apy24h', t - 7 * DAY_SECONDS, t) // the trailing 7 d average APY
 */
export function storedMetricAverage(store: HistoryStore, sourceId: string, name: string, from: number, to: number): Figure {
  const points = storedBetween(store, sourceId, name, from, to);
  if (points.length === 0) return missing('not-enough-history');
  return figure(points.reduce((sum, p) => sum + p.value, 0) / points.length);
}

/**
 * The mean of a × b over the cycles that stored both at the same block time with from < blockTime < to (e.g.
 * APR × block time: the yield per block), or 'not-enough-history' when no such pair is stored.
 */
export function storedProductAverage(store: HistoryStore, sourceId: string, a: string, b: string, from: number, to: number): Figure {
  const bAt = new Map(storedBetween(store, sourceId, b, from, to).map((p) => [p.time, p.value]));
  let sum = 0;
  let n = 0;
  for (const p of storedBetween(store, sourceId, a, from, to)) {
    const other = bAt.get(p.time);
    if (other === undefined) continue;
    sum += p.value * other;
    n++;
  }
  return n === 0 ? missing('not-enough-history') : figure(sum / n);
}
