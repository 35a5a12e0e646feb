import { afterEach, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { plainText, type Block, type Reply } from '../../src/vocabulary/reply.ts';
import { sourceChart } from '../../src/charts/sourceChart.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { context as noHistoryContext } from '../commands/snapshotFixture.ts';
import { decodePng } from './decodePng.ts';
import { contextWith, DAY, END, snapshot, storeWithHistory } from './syntheticHistory.ts';

let store: HistoryStore;
afterEach(() => store?.close());

const image = (reply: Reply | undefined) => reply?.blocks.find((b): b is Extract<Block, { kind: 'image' }> => b.kind === 'image');
const words = (reply: Reply | undefined) =>
  (reply?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'title' || b.kind === 'note' ? b.text : '')).join('\n');
const view = (id: string) => snapshot.sources.find((s) => s.id === id)!;

describe('/chart', () => {
  it('GIVEN 10 days of hourly history THEN /chart seMetis is a titled 1000×540 PNG, a summary and the data age', () => {
    store = storeWithHistory();
    const reply = handleCommandText('/chart seMetis', contextWith(store));
    expect(reply?.kind).toBe('answer');
    expect(reply?.blocks.map((b) => b.kind)).toEqual(['title', 'image', 'paragraph', 'note']);
    const picture = image(reply)!;
    expect(picture.filename).toBe('chart-seMetis-7d.png');
    const png = decodePng(picture.png);
    expect([png.width, png.height]).toEqual([1000, 540]);
    const text = words(reply);
    expect(text).toContain('seMetis <vault> & co — APY, last 7 d');
    // apy24h = 12.5 % + 0.5 % × sin(2 × days before the end): 12.50 % at the end, 12.00 … 13.00 % over the week.
    expect(text).toContain('24 h APY: latest 12.50%, low 12.00%, high 13.00% over the last 7 d.');
    // The fixture's last read was an hour before now (2027-01-15 08:00 UTC), past its 15-minute stale age.
    expect(text).toContain('data as of 2027-01-15 07:00 UTC (age 1h, stale) · 169 points');
    expect(picture.alt).toBe('Line chart of seMetis <vault> & co APY over the last 7 d: 24 h APY latest 12.50%, low 12.00%, high 13.00%.');
  });

  it('GIVEN a window THEN it is used, and case does not matter', () => {
    store = storeWithHistory();
    const reply = handleCommandText('/chart SEMETIS 30D', contextWith(store));
    expect(image(reply)?.filename).toBe('chart-seMetis-30d.png');
    expect(words(reply)).toContain('APY, last 30 d');
    expect(words(reply)).toContain('· 241 points'); // only 10 days are stored
  });

  it('GIVEN the sequencer THEN its nominal APY and the realized APR compounded daily', () => {
    store = storeWithHistory();
    const chart = sourceChart({ view: view('sequencer'), history: store, window: '90d', nowMs: END * 1000 });
    expect(chart.ok).toBe(true);
    if (!chart.ok) return;
    const [nominal, realized] = chart.spec.panels[0]!.series;
    expect(nominal!.points).toHaveLength(241); // the 10 stored days, hourly, in the 90-day window
    expect(nominal!.points.every((p) => Math.abs(p.value - 17.078) < 1e-9)).toBe(true);
    const last = realized!.points[realized!.points.length - 1]!;
    expect(last.value).toBeCloseTo(((1 + 0.157 / 365) ** 365 - 1) * 100, 9);
    expect(chart.spec.panels[0]!.title).toBe('APY, % a year (compounded daily)');
    expect(chart.spec.to - chart.spec.from).toBe(90 * DAY);
  });

  it('GIVEN a pool THEN price with the fair value and its ± 50 bps band over a depeg panel', () => {
    store = storeWithHistory();
    const chart = sourceChart({ view: view('eMetis-METIS'), history: store, window: '7d', nowMs: END * 1000 });
    expect(chart.ok).toBe(true);
    if (!chart.ok) return;
    const [price, depeg] = chart.spec.panels;
    expect(price!.title).toBe('Price, METIS per eMetis');
    expect(depeg!.title).toBe('Depeg, bps (price ÷ fair value − 1)');
    const fair = price!.series[1]!;
    expect(fair.label).toBe('fair value');
    expect(fair.points).toHaveLength(169); // 7 days, hourly, both ends included
    expect(fair.points.every((p) => Math.abs(p.value - 1) < 1e-12)).toBe(true); // price ÷ (1 + depeg) with fair = 1
    expect(price!.bands![0]!.points[0]).toMatchObject({ low: expect.closeTo(0.995, 12) as unknown, high: expect.closeTo(1.005, 12) as unknown });
    expect(depeg!.referenceLines).toEqual([{ value: 0, label: 'at fair value' }]);
    // depeg −40 + 20 × sin(days before the end) bps: −40 at the end, −60 and −20 at the troughs and crests of the week.
    expect(chart.summary).toBe('price: latest 0.9960 METIS, low 0.9940 METIS, high 0.9980 METIS over the last 7 d; widest depeg −60 bps.');

    const reply = handleCommandText('/chart eMetis-METIS', contextWith(store));
    expect([decodePng(image(reply)!.png).width, decodePng(image(reply)!.png).height]).toEqual([1000, 720]);
  });

  it('GIVEN an unknown asset or window THEN the usage line with what is known', () => {
    store = storeWithHistory();
    const unknown = handleCommandText('/chart dogecoin', contextWith(store));
    expect(unknown?.kind).toBe('usage');
    expect(words(unknown)).toBe('Unknown asset "dogecoin". Known: sequencer, seMetis, eMetis-METIS.\nUsage: /chart <asset|sequencers|sequencer> [window]');
    expect(words(handleCommandText('/chart seMetis 1y', contextWith(store)))).toBe('Unknown window "1y". Known: 7d, 30d, 90d.\nUsage: /chart <asset|sequencers|sequencer> [window]');
    // A bare /chart is no mistake: it answers with a menu of charts (test/commands/chartPicker.test.ts).
    expect(handleCommandText('/chart', contextWith(store))?.kind).toBe('answer');
  });

  it('GIVEN fewer than two points in the window THEN a sentence instead of a picture', () => {
    store = openSqliteStore(':memory:');
    store.addMetrics('seMetis', END - 3_600, { apy24h: 0.12 });
    store.addMetrics('seMetis', END - 8 * DAY, { apy24h: 0.12 }); // outside the 7-day window
    const reply = handleCommandText('/chart seMetis', contextWith(store));
    expect(image(reply)).toBeUndefined();
    expect(words(reply)).toBe(
      'Not enough history for a 7d chart of seMetis <vault> & co yet: 1 stored point in the window, and a chart needs at least 2.\nThe bot keeps a point every poll cycle; try again later.',
    );
    expect(words(handleCommandText('/chart seMetis 30d', contextWith(store)))).toContain('APY, last 30 d');
    expect(words(handleCommandText('/chart sequencer', contextWith(store)))).toContain('0 stored points');
  });

  it('GIVEN a context without history THEN it says so rather than failing', () => {
    expect(words(handleCommandText('/chart seMetis', noHistoryContext))).toBe('Charts need the stored history, and this bot runs without one.');
  });
});
