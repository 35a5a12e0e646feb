import { systemClock, type Clock } from '../core/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { SubscriptionStore } from '../store/subscriptionStore.ts';
import type { Platform } from '../vocabulary/platform.ts';
import type { DeliveryObserver } from './deliveryObserver.ts';
import type { MessageSender, SendOutcome } from './messageSender.ts';
import type { OutboxMessage, OutboxStore } from '../store/outboxStore.ts';

export interface OutboxWorkerOptions {
  readonly outbox: OutboxStore;
  readonly subscriptions: SubscriptionStore;
  readonly senders: Partial<Record<Platform, MessageSender>>;
  readonly logger: Logger;
  /**
   * Time and timers for due times, backoff and pacing (default: the system clock). Its own, not the app's:
   * tests of the rules may freeze the app's clock while delivery runs; delivery tests run it on fake time.
   */
  readonly clock?: Clock;
  /** Sends in flight at once. */
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  /** Delay before attempt n+1 after n failures without retry_after. */
  readonly backoffMs?: (attempts: number) => number;
  /** Counts sent and given-up messages per platform (metrics). */
  readonly observer?: DeliveryObserver;
}

export interface OutboxWorkerStats {
  sent: number;
  retried: number;
  failed: number;
  deactivated: number;
}

const BATCH = 512;
const IDLE_POLL_MS = 1_000;
const NO_SENDER_DELAY_MS = 60_000;

const defaultBackoff = (attempts: number) => Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1)) * (0.75 + Math.random() * 0.5);

/**
 * Delivers the outbox: takes due rows oldest first, paces them by each platform's limiter, sends up to
 * `concurrency` at once (one at a time per chat, so a chat reads its messages in order), and records the
 * outcome right after the platform answers: sent; retry at retry_after or with backoff; given up and the
 * chat's subscriptions deactivated when the chat is gone. A chat at its limit or failing is moved back in
 * the queue, so it never holds up the messages behind it.
 */
export class OutboxWorker {
  readonly stats: OutboxWorkerStats = { sent: 0, retried: 0, failed: 0, deactivated: 0 };
  private readonly o: OutboxWorkerOptions;
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoff: (attempts: number) => number;
  private readonly inflight = new Map<number, Promise<void>>();
  private readonly busyChats = new Set<string>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Resolved when a send finishes (a free slot); cheaper than racing every send in flight. */
  private slotWaiters: (() => void)[] = [];
  private sentRows: Pick<OutboxMessage, 'id' | 'platform'>[] = [];
  /** Sent, not yet marked in the store: never taken again. */
  private readonly unflushed = new Set<number>();
  private flushing: NodeJS.Immediate | undefined;
  /**
   * Platforms whose messages may be parked. All at first: rows an earlier process parked are released
   * once their platform is available.
   */
  private readonly parked = new Set<Platform>(['telegram', 'discord', 'console']);

  constructor(options: OutboxWorkerOptions) {
    this.o = options;
    this.clock = options.clock ?? systemClock;
    this.concurrency = options.concurrency ?? 64;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.backoff = options.backoffMs ?? defaultBackoff;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((error: unknown) => {
      this.o.logger.error('outbox worker stopped', { error });
      this.running = false;
    });
  }

  /** New rows were written: look now rather than at the next poll. */
  kick(): void {
    this.wakeUp?.();
  }

  /** Stops taking rows and waits for the sends in flight to be answered and recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    await Promise.all(this.inflight.values());
    if (this.flushing) clearImmediate(this.flushing);
    this.flushSent();
  }

  /** Sends in flight, or answered and not yet recorded: the worker is waiting on the platform, not on time. */
  get busy(): boolean {
    return this.inflight.size + this.unflushed.size > 0;
  }

