import { createSqliteAlertStateStore } from './alertStateStore.ts';
import { openDatabase } from './openDatabase.ts';
import { createSqliteOutboxStore } from './outboxStore.ts';
import { createSqliteHistoryStore } from './sqliteHistoryStore.ts';
import type { Storage } from './storage.ts';
import { createSqliteSubscriptionStore } from './subscriptionStore.ts';

/**
 * The bot's storage in one SQLite file: created on first use, migrated on open, WAL-journalled. Every store
 * shares the one connection, so one transaction spans them; the connection itself stays in here.
 * @example const store = openSqliteStore('data/metis-yield-bot.db');
 */
export function openSqliteStore(path: string): Storage {
  const db = openDatabase(path);
  return {
    ...createSqliteHistoryStore(db),
    subscriptions: createSqliteSubscriptionStore(db),
    outbox: createSqliteOutboxStore(db),
    alertStates: createSqliteAlertStateStore(db),
  };
}
