import type Database from 'better-sqlite3';
import type { Reply } from '../vocabulary/reply.ts';
import type { Platform } from '../vocabulary/platform.ts';

export interface OutboxMessage {
  readonly id: number;
  /** Unique per message meant: a second enqueue with the same key is ignored. */
  readonly key: string;
  readonly platform: Platform;
  readonly chatId: string;
  readonly subscriptionId?: number;
  readonly reply: Reply;
  readonly attempts: number;
  readonly dueAt: number;
}

export interface NewOutboxMessage {
  readonly key: string;
  readonly platform: Platform;
  readonly chatId: string;
  readonly subscriptionId?: number;
  readonly reply: Reply;
}

export interface OutboxCounts {
  readonly pending: number;
  readonly sent: number;
  readonly failed: number;
}

/** Everything sent is first written here; a worker delivers it. */
export interface OutboxStore {
  /** Writes a message unless one with its key exists; returns whether it was new. */
  enqueue(message: NewOutboxMessage, now: number): boolean;
  has(key: string): boolean;
  /** Pending messages due at `now`, oldest first. */
  due(now: number, limit: number): OutboxMessage[];
  /** The earliest due time of a pending message, if any (parked ones are not due at any time). */
  nextDueAt(): number | undefined;
  markSent(id: number, now: number): void;
  /** Marks several sent in one transaction (one commit for a burst of answers). */
  markSentMany(ids: readonly number[], now: number): void;
  retryLater(id: number, dueAt: number, error: string): void;
  /** Moves a message back without counting an attempt (its chat is at its rate limit). */
  defer(id: number, dueAt: number): void;
  markFailed(id: number, error: string): void;
  /** Gives up every pending message to a chat (it cannot be reached any more). */
  dropChat(platform: Platform, chatId: string, error: string): number;
  /**
   * Holds every pending message of a platform that is down, without counting an attempt: they are not due
   * until `unpark`. Returns how many were held (new ones).
   */
  park(platform: Platform): number;
  /** Makes the held messages of a platform due at `now` (it is up again); returns how many. */
  unpark(platform: Platform, now: number): number;
  counts(): OutboxCounts;
  /**
   * Deletes sent and failed messages written before `before`; pending ones stay whatever their age. Safe for
   * idempotency: every key names its day or its alert's sequence number, so an old key never comes again.
   */
  prune(before: number): number;
}

/** The due time of a parked message: never reached by a clock, so only `unpark` releases it. */
const PARKED = Number.MAX_SAFE_INTEGER;

interface OutboxRow {
  id: number;
  idempotency_key: string;
  platform: Platform;
  chat_id: string;
  subscription_id: number | null;
  reply_json: string;
  attempts: number;
  due_at: number;
}

/** The SQLite outbox, on the history store's connection (migration 1). */
export function createSqliteOutboxStore(db: Database.Database): OutboxStore {
  const st = {
    enqueue: db.prepare(
      `INSERT OR IGNORE INTO outbox (idempotency_key, platform, chat_id, subscription_id, reply_json, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    has: db.prepare('SELECT 1 FROM outbox WHERE idempotency_key = ?'),
    due: db.prepare(`SELECT * FROM outbox WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?`),
    nextDue: db.prepare(`SELECT MIN(due_at) AS due FROM outbox WHERE status = 'pending' AND due_at < ${PARKED}`),
    sent: db.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?`),
    retry: db.prepare(`UPDATE outbox SET due_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?`),
    defer: db.prepare(`UPDATE outbox SET due_at = ? WHERE id = ?`),
    failed: db.prepare(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`),
    dropChat: db.prepare(`UPDATE outbox SET status = 'failed', last_error = ? WHERE platform = ? AND chat_id = ? AND status = 'pending'`),
    park: db.prepare(`UPDATE outbox SET due_at = ${PARKED} WHERE platform = ? AND status = 'pending' AND due_at < ${PARKED}`),
    unpark: db.prepare(`UPDATE outbox SET due_at = ? WHERE platform = ? AND status = 'pending' AND due_at = ${PARKED}`),
    counts: db.prepare(`SELECT status, COUNT(*) AS n FROM outbox GROUP BY status`),
    prune: db.prepare(`DELETE FROM outbox WHERE status <> 'pending' AND created_at < ?`),
  };
  // An alert's reply is one object for every chat of its group (50,000 rows in one cycle): serialised once.
  const serialised = new WeakMap<Reply, string>();
  const replyJson = (reply: Reply): string => {
    let json = serialised.get(reply);
    if (json === undefined) serialised.set(reply, (json = JSON.stringify(reply)));
    return json;
  };
  return {
    enqueue(m, now) {
      // Due at once (0): new messages go before ones waiting for a retry; the worker's clock decides the rest.
      return st.enqueue.run(m.key, m.platform, m.chatId, m.subscriptionId ?? null, replyJson(m.reply), 0, now).changes > 0;
    },
    has(key) {
      return st.has.get(key) !== undefined;
    },
    due(now, limit) {
      return (st.due.all(now, limit) as OutboxRow[]).map((row) => ({
        id: row.id,
        key: row.idempotency_key,
        platform: row.platform,
        chatId: row.chat_id,
        ...(row.subscription_id === null ? {} : { subscriptionId: row.subscription_id }),
        reply: JSON.parse(row.reply_json) as Reply,
        attempts: row.attempts,
        dueAt: row.due_at,
      }));
    },
    nextDueAt() {
      const row = st.nextDue.get() as { due: number | null };
      return row.due ?? undefined;
    },
    markSent(id, now) {
      st.sent.run(now, id);
    },
    markSentMany(ids, now) {
      db.transaction(() => {
        for (const id of ids) st.sent.run(now, id);
      })();
    },
    retryLater(id, dueAt, error) {
      st.retry.run(dueAt, error.slice(0, 500), id);
    },
    defer(id, dueAt) {
      st.defer.run(dueAt, id);
    },
    markFailed(id, error) {
      st.failed.run(error.slice(0, 500), id);
    },
    dropChat(platform, chatId, error) {
      return st.dropChat.run(error.slice(0, 500), platform, chatId).changes;
    },
    park(platform) {
      return st.park.run(platform).changes;
    },
    unpark(platform, now) {
      return st.unpark.run(now, platform).changes;
    },
    counts() {
      const counts = { pending: 0, sent: 0, failed: 0 };
      for (const row of st.counts.all() as { status: keyof OutboxCounts; n: number }[]) counts[row.status] = row.n;
      return counts;
    },
    prune(before) {
      return st.prune.run(before).changes;
    },
  };
}
