import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../src/alerts/alertEngine.ts';
import { createSqliteAlertStateStore } from '../../src/alerts/alertStateStore.ts';
import { figure } from '../../src/core/figure.ts';
import { createSqliteOutboxStore, type OutboxStore } from '../../src/delivery/outboxStore.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Snapshot, SourceView } from '../../src/metrics/figures.ts';
import { openSqliteStore, type SqliteHistoryStore } from '../../src/store/sqliteStore.ts';
import { createSqliteSubscriptionStore, type SubscriptionStore } from '../../src/subscriptions/subscriptionStore.ts';
import { NOW, snapshot as base } from '../commands/snapshotFixture.ts';

const MIN = 60_000;

/** The fixture with the eMetis/METIS pool at `bps`, last read `ageMs` before `now`. */
function withPool(bps: number, now: number, ageMs = 60_000): Snapshot {
  const sources = base.sources.map((s): SourceView => {
    const fresh = { ...s, lastRead: { ...s.lastRead!, observedAt: now - 60_000 } };
    if (s.figures?.kind !== 'pool') return fresh;
    return { ...fresh, lastRead: { ...s.lastRead!, observedAt: now - ageMs }, figures: { ...s.figures, depegBps: figure(bps) } };
  });
  return { ...base, sources };
}

describe('AlertEngine with hand-built snapshots', () => {
  let store: SqliteHistoryStore;
  let outbox: OutboxStore;
  let subscriptions: SubscriptionStore;
  let engine: AlertEngine;

  beforeEach(() => {
    store = openSqliteStore(':memory:');
    outbox = createSqliteOutboxStore(store.database);
    subscriptions = createSqliteSubscriptionStore(store.database);
    const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const withOperator = { ...config, alerts: { ...config.alerts, operatorChat: { platform: 'telegram' as const, chatId: '999' } } };
    engine = new AlertEngine({
      config: withOperator,
      history: store,
      subscriptions,
      states: createSqliteAlertStateStore(store.database),
      outbox,
      transaction: (work) => store.database.transaction(work)(),
      logger: silentLogger,
    });
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'alerts' }, 0);
    subscriptions.subscribe({ platform: 'telegram', chatId: '2', kind: 'alerts', assets: ['seMetis'] }, 0);
  });

  afterEach(() => store.close());

  const keys = () => outbox.due(Number.MAX_SAFE_INTEGER, 100).map((m) => `${m.chatId} ${m.key}`);

  it('GIVEN a stale pool far off peg THEN no rule fires; only the operator hears of the stale source', () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-400, now, 40 * MIN), now);
    expect(keys()).toEqual(['999 stale:eMetis-METIS:1:fire']);
  });

  it('GIVEN a fresh pool off peg for K cycles THEN one alert to the chat that wants it, with its state stored', () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-120, now), now);
    expect(keys()).toEqual(['1 alert:1:depeg:eMetis-METIS:1:fire:warning']);
    expect(engine.openAlerts(subscriptions.forChat('telegram', '1').at(0)!)).toMatchObject([{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'warning' }]);
  });

  it('GIVEN a chat threshold THEN that chat fires by its own threshold', () => {
    subscriptions.setOverride('telegram', '1', 'depegWarningBps', 150);
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-120, now), now);
    expect(keys()).toEqual([]);
  });
});
