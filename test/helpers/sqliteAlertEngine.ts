import { AlertEngine } from '../../src/alerts/alertEngine.ts';
import type { Config } from '../../src/config/configSchema.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';

/**
 * The alert engine wired to SQLite storage as the app wires it: history, subscriptions, outbox and alert
 * states, each cycle in one transaction. A fresh in-memory database unless one is given.
 */
export function sqliteAlertEngine(config: Config, store: Storage = openSqliteStore(':memory:')) {
  const { subscriptions, outbox } = store;
  const engine = new AlertEngine({
    config,
    history: store,
    subscriptions,
    states: store.alertStates,
    outbox,
    transaction: (work) => store.transaction(work),
    logger: silentLogger,
  });
  return { store, subscriptions, outbox, engine };
}