  /**
   * Resolves once nothing is pending or in flight (tests, benchmarks); rejects after timeoutMs. Polls on the
   * wall clock, whatever the worker's clock: with a fake one, the caller moves time (test/helpers/drainOutbox.ts).
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.inflight.size === 0 && this.o.outbox.nextDueAt() === undefined) return;
      if (Date.now() > deadline) throw new Error(`outbox not drained after ${timeoutMs} ms: ${JSON.stringify(this.o.outbox.counts())}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Releases the parked messages of every platform that is available again. */
  private releaseParked(): void {
    for (const platform of this.parked) {
      const sender = this.o.senders[platform];
      if (!sender || sender.available?.() === false) continue;
      this.parked.delete(platform);
      const released = this.o.outbox.unpark(platform, this.clock.now());
      if (released > 0) this.o.logger.info('platform available: sending the messages that waited for it', { platform, messages: released });
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.releaseParked();
      const parkedNow = new Set<Platform>();
      let dispatched = 0;
      let nextWake = IDLE_POLL_MS;
      const rows = this.o.outbox.due(this.clock.now(), BATCH + this.inflight.size + this.unflushed.size).filter((r) => !this.inflight.has(r.id) && !this.unflushed.has(r.id));
      for (const row of rows) {
        if (!this.running) break;
        const sender = this.o.senders[row.platform];
        const chatKey = `${row.platform}:${row.chatId}`;
        if (!sender) {
          this.o.outbox.retryLater(row.id, this.clock.now() + NO_SENDER_DELAY_MS, `${row.platform} is not configured`);
          continue;
        }
        if (sender.available?.() === false) {
          // Down: hold all its messages (this row among them) until it is up; the others go on.
          if (parkedNow.has(row.platform)) continue;
          parkedNow.add(row.platform);
          this.parked.add(row.platform);
          const held = this.o.outbox.park(row.platform);
          this.o.logger.info('platform not available: its messages wait for it', { platform: row.platform, messages: held });
          continue;
        }
        if (this.busyChats.has(chatKey)) continue;
        while (this.inflight.size >= this.concurrency) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
        let waited = false;
        let done: ((now: number) => void) | undefined;
        for (;;) {
          if (!sender.limiter) break;
          const acquired = sender.limiter.tryAcquire(row.chatId, sender.isGroup(row.chatId), this.clock.now());
          if (acquired.ok) {
            done = acquired.done;
            break;
          }
          if (acquired.scope === 'chat') {
            // Only this chat is full: move it back and go on with the others.
            this.o.outbox.defer(row.id, this.clock.now() + acquired.waitMs);
            nextWake = Math.min(nextWake, acquired.waitMs);
            waited = true;
            break;
          }
          if (Number.isFinite(acquired.waitMs)) await this.sleep(Math.ceil(acquired.waitMs));
          // Every place is taken by a send in flight: the next answer frees one (no polling meanwhile).
          else await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
          if (!this.running) return;
        }
        if (waited) continue;
        this.dispatch(row, sender, chatKey, done);
        dispatched++;
      }
      if (dispatched === 0 && this.running) {
        // Rows taken but not sent were moved back (their chat is at its limit) or wait for their chat's send
        // in flight, whose end kicks us; with none taken, sleep until the next row falls due.
        if (rows.length === 0) {
          const nextDue = this.o.outbox.nextDueAt();
          const untilDue = nextDue === undefined ? undefined : nextDue - this.clock.now();
          // A row due now that we did not take is in flight or being marked: its end kicks us.
          if (untilDue !== undefined && (untilDue > 0 || this.inflight.size + this.unflushed.size === 0)) nextWake = Math.min(nextWake, Math.max(0, untilDue));
        }
        await this.sleep(nextWake);
      }
    }
  }

  /** Waits `ms` (at least 1) on the clock, or less when kicked (new rows, an answer, stop). */
  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(resolve, Math.max(1, ms));
      this.wakeUp = () => {
        this.clock.clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = undefined;
  }

