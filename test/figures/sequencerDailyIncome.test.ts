import { afterEach, describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { sequencerDailyIncome } from '../../src/figures/sequencerDailyIncome.ts';
import { eventCursorKey } from '../../src/store/eventCursorKey.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { DAY, NOW, storeWithHourlyReads } from '../helpers/sequencerHistory.ts';

let store: HistoryStore;
afterEach(() => store?.close());

const daily = (days: number) => sequencerDailyIncome({ history: store, sourceId: 'sequencer', now: NOW, latest: store.sequencersAt('sequencer', NOW), days });

describe('sequencerDailyIncome', () => {
  it('GIVEN ten days of hourly reads THEN 96 METIS for each of them (growth plus the claim), missing before, oldest first', () => {
    store = storeWithHourlyReads();
    const alpha = daily(12).get(1)!;
    expect(alpha.map((d) => d.day)).toEqual(Array.from({ length: 12 }, (_, i) => NOW - (12 - i) * DAY));
    expect(alpha.map((d) => d.income)).toEqual([missing('not-enough-history'), missing('not-enough-history'), ...Array.from({ length: 10 }, () => figure(96))]);
    expect(daily(3).get(2)!.map((d) => d.income)).toEqual([figure(0), figure(0), figure(0)]);
  });

  it('GIVEN events read only from two days back THEN the older days are missing: a claim there could not be seen', () => {
    store = storeWithHourlyReads();
    store.setCursor(eventCursorKey('sequencer'), { startBlock: 1n, startTime: NOW - 2 * DAY, nextBlock: 2n });
    expect(daily(4).get(1)!.map((d) => d.income)).toEqual([missing('not-enough-history'), missing('not-enough-history'), figure(96), figure(96)]);
  });
});
