import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { sequencerPicker } from '../../commands/sequencerButtons.ts';
import { english } from '../../src/i18n/translator.ts';
import { discordComponents } from '../../src/platforms/discordComponents.ts';
import { telegramKeyboard } from '../../src/platforms/telegramKeyboard.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import type { Control } from '../../src/vocabulary/reply.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';

let store: HistoryStore;
beforeAll(() => {
  store = storeWithHourlyReads();
});
afterAll(() => store.close());

/** Every button and option each platform would show. */
const onDiscord = (controls: readonly Control[]) => discordComponents(controls).flatMap((row) => row.components.flatMap((c) => ('options' in c ? c.options.map((o) => o.value) : 'custom_id' in c ? [c.custom_id] : [])));
const onTelegram = (controls: readonly Control[]) => telegramKeyboard(controls)?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : '')) ?? [];

describe('the new menus on Discord and Telegram', () => {
  it('GIVEN /start, /help, /sequencers, a sequencer, a bare /chart, and 20 or 60 sequencers THEN every button survives both platforms, in at most 5 Discord rows', () => {
    const context = sequencerChartContext(store);
    const view = context.snapshot().sequencers!;
    const many = (count: number) => ({ ...view, rows: Array.from({ length: count }, (_, i) => ({ ...view.rows[0]!, seqId: i + 1, name: `Operator${i + 1}` })) });
    const all = [
      ...['/start', '/help', '/sequencers', '/sequencers 2', '/chart'].map((line) => handleCommandText(line, context)!.controls!),
      sequencerPicker(english, many(20)),
      sequencerPicker(english, many(60)),
    ];
    for (const controls of all) {
      const count = controls.flatMap((c) => c.actions).length;
      expect(count).toBeGreaterThan(0);
      expect(discordComponents(controls).length).toBeLessThanOrEqual(5);
      expect(new Set(onDiscord(controls)).size).toBe(count);
      expect(new Set(onTelegram(controls)).size).toBe(count);
    }
  });
});
