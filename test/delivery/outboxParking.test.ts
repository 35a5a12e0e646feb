import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/vocabulary/reply.ts';
import type { MessageSender } from '../../src/delivery/messageSender.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import { OutboxWorker } from '../../src/delivery/outboxWorker.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createTelegramSender } from '../../src/platforms/telegramSender.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { drainOutbox } from '../helpers/drainOutbox.ts';
import { createFakeClock, type FakeClock } from '../helpers/fakeClock.ts';

const text = (t: string): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t] }] });
const limits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

/** A platform that is down keeps its messages: parked in the outbox, no attempt spent, sent once it is up. */
describe('the outbox with a platform that is not available', () => {
  let clock: FakeClock;
  let telegram: FakeBotApi;
  let dbPath: string;
  let store: Storage;
  let outbox: OutboxStore;
  let worker: OutboxWorker | undefined;
  let available = false;
  const consoleLines: string[] = [];

  const drain = () => drainOutbox(worker!, outbox, clock);

  beforeEach(async () => {
    clock = createFakeClock();
    telegram = await startFakeBotApi({ limits, now: clock.now });
    // A file, so the test can read the attempt counts through a connection of its own.
    dbPath = join(mkdtempSync(join(tmpdir(), 'parking-')), 'bot.db');
    store = openSqliteStore(dbPath);
    outbox = store.outbox;
    available = false;
    const sender = createTelegramSender(new Api(telegram.token, { apiRoot: telegram.apiRoot }), limits);
    const console: MessageSender = { isGroup: () => false, send: async (_chat, reply) => (consoleLines.push(JSON.stringify(reply)), { ok: true }) };
    worker = new OutboxWorker({
      outbox,
      subscriptions: store.subscriptions,
      senders: { telegram: { ...sender, available: () => available }, console },
      logger: silentLogger,
      clock,
    });
  });

  afterEach(async () => {
    await worker?.stop();
    store.close();
    await telegram.close();
  });

  it('GIVEN Telegram down THEN its messages wait with no attempt counted while the console is served; once up they all go, in order', async () => {
    for (let i = 0; i < 3; i++) outbox.enqueue({ key: `t${i}`, platform: 'telegram', chatId: '301', reply: text(`held ${i}`) }, 0);
    outbox.enqueue({ key: 'c1', platform: 'console', chatId: 'console', reply: text('console goes on') }, 0);
    worker!.start();
    await drain(); // parked messages are not due: drained once the console's is sent
    expect(consoleLines).toHaveLength(1);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    expect(outbox.counts()).toEqual({ pending: 3, sent: 1, failed: 0 });
    const reader = new Database(dbPath, { readonly: true });
    const attempts = reader.prepare(`SELECT attempts FROM outbox WHERE platform = 'telegram'`).all() as { attempts: number }[];
    reader.close();
    expect(attempts.map((r) => r.attempts)).toEqual([0, 0, 0]);

    // Written while down: parked as well.
    outbox.enqueue({ key: 't3', platform: 'telegram', chatId: '301', reply: text('held 3') }, 0);
    worker!.kick();
    await drain();
    expect(outbox.nextDueAt()).toBeUndefined();

    available = true;
    clock.advance(5_000);
    worker!.kick();
    await drain();
    // Released at 5 s, then one a second: the chat's pace.
    expect(telegram.messagesTo(301).map((m) => [m.plain, m.at])).toEqual([['held 0', 5_000], ['held 1', 6_000], ['held 2', 7_000], ['held 3', 8_000]]);
    expect(outbox.counts()).toEqual({ pending: 0, sent: 5, failed: 0 });
  });

  it('GIVEN rows parked by an earlier process THEN a new worker whose platform is up sends them', async () => {
    outbox.enqueue({ key: 'old', platform: 'telegram', chatId: '302', reply: text('from before the restart') }, 0);
    expect(outbox.park('telegram')).toBe(1);
    expect(outbox.due(clock.now(), 10)).toEqual([]);
    available = true;
    worker!.start();
    await drain();
    expect(telegram.messagesTo(302).map((m) => [m.plain, m.at])).toEqual([['from before the restart', 0]]);
  });
});
