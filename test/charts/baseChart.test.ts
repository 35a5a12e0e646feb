import { afterEach, describe, expect, it } from 'vitest';
import { baseChart, MAX_OPERATOR_LAYERS } from '../../src/charts/baseChart.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { sequencerSnapshot } from '../helpers/sequencerChartContext.ts';
import { DAY, E18, NOW, record, RELOCK_BEFORE, storeWithHourlyReads } from '../helpers/sequencerHistory.ts';

let store: HistoryStore;
afterEach(() => store?.close());

const chartOf = (snapshot: Snapshot, window: '7d' | '30d' | '90d' = '7d') =>
  baseChart({ sequencers: snapshot.sequencers!, source: snapshot.sources.find((s) => s.id === 'sequencer')!, history: store, window, nowMs: NOW * 1000 + 120_000 });

describe('baseChart: the base stacked by operator', () => {
  it('GIVEN hourly reads THEN one layer per operator (protocols together), largest first, labelled with its share at the last read', () => {
    store = storeWithHourlyReads();
    const chart = chartOf(sequencerSnapshot(store));
    expect(chart.ok).toBe(true);
    if (!chart.ok) return;
    const stack = chart.spec.panels[0]!.stack!;
    // Artemis = Beta 200k + Gamma 150k (exiting still counts); the unlabelled 340k; ENKI = Alpha 310k.
    expect(stack.layers.map((l) => l.label)).toEqual(['Artemis 35.0%', '0x4444…4444 34.0%', 'ENKI 31.0%']);
    expect(new Set(stack.layers.map((l) => l.color)).size).toBe(3);
    expect(chart.spec.panels[0]!.title).toBe('METIS locked (the base), million METIS, stacked by operator');
    expect(chart.spec.title).toBe('METIS locked by operator — last 7 d');
    expect(chart.spec.subtitle).toBe('last read block 4242, data as of 2025-10-09 08:53 UTC (age 2m) · 168 reads');
    expect(chart.summary).toBe('METIS locked: latest 1.00M METIS, low 900.00k METIS, high 1.00M METIS over the last 7 d. By operator at the last read: Artemis 35.0%, 0x4444…4444 34.0%, ENKI 31.0%.');
    expect(chart.alt).toMatch(/^Stacked area chart of METIS locked by operator over the last 7 d: /);
  });

  it('GIVEN each read THEN the layers at its time add up to the totalLocked stored with it, and Beta’s relock shows in its operator', () => {
    store = storeWithHourlyReads();
    const chart = chartOf(sequencerSnapshot(store));
    if (!chart.ok) throw new Error('expected a chart');
    const { times, layers } = chart.spec.panels[0]!.stack!;
    expect(times).toHaveLength(168); // hourly over 7 d; the read at the window's start is outside it
    times.forEach((time, i) => {
      const totalLocked = Number(store.observationAtOrBefore('sequencer', time)!.values.totalLocked! / E18);
      expect(layers.reduce((sum, l) => sum + l.values[i]!, 0) * 1e6).toBeCloseTo(totalLocked, 6);
      expect(layers[0]!.values[i]! * 1e6).toBeCloseTo(time >= NOW - RELOCK_BEFORE ? 350_000 : 250_000, 6);
    });
  });

  it('GIVEN a 90-day window THEN at most 500 points, each a stored read (none averaged)', () => {
    store = storeWithHourlyReads();
    const chart = chartOf(sequencerSnapshot(store), '90d');
    if (!chart.ok) throw new Error('expected a chart');
    const { times } = chart.spec.panels[0]!.stack!;
    expect(times.length).toBeGreaterThan(40);
    expect(times.length).toBeLessThanOrEqual(500);
    expect(times.every((t) => (NOW - t) % 3_600 === 0 && t > NOW - 10 * DAY - 1)).toBe(true);
    expect(chart.spec.to - chart.spec.from).toBe(90 * DAY);
  });

  it(`GIVEN more than ${MAX_OPERATOR_LAYERS} operators and an exited sequencer THEN the smallest share one layer and the exited one is left out`, () => {
    store = storeWithHourlyReads();
    const snapshot = sequencerSnapshot(store);
    store.close();
    store = openSqliteStore(':memory:');
    // Ten unlabelled sequencers of 10k … 100k, and an exited one still showing 500k.
    const reads = [...Array.from({ length: 10 }, (_, i) => record(i + 1, 2, BigInt(10_000 * (i + 1)), 0n)), record(11, 3, 500_000n, 0n)];
    for (const time of [NOW - DAY, NOW]) store.addObservation({ sourceId: 'sequencer', chainId: 1, blockNumber: 1n, blockTime: time, observedAt: time * 1000, values: {}, sequencers: reads });
    const rows = reads.map((r) => ({ ...snapshot.sequencers!.rows[0]!, seqId: r.seqId, name: `op${r.seqId}`, lst: undefined }));
    const chart = chartOf({ ...snapshot, sequencers: { ...snapshot.sequencers!, rows } });
    if (!chart.ok) throw new Error('expected a chart');
    const layers = chart.spec.panels[0]!.stack!.layers;
    // 550k in the base: op10 100k is 18.2 %; op1 … op3 (60k) make "3 others" 10.9 %.
    expect(layers.map((l) => l.label)).toEqual(['op10 18.2%', 'op9 16.4%', 'op8 14.5%', 'op7 12.7%', 'op6 10.9%', 'op5 9.1%', 'op4 7.3%', '3 others 10.9%']);
    expect(layers.reduce((sum, l) => sum + l.values[1]!, 0)).toBeCloseTo(550, 9); // thousand METIS
  });

  it('GIVEN one read in the window THEN too little history, with the count', () => {
    store = storeWithHourlyReads(0);
    expect(chartOf(sequencerSnapshot(store))).toEqual({ ok: false, reason: 'too-little-history', points: 1 });
  });
});
