import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import { createCommandGate } from '../../commands/commandGate.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createDiscordBot, type DiscordBot } from '../../src/platforms/discordBot.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegramBot.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord, type Json } from '../fakes/fakeDiscord.ts';
import { startResetProxy, type ResetProxy } from './resetProxy.ts';

const TELEGRAM_TOKEN = '7000001:SECRET-telegram-token-abc';
const CHAT = 777;

/** Parsed log lines, and the raw text to look for leaked secrets in. */
function captureLogs(secrets: string[]) {
  const raw: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => raw.push(line), secrets });
  return { logger, raw, lines: () => raw.map((l) => JSON.parse(l) as Json) };
}

describe('Telegram: a failed reply is logged and the next command is answered', () => {
  let fake: FakeBotApi;
  let bot: TelegramBot;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    fake = await startFakeBotApi({ token: TELEGRAM_TOKEN });
    logs = captureLogs([TELEGRAM_TOKEN]);
    // The limit is not under test here: these tests send more than 20 commands from one chat. Nor are the
    // reply retries (telegramFailures.test.ts): each fault here is the one the reply ends with.
    bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, commands, context, logger: logs.logger, gate: createCommandGate({ rateLimitPerMinute: 0 }), replyRetryAttempts: 0 });
    await bot.start();
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  const cases = [
    { name: '429 Too Many Requests', fault: { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 }, log: { msg: 'Bot API refused a call', code: 429, method: 'sendMessage' } },
    { name: '502 Bad Gateway', fault: { status: 502, description: 'Bad Gateway' }, log: { msg: 'Bot API refused a call', code: 502 } },
    { name: '403 blocked by the user', fault: { status: 403, description: 'Forbidden: bot was blocked by the user' }, log: { msg: 'Bot API refused a call', code: 403, description: 'Forbidden: bot was blocked by the user' } },
    { name: 'connection reset', fault: { kind: 'reset' as const }, log: { msg: 'Bot API unreachable' } },
  ];

  for (const { name, fault, log } of cases) {
    it(`GIVEN ${name} on the reply THEN the failure is logged, the user is told with its reference, and the next command gets its answer`, async () => {
      const before = logs.raw.length;
      fake.failNext('sendMessage', fault);
      fake.sendUserMessage({ chatId: CHAT, text: '/apy' });
      const failed = await fake.waitForCall((c) => c.method === 'sendMessage' && c.status !== 200);
      expect(failed.status).toBe('kind' in fault ? 0 : fault.status);
      const apology = await fake.nextMessageTo(CHAT);
      const ref = /reference (\w+)\.$/.exec(apology.plain)?.[1];
      expect(apology.plain).toMatch(/^Something went wrong answering that; it has been logged with the reference [0-9a-f]{8}\.$/);
      fake.sendUserMessage({ chatId: CHAT, text: '/status' });
      const next = await fake.nextMessageTo(CHAT);
      expect(next.plain).toContain('Status');
      // Updates are handled in order, so the failure was logged before the next answer went out.
      expect(logs.lines().slice(before)).toContainEqual(expect.objectContaining({ ...log, chat: CHAT, ref }));
    });
  }

  it('THEN no log line carries the bot token', () => {
    expect(logs.raw.join('')).not.toContain(TELEGRAM_TOKEN);
    expect(logs.raw.join('')).not.toContain('SECRET-telegram-token-abc');
  });
});

describe('Discord: a failed reply is logged and the next command is answered', () => {
  let fake: FakeDiscord;
  let proxy: ResetProxy;
  let bot: DiscordBot;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    proxy = await startResetProxy(fake.apiRoot);
    logs = captureLogs([fake.token]);
    bot = createDiscordBot({
      token: fake.token,
      applicationId: fake.applicationId,
      restApi: `${proxy.url}/api`,
      commands,
      context,
      logger: logs.logger,
      gate: createCommandGate({ rateLimitPerMinute: 0 }),
    });
    await bot.start();
  });

  afterEach(async () => {
    await bot?.stop();
    await proxy?.close();
    await fake?.close();
  });

  const callback = (interaction: { id: string; token: string }) => `POST /interactions/${interaction.id}/${interaction.token}/callback`;
  const answered = (interaction: { id: string }) =>
    fake.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`) && c.status === 204);

  /** The next command after a fault: answered with its own reply. */
  async function nextIsAnswered() {
    const next = fake.dispatchInteraction({ name: 'status' });
    const call = await answered(next);
    expect(JSON.stringify(call.body)).toContain('Status');
  }

  it('GIVEN 429 on the reply THEN discord.js waits the Retry-After and the answer arrives', async () => {
    const interaction = fake.dispatchInteraction({ name: 'apy' });
    fake.failNext(callback(interaction), { status: 429, retryAfter: 0.05 });
    await answered(interaction);
    expect(fake.responsesTo(interaction).map((c) => c.status)).toEqual([429, 204]);
    await nextIsAnswered();
  });

  it('GIVEN 5xx on every attempt THEN it is logged, the user is told, and the next command is answered', async () => {
    const interaction = fake.dispatchInteraction({ name: 'apy' });
    fake.failNext(callback(interaction), { status: 503, times: 4 });
    const last = await answered(interaction);
    expect(JSON.stringify(last.body)).toContain('Something went wrong');
    expect(logs.lines()).toContainEqual(expect.objectContaining({ msg: 'Discord refused a call', status: 503, command: 'apy' }));
    // The interaction token is in the failed request's URL: a secret for 15 minutes.
    expect(logs.raw.join('')).not.toContain(interaction.token);
    await nextIsAnswered();
  });

  it('GIVEN 403 Missing Permissions THEN it is logged and the next command is answered', async () => {
    const interaction = fake.dispatchInteraction({ name: 'apy' });
    fake.failNext(callback(interaction), { status: 403, code: 50013, message: 'Missing Permissions' });
    await answered(interaction);
    expect(logs.lines()).toContainEqual(expect.objectContaining({ msg: 'Discord refused a call', status: 403, code: 50013 }));
    await nextIsAnswered();
  });

  it('GIVEN the connection reset on every attempt THEN it is logged and the next command is answered', async () => {
    const interaction = fake.dispatchInteraction({ name: 'apy' });
    proxy.resetNext(new RegExp(`^POST /api/v10/interactions/${interaction.id}/`), 4);
    const last = await answered(interaction);
    expect(proxy.resets()).toBe(4);
    expect(JSON.stringify(last.body)).toContain('Something went wrong');
    expect(logs.lines()).toContainEqual(expect.objectContaining({ msg: 'command handler failed', command: 'apy' }));
    expect(logs.raw.join('')).not.toContain(interaction.token);
    await nextIsAnswered();
    expect(logs.raw.join('')).not.toContain(fake.token);
  });
});
