import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

let store: HistoryStore;
afterEach(() => store.close());

describe('metricSeries', () => {
  it('GIVEN few points THEN every point in [from, to], oldest first, of that source and metric only', () => {
    store = openSqliteStore(':memory:');
    store.addMetrics('seMetis', 300, { apy24h: 0.3 });
    store.addMetrics('seMetis', 100, { apy24h: 0.1, apy7d: 9 });
    store.addMetrics('seMetis', 200, { apy24h: 0.2 });
    store.addMetrics('seMetis', 400, { apy24h: 0.4 });
    store.addMetrics('artMetis', 200, { apy24h: 5 });
    expect(store.metricSeries('seMetis', 'apy24h', 100, 300)).toEqual([
      { time: 100, value: 0.1 },
      { time: 200, value: 0.2 },
      { time: 300, value: 0.3 },
    ]);
    expect(store.metricSeries('seMetis', 'apy24h', 301, 399)).toEqual([]);
    expect(store.metricSeries('seMetis', 'apy24h', 500, 100)).toEqual([]);
    expect(store.metricSeries('nope', 'apy24h', 0, 1_000)).toEqual([]);
  });

  it('GIVEN 90 days of 5-minute points THEN at most maxPoints, bucket means in time order, the mean kept', () => {
    store = openSqliteStore(':memory:');
    const from = 1_700_000_000;
    const to = from + 90 * 86_400;
    let sum = 0;
    let n = 0;
    store.transaction(() => {
      for (let t = from; t <= to; t += 300) {
        const value = (t - from) / 86_400; // days since the start: a straight line
        store.addMetrics('pool', t, { price: value });
        sum += value;
        n++;
      }
    });
    const series = store.metricSeries('pool', 'price', from, to, 500);
    expect(n).toBeGreaterThan(25_000);
    expect(series.length).toBeLessThanOrEqual(500);
    expect(series.length).toBeGreaterThan(450);
    for (let i = 1; i < series.length; i++) expect(series[i]!.time).toBeGreaterThan(series[i - 1]!.time);
    expect(series[0]!.time).toBeGreaterThanOrEqual(from);
    expect(series[series.length - 1]!.time).toBeLessThanOrEqual(to);
    // A straight line stays one: each bucket's mean value sits at its mean time.
    for (const p of series) expect(p.value).toBeCloseTo((p.time - from) / 86_400, 6);
    expect(store.metricSeries('pool', 'price', from, to, 10)).toHaveLength(10);
    expect(sum / n).toBeCloseTo(45, 3);
  });
});
