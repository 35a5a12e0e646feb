import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import { DigestScheduler } from '../../src/subscriptions/digestScheduler.ts';
import { snapshot } from '../commands/snapshotFixture.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

const MIN = 60_000;
const DAY = 86_400_000;

/** The tick reads only the digests due (next_digest_at, indexed), and still sends each local day exactly once. */
describe('DigestScheduler: only what is due', () => {
  let store: Storage;
  let subscriptions: SubscriptionStore;
  let outbox: OutboxStore;
  let digests: DigestScheduler;

  beforeEach(() => {
    const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const wired = sqliteAlertEngine(config);
    ({ store, subscriptions, outbox } = wired);
    const transaction = <T>(work: () => T): T => store.transaction(work);
    digests = new DigestScheduler({ subscriptions, outbox, engine: wired.engine, snapshot: () => snapshot, transaction, logger: silentLogger });
  });
  afterEach(() => store.close());

  it('GIVEN 09:00 Berlin (08:00 UTC in January) THEN nothing is read before it, one digest at it, nothing read again until the next day', () => {
    const midnight = Date.UTC(2027, 0, 15);
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'digest', digestTime: '09:00', timeZone: 'Europe/Berlin' }, midnight - DAY);
    // A new subscription is looked at once, then not before its time.
    expect(digests.tick(midnight + 7 * 60 * MIN)).toBe(0);
    expect(subscriptions.dueDigests(midnight + 8 * 60 * MIN - 1)).toEqual([]);
    expect(subscriptions.dueDigests(midnight + 8 * 60 * MIN)).toHaveLength(1);
    expect(digests.tick(midnight + 8 * 60 * MIN)).toBe(1);
    expect(subscriptions.dueDigests(midnight + 8 * 60 * MIN + 1)).toEqual([]);
    expect(subscriptions.dueDigests(midnight + DAY + 8 * 60 * MIN - 1)).toEqual([]);
    expect(digests.tick(midnight + DAY + 8 * 60 * MIN + 5 * MIN)).toBe(1);
    expect(outbox.due(Number.MAX_SAFE_INTEGER, 10).map((m) => m.key)).toEqual([
      `digest:${subscriptions.forChat('telegram', '1')[0]!.id}:2027-01-15`,
      `digest:${subscriptions.forChat('telegram', '1')[0]!.id}:2027-01-16`,
    ]);
  });

  it('GIVEN a changed digest time THEN the subscription is looked at again at once', () => {
    const midnight = Date.UTC(2027, 0, 15);
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'digest', digestTime: '18:00', timeZone: 'UTC' }, midnight - DAY);
    expect(digests.tick(midnight + 9 * 60 * MIN)).toBe(0);
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'digest', digestTime: '09:00', timeZone: 'UTC' }, midnight - DAY);
    expect(digests.tick(midnight + 9 * 60 * MIN + MIN)).toBe(1);
  });
});
