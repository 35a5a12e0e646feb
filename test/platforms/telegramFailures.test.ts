import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { createCommandGate } from '../../commands/commandGate.ts';
import { commands } from '../../commands/registry.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegramBot.ts';
import { REPLY_RETRY_ATTEMPTS } from '../../src/platforms/telegramReplyRetry.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import type { Json } from '../fakes/fakeDiscord.ts';

const CHAT = 4242;
const APOLOGY = /^Something went wrong answering that; it has been logged with the reference ([0-9a-f]{8})\.$/;

describe('Telegram: an unexpected failure and a rate-limited reply', () => {
  let fake: FakeBotApi;
  let bot: TelegramBot;
  let logs: Json[] = [];
  /** /apy and /status read the snapshot: while set, reading it throws, so the command fails unexpectedly. */
  let failing = false;
  const failingContext: CommandContext = {
    ...context,
    snapshot: () => {
      if (failing) throw new Error('kaput: /var/lib/bot/history.db is locked');
      return context.snapshot();
    },
  };

  beforeAll(async () => {
    fake = await startFakeBotApi();
    bot = createTelegramBot({
      token: fake.token,
      apiRoot: fake.apiRoot,
      commands,
      context: failingContext,
      logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Json) }),
      gate: createCommandGate({ rateLimitPerMinute: 0 }),
    });
    await bot.start();
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  beforeEach(() => {
    logs = [];
    failing = false;
  });

  it('GIVEN a command that throws THEN the user gets the failure reply with a reference, never the error, and the log line carries that reference', async () => {
    failing = true;
    fake.sendUserMessage({ chatId: CHAT, text: '/apy' });
    const apology = await fake.nextMessageTo(CHAT);
    const ref = APOLOGY.exec(apology.plain)?.[1];
    expect(ref).toBeDefined();
    expect(apology.plain).not.toContain('kaput');
    expect(apology.plain).not.toContain('/var/lib');
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'command handler failed', chat: CHAT, ref, error: expect.objectContaining({ message: 'kaput: /var/lib/bot/history.db is locked' }) }));

    failing = false;
    fake.sendUserMessage({ chatId: CHAT, text: '/apy' });
    expect((await fake.nextMessageTo(CHAT)).plain).toContain('Metis yields');
  });

  it('GIVEN two failures THEN each has its own reference', async () => {
    failing = true;
    fake.sendUserMessage({ chatId: CHAT, text: '/apy' });
    fake.sendUserMessage({ chatId: CHAT, text: '/apy' });
    const refs = [APOLOGY.exec((await fake.nextMessageTo(CHAT)).plain)?.[1], APOLOGY.exec((await fake.nextMessageTo(CHAT)).plain)?.[1]];
    expect(refs[0]).toBeDefined();
    expect(refs[1]).toBeDefined();
    expect(refs[0]).not.toBe(refs[1]);
    expect(logs.filter((l) => l.msg === 'command handler failed').map((l) => l.ref)).toEqual(refs);
  });

  it('GIVEN a 429 with retry_after on the reply THEN it is sent again after the wait and delivered once, with nothing logged', async () => {
    const since = fake.calls.length;
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1, chatId: CHAT });
    fake.sendUserMessage({ chatId: CHAT, text: '/status' });
    const answer = await fake.nextMessageTo(CHAT);
    expect(answer.plain).toContain('Status');
    const sends = fake.calls.slice(since).filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(fake.messagesTo(CHAT).filter((m) => m.message_id === answer.message_id)).toHaveLength(1);
    expect(logs.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });

  it('GIVEN 429 on every attempt THEN the retries stop, the refusal is logged with a reference and the user gets the failure reply', async () => {
    const since = fake.calls.length;
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 0', retryAfter: 0, times: REPLY_RETRY_ATTEMPTS + 1, chatId: CHAT });
    fake.sendUserMessage({ chatId: CHAT, text: '/status' });
    const apology = await fake.nextMessageTo(CHAT);
    const ref = APOLOGY.exec(apology.plain)?.[1];
    expect(ref).toBeDefined();
    const statuses = fake.calls.slice(since).filter((c) => c.method === 'sendMessage').map((c) => c.status);
    expect(statuses).toEqual([...Array<number>(REPLY_RETRY_ATTEMPTS + 1).fill(429), 200]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'Bot API refused a call', method: 'sendMessage', code: 429, chat: CHAT, ref }));
  });

  it('GIVEN a 429 on a retry_after longer than a reply may wait THEN it is not retried', async () => {
    const since = fake.calls.length;
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 60', retryAfter: 60, chatId: CHAT });
    fake.sendUserMessage({ chatId: CHAT, text: '/status' });
    expect((await fake.nextMessageTo(CHAT)).plain).toMatch(APOLOGY);
    expect(fake.calls.slice(since).filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual([429, 200]);
  });
});
