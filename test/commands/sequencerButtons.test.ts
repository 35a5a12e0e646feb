import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { sequencerName, sequencerPicker } from '../../commands/sequencerButtons.ts';
import type { SequencersView } from '../../src/figures/sequencersViewTypes.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Action, Reply } from '../../src/vocabulary/reply.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';

let store: HistoryStore;
beforeAll(() => {
  store = storeWithHourlyReads();
});
afterAll(() => store.close());

const actions = (reply: Reply | undefined): Action[] => (reply?.controls ?? []).flatMap((c) => c.actions);
const en = () => sequencerChartContext(store);
const zh = () => ({ ...sequencerChartContext(store), t: translator('zh-CN') });

/** The view with `count` sequencers, copies of the first one with ids 1… and names Op1… */
const viewOf = (count: number): SequencersView => {
  const view = en().snapshot().sequencers!;
  return { ...view, rows: Array.from({ length: count }, (_, i) => ({ ...view.rows[0]!, seqId: i + 1, name: `Op${i + 1}` })) };
};

describe('/sequencers buttons', () => {
  it('GIVEN the list THEN one button per sequencer, by name, each fitting and opening its detail in place', () => {
    for (const context of [en(), zh()]) {
      const reply = handleCommandText('/sequencers', context)!;
      expect(reply.controls!.every((c) => c.kind === 'buttons' && c.actions.length <= 3)).toBe(true);
      const buttons = actions(reply);
      expect(buttons.map((b) => b.label)).toEqual(['Alpha', 'Beta', 'Gamma', '0x4444…4444', '0x5555…5555']);
      expect(buttons.map((b) => b.command)).toEqual(['/sequencers 1', '/sequencers 2', '/sequencers 3', '/sequencers 4', '/sequencers 5']);
      for (const [i, button] of buttons.entries()) {
        expect(encodeAction(button)).toBeDefined();
        expect(button.edit).toBe(true);
        const detail = handleCommandText(button.command, context)!;
        expect(detail.kind).toBe('answer');
        expect(detail.blocks[0]).toMatchObject({ kind: 'title', text: expect.stringContaining(buttons[i]!.label) as unknown });
      }
    }
  });

  it('GIVEN a detail THEN "back" gives the list in place and "chart" that sequencer’s chart as a new message', () => {
    const [back, chart] = actions(handleCommandText('/sequencers gamma', en()));
    expect(back).toEqual({ label: '‹ All sequencers', command: '/sequencers', edit: true });
    expect(chart).toEqual({ label: 'Chart', command: '/chart 3' });
    const [zhBack, zhChart] = actions(handleCommandText('/sequencers gamma', zh()));
    expect(zhBack).toEqual({ label: '‹ 全部排序器', command: '/sequencers', edit: true });
    expect(zhChart).toEqual({ label: '图表', command: '/chart 3' });
    for (const button of [back!, chart!]) expect(encodeAction(button)).toBeDefined();
    expect(handleCommandText(back!.command, en())?.blocks[0]).toEqual({ kind: 'title', text: 'Sequencers' });
    const drawn = handleCommandText(chart!.command, en())!;
    expect(drawn.blocks.find((b) => b.kind === 'image')).toMatchObject({ filename: 'chart-seq3-7d.png' });
  });

  it('GIVEN a name nothing matches THEN the usage reply, with no buttons', () => {
    const reply = handleCommandText('/sequencers wobble', en())!;
    expect(reply.kind).toBe('usage');
    expect(reply.controls).toBeUndefined();
  });

  it('GIVEN more sequencers THEN rows of 3 up to 15, rows of 4 up to 20, then menus of 25: never more than Discord’s 5 rows', () => {
    const shape = (count: number) => sequencerPicker(english, viewOf(count)).map((c) => `${c.kind}:${c.actions.length}`);
    expect(shape(15)).toEqual(['buttons:3', 'buttons:3', 'buttons:3', 'buttons:3', 'buttons:3']);
    expect(shape(16)).toEqual(['buttons:4', 'buttons:4', 'buttons:4', 'buttons:4']);
    expect(shape(20)).toEqual(['buttons:4', 'buttons:4', 'buttons:4', 'buttons:4', 'buttons:4']);
    expect(shape(21)).toEqual(['select:21']);
    expect(shape(60)).toEqual(['select:25', 'select:25', 'select:10']);
    expect(shape(200)).toHaveLength(5);
    const [first, second] = sequencerPicker(translator('zh-CN'), viewOf(60));
    expect(first).toMatchObject({ kind: 'select', placeholder: '排序器 1–25…' });
    expect(second?.kind === 'select' && second.placeholder).toBe('排序器 26–50…');
    expect(first!.actions[0]).toEqual({ label: '1 Op1', command: '/sequencers 1', edit: true });
  });

  it('GIVEN a one-word name shorter than the id and finding that sequencer alone THEN the name; otherwise the id', () => {
    const view = viewOf(3);
    const rows = [{ ...view.rows[0]!, seqId: 123, name: 'Zq' }, { ...view.rows[1]!, seqId: 456, name: 'Zqx' }, { ...view.rows[2]!, seqId: 789, name: 'Big Op' }];
    const named = { ...view, rows };
    expect(rows.map((r) => sequencerName(named, r))).toEqual(['Zq', '456', '789']);
  });
});
