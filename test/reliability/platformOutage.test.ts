import { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/vocabulary/reply.ts';
import type { App } from '../../src/app.ts';
import { configSchema } from '../../src/config/configSchema.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { HealthReport } from '../../src/ops/health.ts';
import type { PlatformState } from '../../src/ops/platformStatus.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import { TelegramStartError } from '../../src/platforms/telegramStartError.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';
import { envFrom } from '../helpers/fakePlatformEnv.ts';
import { createManualTimers, type ManualTimers } from '../helpers/manualTimers.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';
import { startSwitchableProxy, type SwitchableProxy } from './switchableProxy.ts';

const TELEGRAM_TOKEN = '7000003:SECRET-outage-token-0123456789';
const CHAT = 5151;

type Line = Record<string, unknown>;

/** Log lines as objects, with a way to wait for one (no sleeping). */
function captureLogs(secrets: string[]) {
  const raw: string[] = [];
  const events = new EventEmitter();
  const logger = createLogger({
    level: 'debug',
    secrets,
    write: (line) => {
      raw.push(line);
      events.emit('line', JSON.parse(line) as Line);
    },
  });
  const lines = () => raw.map((l) => JSON.parse(l) as Line);
  const waitFor = (predicate: (line: Line) => boolean) =>
    new Promise<Line>((resolve) => {
      const found = lines().find(predicate);
      if (found) return resolve(found);
      const listener = (line: Line) => {
        if (!predicate(line)) return;
        events.off('line', listener);
        resolve(line);
      };
      events.on('line', listener);
    });
  return { logger, raw, lines, waitFor };
}

/** Resolves when the platform reaches `state` (at once if it is there). */
function platformState(app: App, platform: 'telegram' | 'discord', state: PlatformState): Promise<void> {
  const status = app.platforms[platform];
  if (!status) throw new Error(`${platform} is not configured`);
  if (status.state === state) return Promise.resolve();
  return new Promise((resolve) => status.onChange((now) => now === state && resolve()));
}

async function healthz(app: App): Promise<{ status: number; body: HealthReport; text: string }> {
  const response = await fetch(`${app.ops!.url}/healthz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as HealthReport, text };
}

const metricsText = async (app: App) => (await fetch(`${app.ops!.url}/metrics`)).text();

async function askConsole(app: App, text: string): Promise<string> {
  const output = new PassThrough();
  let out = '';
  output.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await runConsoleChat({ input: Readable.from([`${text}\n`]), output, context: app.context, logger: createLogger({ level: 'silent' }), gate: app.gate });
  return out;
}

async function askDiscord(discord: FakeDiscord, name: string): Promise<string> {
  const interaction = discord.dispatchInteraction({ name });
  const call = await discord.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
  return JSON.stringify(call.body);
}

const alertReply: Reply = { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['Held while Telegram was away'] }] };

describe('a chat platform that is away does not stop the bot', () => {
  let devnetApp: DevnetApp;
  let telegram: FakeBotApi;
  let discord: FakeDiscord;
  let proxy: SwitchableProxy;
  let timers: ManualTimers;
  let logs: ReturnType<typeof captureLogs>;
  let app: App | undefined;

  beforeAll(async () => {
    devnetApp = await startDevnetApp({
      devnet: { scenario: { maxL2BlocksPerAdvance: 2_100 } },
      config: (loaded) => configSchema.parse({ ...loaded, http: { port: 0, host: '127.0.0.1' } }),
      startApp: false,
    });
  });

  afterAll(() => devnetApp?.stop());

  beforeEach(async () => {
    [telegram, discord] = await Promise.all([startFakeBotApi({ token: TELEGRAM_TOKEN, recordGetUpdates: true }), startFakeDiscord()]);
    timers = createManualTimers();
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await proxy?.close();
    await Promise.all([telegram.close(), discord.close()]);
  });

  const start = (vars: Record<string, string>) => {
    logs = captureLogs([TELEGRAM_TOKEN, discord.token]);
    return devnetApp.open({ env: envFrom(vars), logger: logs.logger, platformTimers: timers.timers, random: () => 0 });
  };

  it('GIVEN a Telegram API that refuses connections at start THEN the bot polls, answers on Discord and the console, /healthz says telegram is down; once the API is up Telegram connects, answers, and the held outbox message goes out', async () => {
    proxy = await startSwitchableProxy(telegram.apiRoot);
    app = await start({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: proxy.url,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_REST_API: discord.apiRoot,
    });

    // The start did not wait for Telegram: it said why, and retries in 1 s.
    expect(app.platforms.telegram?.state).toBe('down');
    expect(app.platforms.discord?.state).toBe('up');
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', platform: 'telegram', msg: expect.stringContaining('Telegram is unreachable'), error: expect.stringContaining('ECONNREFUSED'), failures: 1, retryInSeconds: 1 }),
    );
    expect(timers.pending()).toEqual([1_000]);

    await app.poller.runCycle();
    const down = await healthz(app);
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('degraded');
    expect(down.body.reason).toContain('telegram down');
    expect(down.body.lastCycle).toBeDefined();
    expect(down.body.platforms?.telegram).toMatchObject({ state: 'down', lastError: expect.stringContaining('ECONNREFUSED'), since: expect.any(String), retryAt: expect.any(String) });
    expect(down.body.platforms?.discord).toMatchObject({ state: 'up' });
    const metricsDown = await metricsText(app);
    expect(metricsDown).toContain('metis_bot_platform_up{platform="telegram"} 0');
    expect(metricsDown).toContain('metis_bot_platform_up{platform="discord"} 1');

    expect(await askDiscord(discord, 'status')).toContain('Status');
    expect(await askConsole(app, '/status')).toContain('STATUS');

    // An alert for a Telegram chat waits in the outbox, without using up its attempts.
    app.subscriptions.outbox.enqueue({ key: 'outage:1', platform: 'telegram', chatId: String(CHAT), reply: alertReply }, Date.now());
    app.subscriptions.worker.kick();
    await logs.waitFor((l) => l.msg === 'platform not available: its messages wait for it' && l.platform === 'telegram');
    expect(app.subscriptions.outbox.counts()).toMatchObject({ pending: 1, sent: 0, failed: 0 });
    expect(app.subscriptions.outbox.due(Number.MAX_SAFE_INTEGER - 1, 10)).toEqual([]);

    // The second attempt fails too: the next wait doubles.
    expect(timers.fireNext()).toBe(1_000);
    await logs.waitFor((l) => l.platform === 'telegram' && l.failures === 2);
    expect(timers.pending()).toEqual([2_000]);

    await proxy.up();
    const up = platformState(app, 'telegram', 'up');
    expect(timers.fireNext()).toBe(2_000);
    await up;
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'info', msg: 'Telegram connected', afterFailures: 2 }));

    expect((await telegram.nextMessageTo(CHAT)).plain).toContain('Held while Telegram was away');
    telegram.sendUserMessage({ chatId: CHAT, text: '/status' });
    expect((await telegram.nextMessageTo(CHAT)).plain).toContain('Status');
    const healthy = await healthz(app);
    expect(healthy.body.platforms?.telegram).toMatchObject({ state: 'up' });
    expect(healthy.body.reason ?? '').not.toContain('telegram');
    expect(await metricsText(app)).toContain('metis_bot_platform_up{platform="telegram"} 1');

    for (const text of [logs.raw.join(''), down.text, healthy.text]) {
      expect(text).not.toContain(TELEGRAM_TOKEN);
      expect(text).not.toContain(TELEGRAM_TOKEN.split(':')[1]);
    }
  });

  it('GIVEN Telegram answering 401 mid-run (token revoked) THEN Telegram stops for good and says why, while polling, Discord and the console go on', async () => {
    app = await start({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_REST_API: discord.apiRoot,
    });
    expect(app.platforms.telegram?.state).toBe('up');

    // Every call from now on is refused, as Telegram does for a revoked token.
    telegram.failNext('getUpdates', { status: 401, description: 'Unauthorized', times: 1_000 });
    telegram.failNext('sendMessage', { status: 401, description: 'Unauthorized', times: 1_000 });
    telegram.sendUserMessage({ chatId: CHAT, text: '/help' }); // ends the poll in flight; the next one is refused
    await platformState(app, 'telegram', 'stopped');
    const line = await logs.waitFor((l) => l.level === 'error' && l.platform === 'telegram');
    expect(line.msg).toContain('Telegram rejected the token: Telegram is stopped');
    expect(line.error).toContain('401 Unauthorized');
    const polls = telegram.calls.filter((c) => c.method === 'getUpdates').length;

    const before = app.poller.snapshot().lastCycle?.finishedAt ?? 0;
    await app.poller.runCycle();
    expect(app.poller.snapshot().lastCycle?.finishedAt).toBeGreaterThanOrEqual(before);
    expect(await askDiscord(discord, 'status')).toContain('Status');
    expect(await askConsole(app, '/status')).toContain('STATUS');

    const health = await healthz(app);
    expect(health.body.status).toBe('degraded');
    expect(health.body.reason).toContain('telegram stopped: 401 Unauthorized');
    expect(health.body.platforms?.telegram).toMatchObject({ state: 'stopped', lastError: expect.stringContaining('401 Unauthorized') });
    expect(health.body.platforms).not.toHaveProperty('telegram.retryAt');
    expect(await metricsText(app)).toContain('metis_bot_platform_up{platform="telegram"} 0');

    // A stopped platform's messages are kept, not failed; nothing more is asked of Telegram.
    app.subscriptions.outbox.enqueue({ key: 'revoked:1', platform: 'telegram', chatId: String(CHAT), reply: alertReply }, Date.now());
    app.subscriptions.worker.kick();
    await logs.waitFor((l) => l.msg === 'platform not available: its messages wait for it' && l.platform === 'telegram');
    expect(app.subscriptions.outbox.counts()).toMatchObject({ pending: 1, failed: 0 });
    expect(timers.pending()).toEqual([]);
    expect(telegram.calls.filter((c) => c.method === 'getUpdates')).toHaveLength(polls);
  });

  it('GIVEN the Bot API going away mid-run THEN Telegram shows down with the cause while grammY retries after our backoff, and up again once the long poll answers', async () => {
    proxy = await startSwitchableProxy(telegram.apiRoot);
    await proxy.up();
    app = await start({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: proxy.url });
    expect(app.platforms.telegram?.state).toBe('up');
    await telegram.waitForPoll();

    await proxy.down(); // cuts the long poll in flight
    await platformState(app, 'telegram', 'down');
    const warned = await logs.waitFor((l) => l.level === 'warn' && l.platform === 'telegram');
    expect(warned.msg).toContain('Telegram is unreachable: its client retries');
    expect((await healthz(app)).body.platforms?.telegram).toMatchObject({ state: 'down', lastError: expect.stringContaining("Network request for 'getUpdates' failed!") });
    expect(timers.pending()).toEqual([1_000]); // our pause before grammY's own 3 s

    await proxy.up();
    const up = platformState(app, 'telegram', 'up');
    timers.fireNext();
    // grammY polls again after its own 3 s; the poll's first answer (here: the update) says Telegram is back.
    await telegram.waitForPoll();
    telegram.sendUserMessage({ chatId: CHAT, text: '/status' });
    await up;
    expect((await telegram.nextMessageTo(CHAT)).plain).toContain('Status');
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'info', msg: 'Telegram is reachable again', afterFailures: 1 }));
  });

  it('GIVEN a Discord that cannot be reached at start THEN Telegram and polling go on, /healthz says discord is down; once it is reachable Discord connects and answers', async () => {
    proxy = await startSwitchableProxy(discord.apiRoot.replace(/\/api$/, ''));
    app = await start({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_REST_API: `${proxy.url}/api`,
    });
    expect(app.platforms.discord?.state).toBe('down');
    expect(app.platforms.telegram?.state).toBe('up');
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'warn', platform: 'discord', msg: expect.stringContaining('Discord is unreachable'), failures: 1, retryInSeconds: 1 }));
    expect(discord.identifies).toHaveLength(0);

    await app.poller.runCycle();
    telegram.sendUserMessage({ chatId: CHAT, text: '/status' });
    expect((await telegram.nextMessageTo(CHAT)).plain).toContain('Status');
    const down = await healthz(app);
    expect(down.body).toMatchObject({ status: 'degraded', platforms: { discord: { state: 'down' }, telegram: { state: 'up' } } });
    expect(down.body.reason).toContain('discord down');
    expect(await metricsText(app)).toContain('metis_bot_platform_up{platform="discord"} 0');

    await proxy.up();
    const up = platformState(app, 'discord', 'up');
    expect(timers.fireNext()).toBe(1_000);
    await up;
    expect(discord.identifies).toHaveLength(1);
    expect(await askDiscord(discord, 'status')).toContain('Status');
    expect((await healthz(app)).body.platforms?.discord).toMatchObject({ state: 'up' });
    expect(logs.raw.join('')).not.toContain(discord.token);
  });

  it('GIVEN Discord closing the gateway with 4004 mid-run (token reset) THEN Discord stops and says why, Telegram goes on', async () => {
    app = await start({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, DISCORD_TOKEN: discord.token, DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_REST_API: discord.apiRoot });
    expect(app.platforms.discord?.state).toBe('up');
    discord.closeGateway(4004, 'Authentication failed.');
    await platformState(app, 'discord', 'stopped');
    const line = await logs.waitFor((l) => l.level === 'error' && l.platform === 'discord');
    expect(line.msg).toContain('Discord rejected the token: Discord is stopped');
    expect(line.error).toContain('4004');
    const health = await healthz(app);
    expect(health.body.platforms?.discord).toMatchObject({ state: 'stopped', lastError: expect.stringContaining('4004 Authentication failed') });
    telegram.sendUserMessage({ chatId: CHAT, text: '/status' });
    expect((await telegram.nextMessageTo(CHAT)).plain).toContain('Status');
    expect(timers.pending()).toEqual([]);
  });

  it('GIVEN a token Telegram rejects at start THEN the start still stops with the 401', async () => {
    const error = await start({ TELEGRAM_BOT_TOKEN: '7000003:not-the-right-token-at-all', TELEGRAM_API_ROOT: telegram.apiRoot }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramStartError);
    expect(error).toMatchObject({ errorCode: 401, cause: { error_code: 401 } });
    expect(timers.pending()).toEqual([]);
  });
});
