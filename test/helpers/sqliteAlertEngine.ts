import { AlertEngine } from '../../src/alerts/alertEngine.ts';
import { createSqliteAlertStateStore } from '../../src/store/alertStateStore.ts';
import type { Config } from '../../src/config/configSchema.ts';
import { createSqliteOutboxStore } from '../../src/store/outboxStore.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { openSqliteStore, type SqliteHistoryStore } from '../../src/store/sqliteStore.ts';
import { createSqliteSubscriptionStore } from '../../src/store/subscriptionStore.ts';

/**
 * The alert engine wired to SQLite stores on one database, as the app wires it: history, subscriptions,
 * outbox and alert states, each cycle in one transaction. A fresh in-memory database unless one is given.
 */
export function sqliteAlertEngine(config: Config, store: SqliteHistoryStore = openSqliteStore(':memory:')) {
  const subscriptions = createSqliteSubscriptionStore(store.database);
  const outbox = createSqliteOutboxStore(store.database);
  const engine = new AlertEngine({
    config,
    history: store,
    subscriptions,
    states: createSqliteAlertStateStore(store.database),
    outbox,
    transaction: (work) => store.database.transaction(work)(),
    logger: silentLogger,
  });
  return { store, subscriptions, outbox, engine };
}
