import { afterEach, describe, expect, it } from 'vitest';
import { sequencerChart } from '../../src/charts/sequencerChart.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { sequencerSnapshot } from '../helpers/sequencerChartContext.ts';
import { DAY, NOW, RELOCK_BEFORE, storeWithHourlyReads } from '../helpers/sequencerHistory.ts';

let store: HistoryStore;
afterEach(() => store?.close());

const chartOf = (snapshot: Snapshot, seqId: number, window: '7d' | '30d' = '7d') =>
  sequencerChart({
    row: snapshot.sequencers!.rows.find((r) => r.seqId === seqId)!,
    sequencers: snapshot.sequencers!,
    source: snapshot.sources.find((s) => s.id === 'sequencer')!,
    history: store,
    window,
    nowMs: NOW * 1000 + 120_000,
  });

describe('sequencerChart: one sequencer', () => {
  it('GIVEN Alpha THEN its locked METIS in one panel and its reward per day (96 METIS, the claim counted) in the other', () => {
    store = storeWithHourlyReads();
    const chart = chartOf(sequencerSnapshot(store), 1);
    if (!chart.ok) throw new Error('expected a chart');
    const [locked, reward] = chart.spec.panels;
    expect(chart.spec.title).toBe('Sequencer Alpha — locked and reward per day, last 7 d');
    expect([locked!.title, reward!.title]).toEqual(['Locked, thousand METIS', 'Reward per day, METIS']);
    expect([locked!.fromZero, reward!.fromZero]).toEqual([true, true]);
    expect(locked!.series[0]!.points).toHaveLength(168);
    expect(locked!.series[0]!.points.every((p) => p.value === 310)).toBe(true);
    // 4 METIS an hour: 96 in every 24 h before the last read; the 500 claimed three days back is added back in.
    expect(reward!.series[0]!.points).toEqual(Array.from({ length: 7 }, (_, i) => ({ time: NOW - (6 - i) * DAY, value: 96 })));
    expect(chart.summary).toBe('Alpha: locked: latest 310.00k METIS (31.0% of the base), low 310.00k METIS, high 310.00k METIS; reward per day: latest 96 METIS, mean 96 METIS over 7 days, last 7 d.');
  });

  it('GIVEN the window THEN the reward per day is what /sequencers <name> shows for the same days', () => {
    store = storeWithHourlyReads();
    const snapshot = sequencerSnapshot(store);
    const chart = chartOf(snapshot, 1, '30d');
    if (!chart.ok) throw new Error('expected a chart');
    const shown = snapshot.sequencers!.rows.find((r) => r.seqId === 1)!.dailyIncome.flatMap((d) => (d.income.ok ? [{ time: d.day + DAY, value: d.income.value }] : []));
    expect(shown).toHaveLength(10); // ten days stored
    expect(chart.spec.panels[1]!.series[0]!.points).toEqual(shown);
  });

  it('GIVEN Beta THEN its lock steps from 100k to 200k at the relock', () => {
    store = storeWithHourlyReads();
    const chart = chartOf(sequencerSnapshot(store), 2);
    if (!chart.ok) throw new Error('expected a chart');
    const points = chart.spec.panels[0]!.series[0]!.points;
    expect(points.every((p) => p.value === (p.time >= NOW - RELOCK_BEFORE ? 200 : 100))).toBe(true);
    expect(points.some((p) => p.value === 100)).toBe(true);
    expect(chart.summary).toContain('locked: latest 200.00k METIS (20.0% of the base), low 100.00k METIS, high 200.00k METIS');
  });

  it('GIVEN reads less than a day apart only THEN the chart shows the lock and says the reward per day needs more history', () => {
    store = storeWithHourlyReads(0.5);
    const chart = chartOf(sequencerSnapshot(store), 1);
    if (!chart.ok) throw new Error('expected a chart');
    expect(chart.spec.panels[1]!.series[0]!.points).toEqual([]);
    expect(chart.summary).toContain('reward per day: not enough history yet (needs reads a day apart)');
  });
});
