import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { createSubscriptionRuntime, type SubscriptionRuntime } from '../../src/subscriptionRuntime.ts';
import { snapshot } from '../commands/snapshotFixture.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2027, 0, 31);
const text = (t: string): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t] }] });

describe('outbox pruning (delivery.keepSent, default 30 d)', () => {
  let store: Storage;
  let runtime: SubscriptionRuntime;

  afterEach(async () => {
    await runtime.stop();
    store.close();
  });

  function open() {
    store = openSqliteStore(':memory:');
    const config = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: 'http://127.0.0.1:1', DEVNET_L2_RPC: 'http://127.0.0.1:2', METIS_BOT_DB: ':memory:' });
    runtime = createSubscriptionRuntime({ config, store, logger: silentLogger, now: () => NOW, snapshot: () => snapshot });
    return runtime.outbox;
  }

  /** Writes a message `daysAgo` days before NOW and leaves it pending, sent or failed. */
  const write = (outbox: ReturnType<typeof open>, key: string, daysAgo: number, status: 'pending' | 'sent' | 'failed') => {
    outbox.enqueue({ key, platform: 'telegram', chatId: '1', reply: text(key) }, NOW - daysAgo * DAY_MS);
    const id = outbox.due(Number.MAX_SAFE_INTEGER, 1_000).find((m) => m.key === key)!.id;
    if (status === 'sent') outbox.markSent(id, NOW);
    if (status === 'failed') outbox.markFailed(id, 'gone');
  };

  it('GIVEN sent, failed and pending rows THEN only sent and failed ones older than 30 d go, once a day', () => {
    const outbox = open();
    write(outbox, 'old-sent', 31, 'sent');
    write(outbox, 'old-failed', 45, 'failed');
    write(outbox, 'old-pending', 60, 'pending');
    write(outbox, 'recent-sent', 29, 'sent');
    expect(runtime.pruneOutbox(NOW)).toBe(2);
    expect(outbox.has('old-sent')).toBe(false);
    expect(outbox.has('old-failed')).toBe(false);
    expect(outbox.has('old-pending')).toBe(true); // still owed to its chat
    expect(outbox.has('recent-sent')).toBe(true); // its key still guards against a second send

    write(outbox, 'another-old', 40, 'sent');
    expect(runtime.pruneOutbox(NOW + DAY_MS - 1)).toBe(0); // not before a day has passed
    expect(runtime.pruneOutbox(NOW + DAY_MS)).toBe(1);
    expect(outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 0 });
  });
});
