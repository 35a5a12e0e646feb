import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCommandGate, type CommandGate } from '../../commands/commandGate.ts';
import { createApp } from '../../src/app.ts';
import { configSchema } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { commands } from '../../commands/registry.ts';
import { createLogger } from '../../src/log/logger.ts';
import { startOpsServer, type OpsServer } from '../../src/ops/opsServer.ts';
import { PlatformStatus } from '../../src/ops/platformStatus.ts';
import { createPlatformSupervisor } from '../../src/platforms/platformSupervisor.ts';
import { createTelegramBot, describeTelegramError, isTelegramRejection, type TelegramBot, type TelegramOptions } from '../../src/platforms/telegramBot.ts';
import { TelegramStartError } from '../../src/platforms/telegramStartError.ts';
import { TelegramWebhookError } from '../../src/platforms/telegramWebhookRegistration.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import type { Json } from '../fakes/botApi/types.ts';
import { installFakeWebhook, messageUpdate, type FakeWebhook } from '../fakes/fakeWebhook.ts';
import { fakePlatformEnv } from '../helpers/fakePlatformEnv.ts';
import { createManualTimers } from '../helpers/manualTimers.ts';

const SECRET = 'wh-secret_0123456789abcdefABCDEF';
const PATH = '/telegram/updates';
const CHAT = 4242;
const HELP = /\/apy/;

/** A promise the test releases by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * A webhook-mode bot (real grammY) against the fake Bot API, its endpoint on a real ops server, and a command
 * gate that can be held shut: a held command has been taken but not answered.
 */
