import type { AlertEngine } from '../alerts/alertEngine.ts';
import type { OutboxStore } from '../store/outboxStore.ts';
import type { Logger } from '../log/logger.ts';
import type { Snapshot } from '../figures/figures.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.ts';
import { translator } from '../i18n/translator.ts';
import { digestBody, digestReply, type DigestBody } from './digestReply.ts';
import { localInstant, nextLocalDate } from './localInstant.ts';
import { localTime, parseClock } from './localTime.ts';
import { chatKey, type Subscription, type SubscriptionStore } from '../store/subscriptionStore.ts';

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

/** Where a digest time stands at a tick: minutes late (negative: still ahead) on which local date, and when to look again. */
interface DigestPlan {
  readonly timeZone: string;
  readonly date: string;
  readonly late: number;
  readonly nextAt: number;
}

/** The plan of a subscription's digest time at `now`; undefined when it has no valid time (it is never due). */
function digestPlan(now: number, sub: Subscription): DigestPlan | undefined {
  const target = parseClock(sub.digestTime ?? '');
  if (target === undefined || !sub.timeZone) return undefined;
  const local = localTime(now, sub.timeZone);
  const late = local.minutes - target;
  // Still ahead today: look again then. Else today's is sent, skipped or missed: tomorrow's is next.
  const nextAt = late < 0 ? Math.max(now + 60_000, localInstant(local.date, target, sub.timeZone)) : localInstant(nextLocalDate(local.date), target, sub.timeZone);
  return { timeZone: sub.timeZone, date: local.date, late, nextAt };
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
    // Subscriptions at one local time in one zone are due alike: the zone's clock is read once for all of them.
    const plans = new Map<string, DigestPlan | undefined>();
    for (const sub of this.o.subscriptions.dueDigests(now)) {
      const planKey = `${sub.timeZone ?? ''} ${sub.digestTime ?? ''}`;
      let plan = plans.get(planKey);
      if (!plans.has(planKey)) plans.set(planKey, (plan = digestPlan(now, sub)));
      if (!plan) {
        next.push([sub.id, Number.MAX_SAFE_INTEGER]);
        continue;
      }
      next.push([sub.id, plan.nextAt]);
      if (plan.late < 0 || plan.late > CATCH_UP_MINUTES) continue;
      // A subscription made after today's time starts tomorrow.
      if (sub.createdAt > now - plan.late * 60_000) continue;
      const key = `digest:${sub.id}:${plan.date}`;
      if (this.o.outbox.has(key)) continue;
      due.push({ sub, key, timeZone: plan.timeZone });
    }
    if (due.length === 0) {
      if (next.length > 0) this.o.transaction(() => next.forEach(([id, at]) => this.o.subscriptions.setNextDigestAt(id, at)));
      return 0;
    }
    const snapshot = this.o.snapshot();
    // Each chat's language (chosen with /lang, or saved from a private chat's client by /subscribe); one body per language.
    const languages = this.o.subscriptions.allLanguages();
    const bodies = new Map<Locale, DigestBody>();
    const bodyIn = (locale: Locale): DigestBody => {
      let body = bodies.get(locale);
      if (!body) bodies.set(locale, (body = digestBody(snapshot, now, translator(locale))));
      return body;
    };
    // The chat's alerts subscription, whose open alerts the digest lists: one query for the whole fan-out.
    const alertsByChat = new Map(this.o.subscriptions.active('alerts').map((s) => [`${s.platform}:${s.chatId}`, s]));
    let enqueued = 0;
    this.o.transaction(() => {
      for (const [id, at] of next) this.o.subscriptions.setNextDigestAt(id, at);
      for (const { sub, key, timeZone } of due) {
        const alerts = alertsByChat.get(`${sub.platform}:${sub.chatId}`);
        const open = alerts ? this.o.engine.openAlerts(alerts) : [];
        const locale = languages.get(chatKey(sub.platform, sub.chatId)) ?? DEFAULT_LOCALE;
        const reply = digestReply(bodyIn(locale), { nowMs: now, timeZone }, open, translator(locale));
        if (this.o.outbox.enqueue({ key, platform: sub.platform, chatId: sub.chatId, subscriptionId: sub.id, reply }, now)) enqueued++;
      }
    });
    this.o.logger.info('digests enqueued', { count: enqueued });
    if (enqueued > 0) this.o.onEnqueued?.();
    return enqueued;
  }
}
