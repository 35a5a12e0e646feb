import type { AlertStateStore } from './alertStateStore.ts';
import type { HistoryStore } from './historyStore.ts';
import type { OutboxStore } from './outboxStore.ts';
import type { SubscriptionStore } from './subscriptionStore.ts';

/**
 * Everything the bot keeps, on one engine: the history (this object itself, so whatever reads history takes a
 * Storage as it is) and beside it subscriptions, the outbox and alert states. SQLite implements it
 * (`openSqliteStore`); another engine implements these interfaces, and no caller sees a connection.
 */
export interface Storage extends HistoryStore {
  readonly subscriptions: SubscriptionStore;
  readonly outbox: OutboxStore;
  readonly alertStates: AlertStateStore;
  /** Runs `work` atomically across all four stores (a cycle's history with the alerts it enqueues). */
  transaction<T>(work: () => T): T;
  /** Closes the engine: every store above with it. */
  close(): void;
}