async function setup(webhook: Partial<NonNullable<TelegramOptions['webhook']>> = {}) {
  const fake: FakeBotApi = await startFakeBotApi({ recordGetUpdates: true });
  const telegram: FakeWebhook = installFakeWebhook(fake);
  const logs: Json[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Json) });
  let bot: TelegramBot | undefined;
  // The route is looked up per request: the bot needs the server's port for its URL first.
  const ops: OpsServer = await startOpsServer({
    host: '127.0.0.1',
    port: 0,
    health: () => ({ status: 'ok' }) as never,
    metrics: async () => ({ contentType: 'text/plain', body: '' }),
    logger,
    routes: [{ path: PATH, handle: (req, res) => bot!.webhook!.handle(req, res) }],
  });
  const real = createCommandGate({ rateLimitPerMinute: 0 });
  let held: Promise<void> = Promise.resolve();
  const commandsTaken = { count: 0 };
  const heldGate: CommandGate = {
    rateLimitPerMinute: 0,
    serve: (async (request, answer, prepare) => {
      commandsTaken.count++;
      await held;
      return real.serve(request, answer, prepare);
    }) as CommandGate['serve'],
  };
  const options: TelegramOptions = {
    token: fake.token,
    apiRoot: fake.apiRoot,
    commands,
    context,
    logger,
    gate: heldGate,
    webhook: {
      url: `${ops.url}${PATH}`,
      path: PATH,
      secret: SECRET,
      allowedUpdates: ['message', 'channel_post', 'callback_query'],
      dropPendingUpdates: false,
      maxConnections: 40,
      concurrency: 16,
      maxQueued: 1000,
      ...webhook,
    },
  };
  bot = createTelegramBot(options);
  return {
    fake,
    telegram,
    ops,
    logs,
    logger,
    options,
    commandsTaken,
    get bot() {
      return bot!;
    },
    /** Holds every command at the gate until the returned function is called. */
    hold(): () => void {
      const g = gate();
      held = g.promise;
      return g.open;
    },
    post(body: string | object, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) {
      return fetch(`${ops.url}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    },
    async close() {
      await bot?.stop();
      await ops.close();
      await fake.close();
    },
  };
}

describe('Telegram webhook mode', () => {
  let t: Awaited<ReturnType<typeof setup>>;

  beforeAll(async () => {
    t = await setup({ dropPendingUpdates: true, maxConnections: 7, allowedUpdates: ['message', 'callback_query'] });
    await t.bot.start();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('GIVEN the start THEN setWebhook carries the URL, secret, allowed updates, drop flag and connections, and nothing polls', () => {
    const calls = t.fake.calls.map((c) => c.method);
    expect(calls).toEqual(['getMe', 'setMyCommands', 'setMyCommands', 'setWebhook']);
    // The command menu in English for everyone, and in Chinese for Chinese clients.
    expect(t.fake.calls[2]!.payload).toMatchObject({ language_code: 'zh', commands: expect.arrayContaining([{ command: 'help', description: '这个机器人能做什么' }]) });
    expect(t.fake.calls[3]!.payload).toEqual({
      url: `${t.ops.url}${PATH}`,
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
      drop_pending_updates: true,
      max_connections: 7,
    });
    expect(t.telegram.state).toEqual({ url: `${t.ops.url}${PATH}`, secretToken: SECRET, allowedUpdates: ['message', 'callback_query'], maxConnections: 7 });
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'info', msg: 'Telegram webhook registered', url: `${t.ops.url}${PATH}` }));
    expect(JSON.stringify(t.logs)).not.toContain(SECRET);
  });

  it('GIVEN an update Telegram delivers with the secret THEN 200, and the answer goes out through the Bot API', async () => {
    expect(await t.telegram.deliver(messageUpdate(1, CHAT, '/help'))).toBe(200);
    const reply = await t.fake.nextMessageTo(CHAT);
    expect(reply.method).toBe('sendMessage');
    expect(reply.plain).toMatch(HELP);
  });

  it('GIVEN a reply the Bot API refuses THEN the one failure reply with its reference, logged, as when polling', async () => {
    t.fake.failNext('sendMessage', { status: 400, description: 'Bad Request: message is too long' });
    expect(await t.telegram.deliver(messageUpdate(9, CHAT, '/help'))).toBe(200);
    const failure = (await t.fake.nextMessageTo(CHAT)).plain;
    const ref = /reference ([0-9a-f]{8})\.$/.exec(failure)?.[1];
    expect(failure).toMatch(/^Something went wrong answering that; it has been logged with the reference [0-9a-f]{8}\.$/);
    expect(t.logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'Bot API refused a call', ref, code: 400 }));
  });

  it('GIVEN a forged or missing secret THEN 401 and the update is not handled', async () => {
    const before = t.fake.messagesTo(CHAT).length;
    const taken = t.commandsTaken.count;
    expect(await t.telegram.deliver(messageUpdate(2, CHAT, '/status'), 'forged-secret')).toBe(401);
    expect(await t.telegram.deliver(messageUpdate(3, CHAT, '/status'), `${SECRET}x`)).toBe(401);
    expect(await t.post(messageUpdate(4, CHAT, '/status'), {})).toBe(401);
    expect(t.commandsTaken.count).toBe(taken);
    // Updates are answered in the order they are handled: a refused one, had it been handled, would come first.
    expect(await t.telegram.deliver(messageUpdate(5, CHAT, '/help'))).toBe(200);
    expect((await t.fake.nextMessageTo(CHAT)).plain).toMatch(HELP);
    expect(t.fake.messagesTo(CHAT)).toHaveLength(before + 1);
    expect(t.commandsTaken.count).toBe(taken + 1);
  });

  it('GIVEN a body that is not an update THEN 400; one over 1 MiB THEN 413; another method THEN 405; none handled', async () => {
    const taken = t.commandsTaken.count;
    for (const body of ['not json', '[]', '{"update_id":"7","message":{}}', '{"update_id":7}', '{"update_id":-1,"message":{}}', '{"update_id":7,"message":"hi"}', '{"update_id":7,"message":{},"edited_message":{}}']) {
      expect([body, await t.post(body)]).toEqual([body, 400]);
    }
    const huge = JSON.stringify({ ...messageUpdate(8, CHAT, '/help'), padding: 'x'.repeat(1 << 20) });
    expect(await t.post(huge)).toBe(413);
    const get = await fetch(`${t.ops.url}${PATH}`, { headers: { 'x-telegram-bot-api-secret-token': SECRET } });
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(t.commandsTaken.count).toBe(taken);
    // The ops endpoint answers as before beside the route.
    expect((await fetch(`${t.ops.url}/healthz`)).status).toBe(200);
  });

  it('GIVEN a flood of 500 updates at once THEN every one is answered 200 before any is handled, then each is handled once', async () => {
    const release = t.hold();
    const taken = t.commandsTaken.count;
    const chats = Array.from({ length: 500 }, (_, i) => 100_000 + i);
    const statuses = await Promise.all(chats.map((chat, i) => t.telegram.deliver(messageUpdate(1_000 + i, chat, '/help'))));
    // Every HTTP answer is in while the commands are still held at the gate: none has been answered yet.
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(chats.filter((chat) => t.fake.messagesTo(chat).length > 0)).toEqual([]);
    expect(t.commandsTaken.count - taken).toBe(16); // the concurrency; the other 484 wait in the queue
    release();
    await Promise.all(chats.map((chat) => t.fake.nextMessageTo(chat, 30_000)));
    await t.bot.stop(); // waits until the queue is empty: nothing more can be sent after this
    expect(chats.map((chat) => t.fake.messagesTo(chat).length)).toEqual(chats.map(() => 1));
    expect(t.commandsTaken.count - taken).toBe(500);
  });

  it('GIVEN the bot stopped THEN the endpoint answers 503 (Telegram keeps the update), and a start opens it again', async () => {
    expect(await t.post(messageUpdate(2_000, CHAT, '/help'))).toBe(503);
    await t.bot.start();
    expect(await t.post(messageUpdate(2_001, CHAT, '/help'))).toBe(200);
    expect((await t.fake.nextMessageTo(CHAT)).plain).toMatch(HELP);
  });

  it('GIVEN telegram.mode switched back to polling THEN the start says a webhook was set, grammY deletes it once, and updates come by polling', async () => {
    await t.bot.stop();
    const since = t.fake.calls.length;
    const polling = createTelegramBot({ ...t.options, webhook: undefined } as TelegramOptions);
    try {
      await polling.start();
      const methods = t.fake.calls.slice(since).map((c) => c.method);
      expect(methods.filter((m) => m !== 'getUpdates')).toEqual(['getMe', 'setMyCommands', 'setMyCommands', 'getWebhookInfo', 'deleteWebhook']);
      expect(t.telegram.state.url).toBe('');
      expect(t.logs).toContainEqual(
        expect.objectContaining({ level: 'info', msg: 'Telegram has a webhook set: removing it (deleteWebhook) to poll, as telegram.mode is polling', url: `${t.ops.url}${PATH}` }),
      );
      t.fake.sendUserMessage({ chatId: CHAT, text: '/help' });
      expect((await t.fake.nextMessageTo(CHAT)).plain).toMatch(HELP);
    } finally {
      await polling.stop();
    }
  });
});

describe('Telegram webhook mode: limits and refusals', () => {
  let t: Awaited<ReturnType<typeof setup>> | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('GIVEN a flood past the queue THEN the updates that fit are taken (200), the rest refused with 503 and one warning, and only those taken are handled', async () => {
    t = await setup({ concurrency: 2, maxQueued: 3 });
    await t.bot.start();
    const release = t.hold();
    const chats = Array.from({ length: 10 }, (_, i) => 200_000 + i);
    const statuses: number[] = [];
    // One after another, so which ones fit is known: the first 2 run, the next 3 wait.
    for (const [i, chat] of chats.entries()) statuses.push(await t.post(messageUpdate(i + 1, chat, '/help')));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503, 503, 503, 503]);
    expect(t.logs.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'Telegram updates arrive faster than they are handled: refusing them for now (503); Telegram delivers them again later',
    ]);
    release();
    await t.bot.stop();
    expect(chats.map((chat) => t!.fake.messagesTo(chat).length)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('GIVEN setWebhook refused THEN a TelegramWebhookError that is retried with backoff, not a rejected token; a 401 is a rejected token', async () => {
    t = await setup();
    t.fake.failNext('setWebhook', { status: 400, description: 'Bad Request: bad webhook: Failed to resolve host: Name or service not known' });
    const timers = createManualTimers();
    const status = new PlatformStatus('telegram', () => 1_000_000, (text) => text);
    const bot = t.bot;
    const supervisor = createPlatformSupervisor({
      status,
      label: 'Telegram',
      logger: t.logger,
      timers: timers.timers,
      random: () => 0,
      now: () => 1_000_000,
      connect: (signal) => bot.start(signal),
      disconnect: () => bot.stop(),
      isRejected: isTelegramRejection,
      describe: describeTelegramError,
      rejectedHint: 'set a new TELEGRAM_BOT_TOKEN',
    });
    await supervisor.start();
    expect(status.report()).toMatchObject({ state: 'down', lastError: 'Telegram refused the webhook (setWebhook): 400 Bad Request: bad webhook: Failed to resolve host: Name or service not known' });
    expect(await t.post(messageUpdate(1, CHAT, '/help'))).toBe(503);
    expect(timers.pending()).toEqual([1_000]);
    const up = new Promise<void>((resolve) => status.onChange((state) => state === 'up' && resolve()));
    timers.fireNext();
    await up;
    expect(t.fake.calls.filter((c) => c.method === 'setWebhook').map((c) => c.status)).toEqual([400, 200]);
    expect(await t.post(messageUpdate(2, CHAT, '/help'))).toBe(200);
    expect((await t.fake.nextMessageTo(CHAT)).plain).toMatch(HELP);
    await supervisor.stop();

    t.fake.failNext('setWebhook', { status: 401, description: 'Unauthorized' });
    const refused = await t.bot.start().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TelegramStartError);
    expect(describeTelegramError(refused)).toBe('Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token @BotFather gave you.');
    expect(isTelegramRejection(refused)).toBe(true);
    expect(isTelegramRejection(new TelegramWebhookError(400, 'Bad Request: bad webhook'))).toBe(false);
  });
});

describe('the app in webhook mode', () => {
  it('GIVEN telegram.mode webhook in the config THEN the app registers the public URL and serves the path on its HTTP endpoint', async () => {
    const fake = await startFakeBotApi({ recordGetUpdates: true });
    installFakeWebhook(fake);
    const logs: Json[] = [];
    const base = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const config = configSchema.parse({ ...base, http: { port: 0 }, telegram: { mode: 'webhook', webhook: { url: 'https://bot.example.test/tg/updates', dropPendingUpdates: true } } });
    // No poll cycle: /status answers from the empty snapshot.
    const app = await createApp({
      config,
      env: fakePlatformEnv({ telegram: fake }, { TELEGRAM_WEBHOOK_SECRET: SECRET }),
      logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Json) }),
    });
    try {
      expect(fake.calls.filter((c) => c.method === 'setWebhook').map((c) => c.payload)).toEqual([
        { url: 'https://bot.example.test/tg/updates', secret_token: SECRET, allowed_updates: ['message', 'channel_post', 'callback_query'], drop_pending_updates: true, max_connections: 40 },
      ]);
      expect(fake.calls.some((c) => c.method === 'getUpdates' || c.method === 'deleteWebhook')).toBe(false);
      expect(app.platforms.telegram?.state).toBe('up');
      // The TLS proxy in front passes the public URL's path through to the HTTP endpoint.
      const post = (secret: string) =>
        fetch(`${app.ops!.url}/tg/updates`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(messageUpdate(1, CHAT, '/status')) }).then((r) => r.status);
      expect(await post('forged')).toBe(401);
      expect(await post(SECRET)).toBe(200);
      expect((await fake.nextMessageTo(CHAT)).plain).toContain('Status');
      expect(fake.messagesTo(CHAT)).toHaveLength(1);
      expect(logs).toContainEqual(expect.objectContaining({ msg: 'ops endpoint listening', paths: ['/healthz', '/metrics', '/tg/updates'] }));
      expect(JSON.stringify(logs)).not.toContain(SECRET);
    } finally {
      await app.stop();
      await fake.close();
    }
  });

  it('GIVEN webhook mode without TELEGRAM_WEBHOOK_SECRET in a config built past the loader THEN the app refuses to start, it does not poll instead', async () => {
    const fake = await startFakeBotApi();
    const base = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const config = configSchema.parse({ ...base, http: { port: 0 }, telegram: { mode: 'webhook', webhook: { url: 'https://bot.example.test/tg/updates' } } });
    try {
      await expect(createApp({ config, env: fakePlatformEnv({ telegram: fake }), logger: createLogger({ level: 'silent' }) })).rejects.toThrow('telegram.mode is webhook but TELEGRAM_WEBHOOK_SECRET is not set');
      expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);
    } finally {
      await fake.close();
    }
  });
});
