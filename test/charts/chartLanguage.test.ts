import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { buildLineChartSvg } from '../../src/charts/lineChartSvg.ts';
import { sourceChart } from '../../src/charts/sourceChart.ts';
import { translator } from '../../src/i18n/translator.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import { plainText, type Action, type Block, type Control, type Reply } from '../../src/vocabulary/reply.ts';
import { leakedIds } from '../commands/messageIds.ts';
import { context as noHistoryContext } from '../commands/snapshotFixture.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';
import { darkPixels, decodePng } from './decodePng.ts';
import { contextWith, END, snapshot, storeWithHistory } from './syntheticHistory.ts';

const zh = translator('zh-CN');
let store: HistoryStore;
let sequencerStore: HistoryStore;
beforeAll(() => {
  store = storeWithHistory();
  sequencerStore = storeWithHourlyReads();
});
afterAll(() => {
  store.close();
  sequencerStore.close();
});

const image = (reply: Reply | undefined) => reply?.blocks.find((b): b is Extract<Block, { kind: 'image' }> => b.kind === 'image');
const words = (reply: Reply | undefined) =>
  (reply?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'title' || b.kind === 'note' ? b.text : b.kind === 'image' ? b.alt : '')).join('\n');
const row = (reply: Reply | undefined, kind: Control['kind']): Action[] => reply?.controls?.find((c) => c.kind === kind)?.actions.slice() ?? [];
const inChinese = (text: string) => handleCommandText(text, { ...contextWith(store), t: zh });

describe('/chart in Chinese', () => {
  it('GIVEN a chat in Chinese THEN the title, summary, note and alt text are Chinese, figures as in English, no message id', () => {
    const reply = inChinese('/chart seMetis');
    const text = words(reply);
    expect(text).toContain('seMetis <vault> & co — APY，最近 7 d');
    expect(text).toContain('24 h APY：最新 12.50%，最低 12.00%，最高 13.00%（最近 7 d）。');
    expect(text).toContain('数据时间 2027-01-15 07:00 UTC（距今 1h，已过期） · 169 个数据点。APY 由份额价格');
    expect(image(reply)?.alt).toBe('seMetis <vault> & co 最近 7 d APY 的折线图：24 h APY 最新 12.50%，最低 12.00%，最高 13.00%。');
    expect(leakedIds(text)).toEqual([]);
  });

  it('GIVEN Chinese THEN every text drawn in the picture is Chinese, and the title is drawn (glyphs from the CJK font)', () => {
    for (const id of ['seMetis', 'eMetis-METIS']) {
      const view = snapshot.sources.find((s) => s.id === id)!;
      const chart = sourceChart({ view, history: store, window: '7d', nowMs: END * 1000, t: zh });
      if (!chart.ok) throw new Error('expected a chart');
      const texts = [chart.spec.title, chart.spec.subtitle, chart.spec.footnote ?? '', ...chart.spec.panels.flatMap((p) => [p.title, ...p.series.map((s) => s.label), ...(p.bands ?? []).map((b) => b.label), ...(p.referenceLines ?? []).map((r) => r.label)])];
      for (const text of texts) expect(leakedIds(text)).toEqual([]);
      for (const words of id === 'seMetis' ? ['APY，年化 %', '时间为 UTC'] : ['价格，METIS / eMetis', '脱锚，bps', '公允价值 ± 50 bps', '时间为 UTC']) expect(texts).toContainEqual(expect.stringContaining(words));
      expect(buildLineChartSvg(chart.spec)).toContain('font-family="Noto Sans SC"');
    }
    const png = decodePng(image(inChinese('/chart seMetis'))!.png);
    expect(darkPixels(png, { x: 80, y: 10, width: 600, height: 34 })).toBeGreaterThan(1500);
  });

  it('GIVEN too little history THEN the sentence is Chinese', () => {
    const sparse = openSqliteStore(':memory:');
    sparse.addMetrics('seMetis', END - 3_600, { apy24h: 0.12 });
    const reply = handleCommandText('/chart seMetis', { ...contextWith(sparse), t: zh });
    expect(words(reply)).toBe('seMetis <vault> & co 的 7d 图表历史数据尚不足：窗口内有 1 个已存储的数据点，图表至少需要 2 个。\n机器人每轮轮询保存一个数据点，请稍后再试。');
    expect(row(reply, 'buttons')).toHaveLength(3);
    sparse.close();
    const none = handleCommandText('/chart seMetis', { ...noHistoryContext, t: zh });
    expect(words(none)).toBe('图表需要已存储的历史数据，而本机器人运行时没有存储。');
  });

  it('GIVEN the base and one sequencer in Chinese THEN their pictures and replies are Chinese', () => {
    const context = { ...sequencerChartContext(sequencerStore), t: zh };
    const base = words(handleCommandText('/chart sequencers', context));
    expect(base).toContain('各运营方锁仓的 METIS — 最近 7 d');
    expect(base).toContain('锁仓 METIS：最近 7 d 最新');
    expect(leakedIds(base)).toEqual([]);
    const one = words(handleCommandText('/chart alph', context));
    expect(one).toContain('排序器 Alpha — 锁仓与每日奖励，最近 7 d');
    expect(one).toContain('Alpha：锁仓：最新 310.00k METIS（占基础的 31.0%）');
    expect(leakedIds(one)).toEqual([]);
  });
});

