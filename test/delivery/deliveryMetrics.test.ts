import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createBotMetrics, type BotMetrics } from '../../src/ops/metrics.ts';
import { createOutboxApi, createTelegramSender } from '../../src/platforms/telegramSender.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { createSubscriptionRuntime, type SubscriptionRuntime } from '../../src/subscriptionRuntime.ts';
import { snapshot } from '../commands/snapshotFixture.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';

const text = (t: string): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t] }] });

/** The /metrics counters of outgoing messages, fed by the outbox as the app wires it. */
describe('messages queued, sent and failed per platform in /metrics', () => {
  let telegram: FakeBotApi;
  let store: Storage;
  let metrics: BotMetrics;
  let runtime: SubscriptionRuntime;

  beforeEach(async () => {
    telegram = await startFakeBotApi();
    store = openSqliteStore(':memory:');
    metrics = createBotMetrics();
    const config = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: 'http://127.0.0.1:1', DEVNET_L2_RPC: 'http://127.0.0.1:2', METIS_BOT_DB: ':memory:' });
    runtime = createSubscriptionRuntime({ config, store, logger: silentLogger, now: Date.now, snapshot: () => snapshot, observer: metrics });
  });

  afterEach(async () => {
    await runtime.stop();
    store.close();
    await telegram.close();
  });

  it('GIVEN 4 messages written (one twice), 2 delivered and 2 to a chat that blocked the bot THEN queued 4, sent 2, failed 2', async () => {
    const { outbox } = runtime;
    for (const [key, chat] of [['a', '11'], ['b', '12'], ['c', '403'], ['d', '403'], ['a', '11']] as const) outbox.enqueue({ key, platform: 'telegram', chatId: chat, reply: text(key) }, 0);
    telegram.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: 403 });
    const api = createOutboxApi({ token: telegram.token, apiRoot: telegram.apiRoot, timeoutSeconds: 5 });
    runtime.attach({ telegram: createTelegramSender(api, { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }) });
    await runtime.worker.drain();
    const body = (await metrics.render()).body;
    expect(body).toContain('metis_bot_messages_queued_total{platform="telegram"} 4');
    expect(body).toContain('metis_bot_messages_sent_total{platform="telegram"} 2');
    expect(body).toContain('metis_bot_messages_failed_total{platform="telegram"} 2');
    expect(telegram.sent.map((m) => m.plain).sort()).toEqual(['a', 'b']);
  });
});
