import type { Writable } from 'node:stream';
import { schedule, type ScheduledTask } from 'node-cron';
import { AlertEngine } from './alerts/alertEngine.ts';
import type { Config } from './config/configSchema.ts';
import type { Clock } from './core/clock.ts';
import type { DeliveryObserver } from './delivery/deliveryObserver.ts';
import type { MessageSender } from './delivery/messageSender.ts';
import type { OutboxStore } from './store/outboxStore.ts';
import { OutboxWorker } from './delivery/outboxWorker.ts';
import type { Logger } from './log/logger.ts';
import type { Snapshot } from './figures/figures.ts';
import { renderText } from './platforms/renderText.ts';
import type { Storage } from './store/storage.ts';
import { DigestScheduler } from './subscriptions/digestScheduler.ts';
import type { SubscriptionService } from './subscriptions/subscriptionService.ts';
import type { SubscriptionStore } from './store/subscriptionStore.ts';
import { type Platform } from './vocabulary/platform.ts';

export interface SubscriptionRuntimeOptions {
  readonly config: Config;
  readonly store: Storage;
  readonly logger: Logger;
  /** The app's clock: alert and digest decisions. */
  readonly now: () => number;
  /** Delivery's clock and timers (retry and rate-limit timing); the system clock unless a test says otherwise. */
  readonly deliveryClock?: Clock;
  readonly snapshot: () => Snapshot;
  readonly digestDefaults?: { time: string; timeZone: string };
  /** Where the console chat's digests and alerts are printed; standard output unless a test says otherwise. */
  readonly consoleOutput?: Writable;
  /** Counts messages queued, sent and given up per platform (metrics). */
  readonly observer?: DeliveryObserver;
}

/**
 * Subscriptions, alerts, digests and the outbox, wired on the bot's storage (one transaction for all). The app
 * calls `afterCycle` from the poller, `attach` once its platforms run, and `stop` before the store closes.
 */
export interface SubscriptionRuntime {
  readonly subscriptions: SubscriptionStore;
  readonly outbox: OutboxStore;
  readonly engine: AlertEngine;
  readonly digests: DigestScheduler;
  readonly worker: OutboxWorker;
  readonly service: SubscriptionService;
  afterCycle(snapshot: Snapshot): void;
  /** Gives the worker its platform senders and starts it. */
  attach(senders: Partial<Record<Platform, MessageSender>>): void;
  /** Starts the minute tick that enqueues due digests (and prunes the outbox once a day). */
  startDigestSchedule(): void;
  /**
   * Deletes sent and failed outbox rows older than `delivery.keepSent`, at most once a day (the first call
   * always runs); returns how many went.
   */
  pruneOutbox(now: number): number;
  stop(): Promise<void>;
}

export function createSubscriptionRuntime(options: SubscriptionRuntimeOptions): SubscriptionRuntime {
  const { config, store, logger, now } = options;
  const { subscriptions, outbox: storedOutbox } = store;
  // Every message enters through enqueue (alerts, digests): counted here, whoever wrote it.
  const outbox: OutboxStore = {
    ...storedOutbox,
    enqueue(message, at) {
      const isNew = storedOutbox.enqueue(message, at);
      if (isNew) options.observer?.messagesQueued(message.platform, 1);
      return isNew;
    },
  };
  const states = store.alertStates;
  const transaction = <T>(work: () => T): T => store.transaction(work);
  const consoleOutput = options.consoleOutput ?? process.stdout;
  const senders: Partial<Record<Platform, MessageSender>> = {
    console: {
      isGroup: () => false,
      send: async (_chatId, reply) => {
        consoleOutput.write(`\n${renderText(reply)}\n\n`);
        return { ok: true };
      },
    },
  };
  const worker = new OutboxWorker({
    outbox,
    subscriptions,
    senders,
    logger,
    ...(options.deliveryClock ? { clock: options.deliveryClock } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
    concurrency: config.delivery.concurrency,
    maxAttempts: config.delivery.maxAttempts,
  });
  const kick = () => worker.kick();
  const engine = new AlertEngine({ config, history: store, subscriptions, states, outbox, transaction, logger, onEnqueued: kick });
  const digests = new DigestScheduler({ subscriptions, outbox, engine, snapshot: options.snapshot, transaction, logger, onEnqueued: kick });
  const service: SubscriptionService = {
    store: subscriptions,
    openAlerts: (s) => engine.openAlerts(s),
    thresholds: (chat) => engine.thresholds(chat),
    heldReadings: () => engine.heldReadings(),
    digestDefaults: options.digestDefaults ?? { time: '09:00', timeZone: 'UTC' },
  };
  let task: ScheduledTask | undefined;
  let stopped = false;
  let prunedAt: number | undefined;
  const pruneOutbox = (at: number): number => {
    if (prunedAt !== undefined && at - prunedAt < 86_400_000) return 0;
    prunedAt = at;
    const removed = outbox.prune(at - config.delivery.keepSent * 1000);
    if (removed > 0) logger.info('outbox pruned', { removed });
    return removed;
  };
  return {
    subscriptions,
    outbox,
    engine,
    digests,
    worker,
    service,
    pruneOutbox,
    afterCycle(snapshot) {
      if (stopped) return;
      const report = engine.evaluate(snapshot, now());
      if (report.transitions > 0) logger.info('alerts evaluated', { transitions: report.transitions, enqueued: report.enqueued });
    },
    attach(more) {
      Object.assign(senders, more);
      if (!stopped) worker.start();
    },
    startDigestSchedule() {
      if (stopped) return;
      task ??= schedule(
        '* * * * *',
        () => {
          try {
            digests.tick(now());
            pruneOutbox(now());
          } catch (error) {
            logger.error('digest tick failed', { error });
          }
        },
        { name: 'digests', noOverlap: true },
      );
    },
    async stop() {
      stopped = true;
      await task?.stop();
      await task?.destroy();
      await worker.stop();
    },
  };
}
