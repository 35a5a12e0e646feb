import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { translator } from '../../src/i18n/translator.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import { plainText, type Action, type Reply } from '../../src/vocabulary/reply.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';
import { context as noHistory } from './snapshotFixture.ts';

let store: HistoryStore;
beforeAll(() => {
  store = storeWithHourlyReads();
});
afterAll(() => store.close());

const actions = (reply: Reply | undefined): Action[] => (reply?.controls ?? []).flatMap((c) => c.actions);
const words = (reply: Reply | undefined) => (reply?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
const en = () => sequencerChartContext(store);
const zh = () => ({ ...sequencerChartContext(store), t: translator('zh-CN') });

describe('a bare /chart', () => {
  it('GIVEN no asset THEN a menu of every chart at 7 d, sequencers among them, each a new message that fits', () => {
    const reply = handleCommandText('/chart', en())!;
    expect(reply.kind).toBe('answer');
    expect(words(reply)).toBe('Which chart? Pick a 7d chart below (buttons under each chart change its window), or type /chart <name> [7d|30d|90d].');
    expect(reply.controls).toEqual([{ kind: 'select', placeholder: 'Pick a chart…', actions: expect.any(Array) as unknown }]);
    const options = actions(reply);
    expect(options.map((o) => o.command)).toEqual(['/chart sequencer 7d', '/chart seMetis 7d', '/chart eMetis-METIS 7d', '/chart sequencers 7d']);
    expect(options.map((o) => o.label)).toEqual(['sequencer', 'seMetis', 'eMetis-METIS', 'sequencers']);
    for (const option of options) {
      expect(encodeAction(option)).toBeDefined();
      expect(option.edit).toBeUndefined();
    }
  });

  it('GIVEN each option pressed THEN that chart, as if typed', () => {
    for (const option of actions(handleCommandText('/chart', en()))) {
      const typed = handleCommandText(option.command, en())!;
      expect(typed.kind, option.command).toBe('answer');
      // The same chart, or the same "not enough history" sentence, with a window row and the picker under it.
      expect(typed.controls?.map((c) => c.kind), option.command).toEqual(['buttons', 'select']);
    }
    const base = handleCommandText('/chart sequencers 7d', en())!;
    expect(base.blocks.find((b) => b.kind === 'image')).toMatchObject({ filename: 'chart-sequencers-7d.png' });
  });

  it('GIVEN a window and no asset THEN the menu at that window', () => {
    const options = actions(handleCommandText('/chart window=30d', en()));
    expect(options.map((o) => o.command)).toContain('/chart sequencers 30d');
    expect(options.every((o) => o.command.endsWith(' 30d'))).toBe(true);
  });

  it('GIVEN a Chinese chat THEN the sentence and the placeholder in Chinese, the same options', () => {
    const reply = handleCommandText('/chart', zh())!;
    expect(words(reply)).toBe('要看哪个图表？请在下方选择 7d 图表（每个图表下方的按钮可切换时间范围），或输入 /chart <名称> [7d|30d|90d]。');
    expect(reply.controls?.[0]).toMatchObject({ kind: 'select', placeholder: '选择图表…' });
    expect(actions(reply).map((o) => o.command)).toEqual(actions(handleCommandText('/chart', en())).map((o) => o.command));
    const pressed = handleCommandText(actions(reply)[1]!.command, zh())!;
    expect(pressed.kind).toBe('answer');
  });

  it('GIVEN no sequencer read THEN no sequencers option; GIVEN no store THEN why there are no charts, with no menu', () => {
    const withStore = { ...noHistory, history: store };
    expect(actions(handleCommandText('/chart', withStore)).map((o) => o.command)).toEqual(['/chart sequencer 7d', '/chart seMetis 7d', '/chart eMetis-METIS 7d']);
    const none = handleCommandText('/chart', noHistory)!;
    expect(words(none)).toBe('Charts need the stored history, and this bot runs without one.');
    expect(none.controls).toBeUndefined();
  });

  it('GIVEN an asset THEN the chart as before, not the menu', () => {
    const reply = handleCommandText('/chart gamma', en())!;
    expect(reply.blocks.find((b) => b.kind === 'image')).toMatchObject({ filename: 'chart-seq3-7d.png' });
    expect(handleCommandText('/chart dogecoin', en())?.kind).toBe('usage');
  });
});
