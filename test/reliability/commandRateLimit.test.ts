import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { configSchema } from '../../src/config/configSchema.ts';
import { fakePlatformEnv } from '../helpers/fakePlatformEnv.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

/** Three commands a minute per user, on every platform, through the one gate of the app. */
describe('the per-user command rate limit, end to end', () => {
  let telegram: FakeBotApi;
  let discord: FakeDiscord;
  let app: App;
  let wall = 1_750_000_000_000;

  beforeAll(async () => {
    [telegram, discord] = await Promise.all([startFakeBotApi(), startFakeDiscord()]);
    const base = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const config = configSchema.parse({ ...base, commands: { rateLimitPerMinute: 3 } });
    const env = fakePlatformEnv({ telegram, discord });
    // No poll cycle: commands answer from the (empty) snapshot, which is all the limit needs.
    app = await createApp({ config, env, logger: silentLogger, now: () => wall });
  });

  afterAll(async () => {
    await app?.stop();
    await Promise.all([telegram?.close(), discord?.close()]);
  });

  it('GIVEN a Telegram user over the limit THEN one polite reply, then silence, then answers again a minute later', async () => {
    const alice = 1001;
    for (let i = 0; i < 3; i++) {
      telegram.sendUserMessage({ chatId: alice, text: '/status' });
      expect((await telegram.nextMessageTo(alice)).plain).toContain('Status');
    }
    telegram.sendUserMessage({ chatId: alice, text: '/status' });
    expect((await telegram.nextMessageTo(alice)).plain).toBe('You are sending commands faster than I answer them (at most 3 a minute). Please try again in 1m.');
    telegram.sendUserMessage({ chatId: alice, text: '/status' }); // refused again: no second notice
    // Another user in the same minute is answered.
    telegram.sendUserMessage({ chatId: 1002, text: '/help' });
    await telegram.nextMessageTo(1002);
    wall += 60_000;
    telegram.sendUserMessage({ chatId: alice, text: '/status' });
    // Updates are handled in order: had the silent refusal sent anything, it would be the next message.
    expect((await telegram.nextMessageTo(alice)).plain).toContain('Status');
    // Text that is not a command does not count.
    for (let i = 0; i < 5; i++) telegram.sendUserMessage({ chatId: alice, text: 'hello' });
    telegram.sendUserMessage({ chatId: alice, text: '/status' });
    expect((await telegram.nextMessageTo(alice)).plain).toContain('Status');
  });

  it('GIVEN a Discord user over the limit THEN every refused interaction gets the polite reply, only they see it', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const interaction = discord.dispatchInteraction({ name: 'status', userId: '600000000000000001' });
      const call = await discord.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
      const data = (call.body as { data: { flags?: number } }).data;
      answers.push(data.flags === 64 ? `ephemeral: ${JSON.stringify(data)}` : 'answer');
    }
    expect(answers.slice(0, 3)).toEqual(['answer', 'answer', 'answer']);
    expect(answers[3]).toContain('ephemeral');
    expect(answers[3]).toContain('at most 3 a minute');
    expect(answers[4]).toContain('at most 3 a minute');
  });

  it('THEN the metrics count the commands and the refusals per platform', async () => {
    const { body } = await app.metrics.render();
    expect(body).toContain('metis_bot_commands_total{command="status",platform="telegram",outcome="limited"} 2');
    expect(body).toContain('metis_bot_commands_total{command="status",platform="discord",outcome="answer"} 3');
    expect(body).toContain('metis_bot_commands_total{command="status",platform="discord",outcome="limited"} 2');
    expect(body).toMatch(/metis_bot_command_duration_seconds_count\{command="status",platform="telegram"\} 5/);
  });
});