  private dispatch(row: OutboxMessage, sender: MessageSender, chatKey: string, slotDone?: (now: number) => void): void {
    this.busyChats.add(chatKey);
    const done = (async () => {
      let outcome: SendOutcome;
      try {
        outcome = await sender.send(row.chatId, row.reply);
      } catch (error) {
        outcome = { ok: false, kind: 'retry', error: error instanceof Error ? error.message : String(error) };
      }
      slotDone?.(this.clock.now());
      try {
        this.record(row, sender, outcome);
      } catch (error) {
        // The store is closing (shutdown): the row stays pending and is sent again after the restart.
        this.o.logger.error('could not record an outbox result', { id: row.id, error });
      }
    })().finally(() => {
      this.inflight.delete(row.id);
      this.busyChats.delete(chatKey);
      const waiters = this.slotWaiters;
      this.slotWaiters = [];
      for (const resolve of waiters) resolve();
      this.kick();
    });
    this.inflight.set(row.id, done);
  }

  /**
   * Answers that arrive in the same event-loop turn are marked sent in one commit, at the end of the turn
   * (setImmediate): the window in which a crash could repeat a message grows from one synchronous write to
   * one turn of the loop (well under a millisecond at rest), and the commit cost is shared by the burst.
   */
  private markSent(row: OutboxMessage): void {
    this.sentRows.push({ id: row.id, platform: row.platform });
    this.unflushed.add(row.id);
    this.flushing ??= setImmediate(() => this.flushSent());
  }

  private flushSent(): void {
    this.flushing = undefined;
    const rows = this.sentRows;
    if (rows.length === 0) return;
    this.sentRows = [];
    const ids = rows.map((r) => r.id);
    try {
      this.o.outbox.markSentMany(ids, this.clock.now());
      this.stats.sent += ids.length;
      const perPlatform = new Map<Platform, number>();
      for (const { platform } of rows) perPlatform.set(platform, (perPlatform.get(platform) ?? 0) + 1);
      for (const [platform, count] of perPlatform) this.o.observer?.messagesSent(platform, count);
    } catch (error) {
      // The store is closing (shutdown): these stay pending and are sent again after the restart.
      this.o.logger.error('could not record sent outbox messages', { count: ids.length, error });
    }
    for (const id of ids) this.unflushed.delete(id);
    this.kick();
  }

  private record(row: OutboxMessage, sender: MessageSender, outcome: SendOutcome): void {
    const now = this.clock.now();
    if (outcome.ok) {
      this.markSent(row);
      return;
    }
    const fields = { id: row.id, platform: row.platform, chat: row.chatId, key: row.key, error: outcome.error };
    if (outcome.kind === 'gone') {
      const deactivated = this.o.subscriptions.deactivateChat(row.platform, row.chatId, outcome.error, now);
      this.o.outbox.markFailed(row.id, outcome.error);
      const dropped = this.o.outbox.dropChat(row.platform, row.chatId, `chat gone: ${outcome.error}`);
      this.o.observer?.messagesFailed(row.platform, 1 + dropped);
      this.stats.failed++;
      this.stats.deactivated += deactivated;
      this.o.logger.warn('chat unreachable: subscriptions deactivated', { ...fields, deactivated });
      return;
    }
    const attempts = row.attempts + 1;
    if (outcome.kind === 'rejected' || attempts >= this.maxAttempts) {
      this.o.outbox.markFailed(row.id, outcome.error);
      this.o.observer?.messagesFailed(row.platform, 1);
      this.stats.failed++;
      this.o.logger.warn('outbox message given up', { ...fields, attempts });
      return;
    }
    const retryAfterMs = outcome.kind === 'retry' ? outcome.retryAfterMs : undefined;
    const delay = retryAfterMs ?? this.backoff(attempts);
    if (retryAfterMs !== undefined) sender.limiter?.pause(row.chatId, now + retryAfterMs);
    this.o.outbox.retryLater(row.id, now + delay, outcome.error);
    this.stats.retried++;
    this.o.logger.info('outbox message will be retried', { ...fields, attempts, inMs: Math.round(delay) });
  }
}