describe('/chart buttons', () => {
  it('GIVEN a chart THEN 7d / 30d / 90d buttons in place, the current one marked; each gives that window', () => {
    const windows = row(handleCommandText('/chart seMetis', contextWith(store)), 'buttons');
    expect(windows).toEqual([
      { label: '· 7d ·', command: '/chart seMetis 7d', edit: true },
      { label: '30d', command: '/chart seMetis 30d', edit: true },
      { label: '90d', command: '/chart seMetis 90d', edit: true },
    ]);
    for (const button of windows) expect(encodeAction(button)).toBeDefined();
    const month = handleCommandText(windows[1]!.command, contextWith(store));
    expect(image(month)?.filename).toBe('chart-seMetis-30d.png');
    expect(row(month, 'buttons').map((b) => b.label)).toEqual(['7d', '· 30d ·', '90d']);
  });

  it('GIVEN a chart THEN a picker of every chartable asset at the same window, each replacing the picture', () => {
    const reply = handleCommandText('/chart seMetis 30d', { ...contextWith(store), t: zh });
    const select = reply?.controls?.find((c) => c.kind === 'select');
    expect(select).toMatchObject({ kind: 'select', placeholder: '其他图表…' });
    expect(select!.actions.map((a) => a.command)).toEqual(['/chart sequencer 30d', '/chart seMetis 30d', '/chart eMetis-METIS 30d']);
    for (const action of select!.actions) {
      expect(action.edit).toBe(true);
      expect(encodeAction(action)).toBeDefined();
      expect(handleCommandText(action.command, contextWith(store))?.kind).toBe('answer');
    }
    expect(image(handleCommandText('/chart eMetis-METIS 30d', contextWith(store)))?.filename).toBe('chart-eMetis-METIS-30d.png');
  });

  it('GIVEN /chart sequencers and /chart <sequencer> THEN their window buttons (a sequencer by its id) and the base in the picker', () => {
    const context = sequencerChartContext(sequencerStore);
    const base = handleCommandText('/chart sequencers', context);
    expect(row(base, 'buttons').map((b) => b.command)).toEqual(['/chart sequencers 7d', '/chart sequencers 30d', '/chart sequencers 90d']);
    expect(row(base, 'select').map((b) => b.command)).toContain('/chart sequencers 7d');
    const alpha = handleCommandText('/chart alph', context);
    const windows = row(alpha, 'buttons');
    expect(windows.map((b) => b.command)).toEqual(['/chart 1 7d', '/chart 1 30d', '/chart 1 90d']);
    for (const button of [...windows, ...row(alpha, 'select')]) expect(encodeAction(button)).toBeDefined();
    expect(image(handleCommandText(windows[2]!.command, context))?.filename).toBe('chart-seq1-90d.png');
  });

  it('GIVEN a token with a vault and a supply source THEN the picker names each so that it charts that one', () => {
    const supply = { id: 'seMetis-supply', label: 'seMetis supply', kind: 'erc20-supply' as const, chainId: 1088, token: 'seMetis', staleAfterSeconds: 900 };
    const both = { ...snapshot, sources: [...snapshot.sources, supply] };
    const context = { ...contextWith(store), snapshot: () => both };
    const picker = row(handleCommandText('/chart seMetis-supply', context), 'select').map((a) => a.command);
    expect(picker).toEqual(['/chart sequencer 7d', '/chart seMetis 7d', '/chart eMetis-METIS 7d', '/chart seMetis-supply 7d']);
    expect(row(handleCommandText('/chart seMetis-supply', context), 'buttons')[1]!.command).toBe('/chart seMetis-supply 30d');
  });
});
