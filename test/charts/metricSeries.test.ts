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

  it('GIVEN 90 days of 5-minute points THEN at most maxPoints, bucket means in time order', () => {
    store = openSqliteStore(':memory:');
    const from = 1_700_000_000;
    const to = from + 90 * 86_400;
    const maxPoints = 500;
    // The buckets computed here: equal time slices of [from, to], each the mean time and mean value of its points.
    const buckets = new Map<number, { times: number; values: number; n: number }>();
    store.transaction(() => {
      for (let t = from; t <= to; t += 300) {
        const value = ((t - from) / 86_400) ** 2; // days since the start, squared: a bucket's mean is off its ends
        store.addMetrics('pool', t, { price: value });
        const b = Math.floor(((t - from) * maxPoints) / (to - from + 1));
        const sums = buckets.get(b) ?? { times: 0, values: 0, n: 0 };
        buckets.set(b, { times: sums.times + t, values: sums.values + value, n: sums.n + 1 });
      }
    });
    const expected = [...buckets.values()].map((s) => ({ time: s.times / s.n, value: s.values / s.n }));
    expect(expected).toHaveLength(maxPoints);
    const series = store.metricSeries('pool', 'price', from, to, maxPoints);
    expect(series).toHaveLength(maxPoints);
    series.forEach((p, i) => {
      expect(p.time, `bucket ${i}`).toBeCloseTo(expected[i]!.time, 6);
      expect(p.value, `bucket ${i}`).toBeCloseTo(expected[i]!.value, 6);
    });
    expect(store.metricSeries('pool', 'price', from, to, 10)).toHaveLength(10);
  });
});
