import type { AlertEngine } from '../alerts/alertEngine.ts';
import type { OutboxStore } from '../store/outboxStore.ts';
import type { Logger } from '../log/logger.ts';
import type { Snapshot } from '../figures/figures.ts';
import { digestBody, digestReply } from './digestReply.ts';
import { localInstant, nextLocalDate } from './localInstant.ts';
import { localTime, parseClock } from './localTime.ts';
import type { Subscription, SubscriptionStore } from '../store/subscriptionStore.ts';

/** A digest missed by more than this (the bot was down) is skipped for the day rather than sent late. */
const CATCH_UP_MINUTES = 6 * 60;

export interface DigestSchedulerOptions {
  readonly subscriptions: SubscriptionStore;
  readonly outbox: OutboxStore;
  readonly engine: AlertEngine;
  readonly snapshot: () => Snapshot;
  readonly transaction: <T>(work: () => T) => T;
  readonly logger: Logger;
  readonly onEnqueued?: () => void;
}

/**
 * Enqueues each digest subscription's message once per local day, at or after its local time. Called every
 * minute (node-cron in the app, directly in tests with a controlled clock). The idempotency key is
 * (subscription, local date), so a daylight-saving jump (02:30 that never happens is sent at 03:00), an
 * hour that happens twice, a restart or two ticks in one minute never skip or double a day.
 */
export class DigestScheduler {
  private readonly o: DigestSchedulerOptions;

  constructor(options: DigestSchedulerOptions) {
    this.o = options;
  }

  /**
   * Enqueues the digests due at `now`; returns how many were new. Reads only the subscriptions whose next
   * digest time has come (an index), and moves each one it looked at to its next local time (a lower bound:
   * the local clock decides, as it always did).
   */
  tick(now: number): number {
    const due: { sub: Subscription; key: string; timeZone: string }[] = [];
    const next: [id: number, at: number][] = [];
    for (const sub of this.o.subscriptions.dueDigests(now)) {
      const target = parseClock(sub.digestTime ?? '');
      if (target === undefined || !sub.timeZone) {
        next.push([sub.id, Number.MAX_SAFE_INTEGER]);
        continue;
      }
      const local = localTime(now, sub.timeZone);
      const late = local.minutes - target;
      if (late < 0) {
        next.push([sub.id, Math.max(now + 60_000, localInstant(local.date, target, sub.timeZone))]);
        continue;
      }
      // Today's is sent, skipped or missed: tomorrow's is next.
      next.push([sub.id, localInstant(nextLocalDate(local.date), target, sub.timeZone)]);
      if (late > CATCH_UP_MINUTES) continue;
      // A subscription made after today's time starts tomorrow.
      if (sub.createdAt > now - late * 60_000) continue;
      const key = `digest:${sub.id}:${local.date}`;
      if (this.o.outbox.has(key)) continue;
      due.push({ sub, key, timeZone: sub.timeZone });
    }
    if (due.length === 0) {
      if (next.length > 0) this.o.transaction(() => next.forEach(([id, at]) => this.o.subscriptions.setNextDigestAt(id, at)));
      return 0;
    }
    const body = digestBody(this.o.snapshot(), now);
    // The chat's alerts subscription, whose open alerts the digest lists: one query for the whole fan-out.
    const alertsByChat = new Map(this.o.subscriptions.active('alerts').map((s) => [`${s.platform}:${s.chatId}`, s]));
    let enqueued = 0;
    this.o.transaction(() => {
      for (const [id, at] of next) this.o.subscriptions.setNextDigestAt(id, at);
      for (const { sub, key, timeZone } of due) {
        const alerts = alertsByChat.get(`${sub.platform}:${sub.chatId}`);
        const open = alerts ? this.o.engine.openAlerts(alerts) : [];
        if (this.o.outbox.enqueue({ key, platform: sub.platform, chatId: sub.chatId, subscriptionId: sub.id, reply: digestReply(body, { nowMs: now, timeZone }, open) }, now)) enqueued++;
      }
    });
    this.o.logger.info('digests enqueued', { count: enqueued });
    if (enqueued > 0) this.o.onEnqueued?.();
    return enqueued;
  }
}
