import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegramBot.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { decodePng, type DecodedPng } from '../charts/decodePng.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';

/** Pixels of exactly this colour (the stack is filled opaque, so its inside is the colour itself). */
function pixelsOf(image: DecodedPng, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    if (image.pixels[i] === r && image.pixels[i + 1] === g && image.pixels[i + 2] === b && image.pixels[i + 3] === 255) count++;
  }
  return count;
}

describe('Telegram: /chart sequencers is a photo of the stacked base', () => {
  let store: HistoryStore;
  let fake: FakeBotApi;
  let bot: TelegramBot;

  beforeAll(async () => {
    store = storeWithHourlyReads();
    fake = await startFakeBotApi();
    bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, commands, context: sequencerChartContext(store), logger: silentLogger });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    store?.close();
  });

  it('GIVEN /chart sequencers THEN the PNG shows each operator’s layer in its colour, in proportion to what it locked', async () => {
    fake.sendUserMessage({ chatId: 41, text: '/chart sequencers' });
    const sent = await fake.nextMessageTo(41);
    expect(sent.method).toBe('sendPhoto');
    expect(sent.plain).toContain('METIS locked by operator — last 7 d');
    expect(sent.plain).toContain('By operator at the last read: Artemis 35.0%, 0x4444…4444 34.0%, ENKI 31.0%.');
    const image = decodePng(sent.photo as Buffer);
    expect([image.width, image.height]).toEqual([1000, 540]);
    // The layers' colours, bottom first (the chart's palette): Artemis, the unlabelled sequencer, ENKI.
    const [artemis, unlabelled, enki] = ['#0f9d8f', '#2563eb', '#d97706'].map((hex) => pixelsOf(image, hex));
    // Not blank: the three layers fill most of a plot of about 700 × 365 px.
    expect(artemis! + unlabelled! + enki!).toBeGreaterThan(150_000);
    // Areas over the week: 340k and 310k all week; Artemis 250k for 2 days, then 350k (its mean 321k).
    expect(enki! / unlabelled!).toBeCloseTo(310 / 340, 2);
    expect(artemis! / unlabelled!).toBeCloseTo((2 * 250 + 5 * 350) / 7 / 340, 1);
  });

  it('GIVEN /chart gama THEN the usage reply suggests Gamma', async () => {
    fake.sendUserMessage({ chatId: 42, text: '/chart gama' });
    const sent = await fake.nextMessageTo(42);
    expect(sent.method).toBe('sendMessage');
    expect(sent.plain).toMatch(/^Unknown asset "gama"\. Did you mean Gamma\? Known: .*sequencers, Alpha, Beta, Gamma/);
  });
});
