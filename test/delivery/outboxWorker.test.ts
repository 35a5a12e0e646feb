import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/vocabulary/reply.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import { OutboxWorker } from '../../src/delivery/outboxWorker.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createOutboxApi, createTelegramSender } from '../../src/platforms/telegramSender.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { drainOutbox } from '../helpers/drainOutbox.ts';
import { createFakeClock, type FakeClock } from '../helpers/fakeClock.ts';

const text = (t: string): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t] }] });
const limits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

/** Runs on fake time shared by the worker and the fake server: sends take no time, pacing is exact. */
describe('the outbox worker against a fake Bot API (real grammY)', () => {
  let clock: FakeClock;
  let telegram: FakeBotApi;
  let store: Storage;
  let outbox: OutboxStore;
  let subscriptions: SubscriptionStore;
  let worker: OutboxWorker | undefined;

  const startWorker = (over: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) => {
    const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    worker = new OutboxWorker({ outbox, subscriptions, senders: { telegram: createTelegramSender(api, limits) }, logger: silentLogger, backoffMs: () => 20, clock, ...over });
    worker.start();
    return worker;
  };

  const drain = () => drainOutbox(worker!, outbox, clock);
  const sendTimes = (chatId?: number) => telegram.calls.filter((c) => c.method === 'sendMessage' && (chatId === undefined || c.payload.chat_id === chatId)).map((c) => c.at);

  beforeEach(async () => {
    clock = createFakeClock();
    telegram = await startFakeBotApi({ limits, now: clock.now });
    store = openSqliteStore(':memory:');
    outbox = store.outbox;
    subscriptions = store.subscriptions;
  });

  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    store.close();
    await telegram.close();
  });

  it('writes a message once per idempotency key', () => {
    expect(outbox.enqueue({ key: 'k1', platform: 'telegram', chatId: '1', reply: text('a') }, 0)).toBe(true);
    expect(outbox.enqueue({ key: 'k1', platform: 'telegram', chatId: '1', reply: text('a') }, 0)).toBe(false);
    expect(outbox.counts()).toEqual({ pending: 1, sent: 0, failed: 0 });
  });

  it('GIVEN 429 with retry_after then 200 THEN delivers exactly once, after retry_after', async () => {
    telegram.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    outbox.enqueue({ key: 'a', platform: 'telegram', chatId: '101', reply: text('hello') }, 0);
    startWorker();
    await drain();
    expect(sendTimes(101)).toEqual([0, 1_000]); // refused at once, sent again exactly retry_after later
    expect(telegram.messagesTo(101).map((m) => [m.plain, m.at])).toEqual([['hello', 1_000]]);
    expect(outbox.counts()).toEqual({ pending: 0, sent: 1, failed: 0 });
  });

  it('GIVEN 403 (bot blocked) THEN the chat is deactivated, and the queue behind it is delivered', async () => {
    const blocked = subscriptions.subscribe({ platform: 'telegram', chatId: '202', kind: 'alerts' }, 0);
    subscriptions.subscribe({ platform: 'telegram', chatId: '202', kind: 'digest', digestTime: '09:00', timeZone: 'UTC' }, 0);
    telegram.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: 202 });
    outbox.enqueue({ key: 'b1', platform: 'telegram', chatId: '202', subscriptionId: blocked.id, reply: text('one') }, 0);
    outbox.enqueue({ key: 'b2', platform: 'telegram', chatId: '202', subscriptionId: blocked.id, reply: text('two') }, 0);
    for (let i = 0; i < 5; i++) outbox.enqueue({ key: `o${i}`, platform: 'telegram', chatId: String(300 + i), reply: text(`other ${i}`) }, 0);
    const w = startWorker();
    await drain();
    expect(subscriptions.forChat('telegram', '202').map((s) => s.active)).toEqual([false, false]);
    expect(telegram.messagesTo(202)).toEqual([]);
    expect(outbox.counts()).toEqual({ pending: 0, sent: 5, failed: 2 });
    expect(w.stats.deactivated).toBe(2);
  });

  it('GIVEN 5xx and a reset connection THEN retries with backoff and delivers once', async () => {
    telegram.failNext('sendMessage', { status: 502, description: 'Bad Gateway' });
    telegram.failNext('sendMessage', { kind: 'reset' });
    outbox.enqueue({ key: 'c', platform: 'telegram', chatId: '404', reply: text('eventually') }, 0);
    startWorker();
    await drain();
    // The backoff (20 ms) is shorter than the chat's pace (1/s), which failed sends count against too.
    expect(telegram.calls.filter((c) => c.method === 'sendMessage').map((c) => [c.status, c.at])).toEqual([[502, 0], [0, 1_000], [200, 2_000]]);
    expect(telegram.messagesTo(404)).toHaveLength(1);
    expect(outbox.counts().sent).toBe(1);
  });

  it('GIVEN sends that hang (no answer) filling the global limit THEN they time out, are retried, and every message goes once', async () => {
    telegram.failNext('sendMessage', { kind: 'hang', chatId: 501 });
    telegram.failNext('sendMessage', { kind: 'hang', chatId: 502 });
    for (const chat of [501, 502, 503, 504]) outbox.enqueue({ key: `h${chat}`, platform: 'telegram', chatId: String(chat), reply: text(`to ${chat}`) }, 0);
    const api = createOutboxApi({ token: telegram.token, apiRoot: telegram.apiRoot, timeoutSeconds: 1 });
    const sender = createTelegramSender(api, { ...limits, globalPerSecond: 2 });
    const w = startWorker({ senders: { telegram: sender } });
    await drain();
    for (const chat of [501, 502, 503, 504]) expect(telegram.messagesTo(chat).map((m) => m.plain)).toEqual([`to ${chat}`]);
    // A send in flight takes no fake time, a hung one included: its timeout passes before time moves on. The
    // window (2 a second, counted to the answer) lets 503 go once the first timed-out send leaves it.
    const attempts = telegram.calls.filter((c) => c.method === 'sendMessage').map((c) => [c.payload.chat_id, c.status, c.at]);
    expect(attempts).toEqual([[501, 0, 0], [502, 0, 484], [503, 200, 1_000], [504, 200, 1_484], [501, 200, 2_000], [502, 200, 2_484]]);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage' && c.status === 0)).toHaveLength(2);
    expect(w.stats.retried).toBe(2);
  });

  it('paces a burst by the limits: 1/s per chat, 30/s overall, no 429 from the server', async () => {
    for (let i = 0; i < 60; i++) outbox.enqueue({ key: `g${i}`, platform: 'telegram', chatId: String(1000 + i), reply: text(`m${i}`) }, 0);
    for (let i = 0; i < 3; i++) outbox.enqueue({ key: `same${i}`, platform: 'telegram', chatId: '777', reply: text(`same ${i}`) }, 0);
    startWorker();
    await drain();
    // One send each 33⅓ ms, allowed 16 ms early; the 31st waits for the first to leave the 1 s window.
    const firstSecond = [0, 18, 51, 84, 118, 151, 185, 218, 251, 284, 318, 351, 384, 418, 451, 484, 518, 551, 584, 618, 651, 685, 718, 751, 785, 818, 851, 885, 918, 951];
    expect(sendTimes().slice(0, 31)).toEqual([...firstSecond, 1_000]);
    expect(sendTimes().at(59)).toBe(1_951);
    // The one chat gets one a second, after the 60 that were queued before it.
    expect(sendTimes(777)).toEqual([2_000, 3_000, 4_000]);
    expect(telegram.violationLog.slice(0, 5)).toEqual([]);
    expect(telegram.violations).toBe(0);
    expect(telegram.sent).toHaveLength(63);
    expect(telegram.messagesTo(777).map((m) => m.plain)).toEqual(['same 0', 'same 1', 'same 2']);
  });

  it('GIVEN a store closed with messages pending (a crash) THEN the next process delivers each exactly once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'bot.db');
    const first = openSqliteStore(path);
    const firstOutbox = first.outbox;
    for (let i = 0; i < 5; i++) firstOutbox.enqueue({ key: `r${i}`, platform: 'telegram', chatId: String(500 + i), reply: text(`r${i}`) }, 0);
    firstOutbox.markSent(1, Date.now()); // delivered before the crash
    first.close();
    store.close();
    store = openSqliteStore(path);
    outbox = store.outbox;
    subscriptions = store.subscriptions;
    // Enqueueing again after the restart (the rule or the digest re-evaluated) is a no-op.
    expect(outbox.enqueue({ key: 'r0', platform: 'telegram', chatId: '500', reply: text('r0') }, 0)).toBe(false);
    startWorker();
    await drain();
    expect(telegram.sent.map((m) => m.plain).sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});
