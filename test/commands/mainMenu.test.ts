import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { translator } from '../../src/i18n/translator.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Action, Reply } from '../../src/vocabulary/reply.ts';
import { context } from './snapshotFixture.ts';

const zh = { ...context, t: translator('zh-CN') };
const actions = (reply: Reply | undefined): Action[] => (reply?.controls ?? []).flatMap((c) => c.actions);
const MENU = ['/apy', '/leverage', '/sequencers', '/chart', '/simulate', '/subscribe', '/alerts', '/status', '/lang'];

describe('the main menu under /start and /help', () => {
  for (const command of ['/start', '/help']) {
    it(`GIVEN ${command} THEN a button per thing the bot offers, in at most 5 rows of at most 5, each a new message that fits`, () => {
      const reply = handleCommandText(command, context)!;
      expect(reply.kind).toBe('answer');
      expect(reply.controls!.length).toBeLessThanOrEqual(5);
      for (const row of reply.controls!) {
        expect(row.kind).toBe('buttons');
        expect(row.actions.length).toBeLessThanOrEqual(5);
      }
      const buttons = actions(reply);
      expect(buttons.map((b) => b.command)).toEqual(MENU);
      expect(buttons.map((b) => b.label)).toEqual(['Yields', 'Leverage', 'Sequencers', 'Charts', 'Simulate', 'Subscribe', 'Alerts', 'Status', 'Language · 语言']);
      for (const button of buttons) {
        expect(encodeAction(button), button.command).toBeDefined();
        expect(button.edit).toBeUndefined();
      }
    });
  }

  it('GIVEN a Chinese chat THEN the labels in Chinese, the commands the same', () => {
    const buttons = actions(handleCommandText('/start', zh));
    expect(buttons.map((b) => b.label)).toEqual(['收益', '杠杆', '排序器', '图表', '模拟', '订阅', '预警', '状态', '语言 · Language']);
    expect(buttons.map((b) => b.command)).toEqual(MENU);
  });

  it('GIVEN each button pressed THEN its command answers as if typed, in either language', () => {
    for (const chat of [context, zh]) {
      for (const button of actions(handleCommandText('/help', chat))) {
        const reply = handleCommandText(button.command, chat);
        expect(reply, button.command).toBeDefined();
        expect(reply!.blocks.length, button.command).toBeGreaterThan(0);
      }
    }
    // Those that need no argument and no store answer in full.
    expect(handleCommandText('/apy', context)?.kind).toBe('answer');
    expect(handleCommandText('/leverage', context)?.kind).toBe('answer');
    expect(handleCommandText('/status', context)?.kind).toBe('answer');
    expect(handleCommandText('/lang', zh)?.kind).toBe('answer');
  });

  it('GIVEN /start THEN the text before the menu is as before', () => {
    const reply = handleCommandText('/start', context)!;
    expect(reply.blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'list']);
  });
});
