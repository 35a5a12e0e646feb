import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';
import type { FakeBotApi } from '../fakes/fakeBotApi.ts';
import type { FakeDiscord } from '../fakes/fakeDiscord.ts';

/** Every figure in a text, in order: percents, percentage points, bps, ratios, amounts. */
const figures = (text: string) => text.match(/[+−±]?\d+(?:\.\d+)?(?:%| pp| bps|×|[kMB]\b)/g) ?? [];

describe('one answer everywhere', () => {
  let bot: DevnetApp;
  let devnet: Devnet;
  let telegram: FakeBotApi;
  let discord: FakeDiscord;
  let app: App;
  const now = 1_760_000_000_000;

  beforeAll(async () => {
    bot = await startDevnetApp({ devnet: { scenario: { maxL2BlocksPerAdvance: 2_100 } }, platforms: ['telegram', 'discord'], now: () => now });
    ({ devnet, telegram, discord, app } = bot);
    for (let day = 0; day < 8; day++) {
      await devnet.scenario.advance(86_400);
      await app.poller.runCycle();
    }
  });

  afterAll(() => bot?.stop());

  it('GIVEN the same devnet state THEN /apy on the console, Telegram and Discord carries the same figures', async () => {
    const output = new PassThrough();
    let consoleText = '';
    output.on('data', (chunk: Buffer) => (consoleText += chunk.toString()));
    await runConsoleChat({ input: Readable.from(['/apy\n']), output, context: app.context, logger: silentLogger });

    telegram.sendUserMessage({ chatId: 7, text: '/apy' });
    const telegramText = (await telegram.nextMessageTo(7)).plain;

    const interaction = discord.dispatchInteraction({ name: 'apy' });
    const callback = await discord.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
    const embeds = ((callback.body as { data: { embeds: { title?: string; description?: string; footer?: { text: string } }[] } }).data.embeds);
    const discordText = embeds.map((e) => [e.title, e.description, e.footer?.text].join('\n')).join('\n');

    const expected = figures(consoleText);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected).toContain('17.08%');
    expect(figures(telegramText)).toEqual(expected);
    expect(figures(discordText)).toEqual(expected);
  });
});
