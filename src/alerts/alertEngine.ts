import type { Config } from '../config/configSchema.ts';
import type { Logger } from '../log/logger.ts';
import type { Snapshot } from '../figures/figures.ts';
import type { NewOutboxMessage, OutboxStore } from '../store/outboxStore.ts';
import type { ChainEvent, HistoryStore } from '../store/historyStore.ts';
import { ANNOUNCED_EVENTS, ANNOUNCED_EVENTS_KEPT, chainPosition } from './rules/newEvents.ts';
import type { AlertStateStore } from '../store/alertStateStore.ts';
import type { Subscription, SubscriptionStore } from '../store/subscriptionStore.ts';
import { AlertStates, GLOBAL, OPERATOR, type StateWrite } from './alertStates.ts';
import { chatGroups, isMuted, type ChatGroups } from './chatGroups.ts';
import { translator } from '../i18n/translator.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.ts';
import { chatKey } from '../store/subscriptionStore.ts';
import type { OpenAlert } from './openAlert.ts';
import { RULES } from './ruleList.ts';
import { initialLevelState, stepLevel, type LevelState } from './rules/levelRule.ts';
import { screenOutlier, type OutlierState } from './rules/outlierFilter.ts';
import type { RuleInput } from './rules/rule.ts';
import { chatThresholds, type ChatThresholds } from './rules/ruleParams.ts';
import { staleMeasures } from './rules/staleRule.ts';
import { noticeOutcomes, stepLevelRule, type ChatOutcome } from './stepRules.ts';

/** The global state under which the engine keeps, per source, how far it has read the event log. */
const EVENTS_READ = 'events-read';
interface EventsRead {
  /** The newest block time (s) among the events read so far. */
  readonly time: number;
}

export interface AlertEngineOptions {
  readonly config: Config;
  /** Stored events, for the rules that announce them. */
  readonly history: HistoryStore;
  readonly subscriptions: SubscriptionStore;
  readonly states: AlertStateStore;
  readonly outbox: OutboxStore;
  /** Runs state writes and outbox inserts atomically: an alert is never sent without its state recorded. */
  readonly transaction: <T>(work: () => T) => T;
  readonly logger: Logger;
  /** Called after new messages were written (wakes the outbox worker). */
  readonly onEnqueued?: () => void;
}

export interface EvaluationReport {
  readonly enqueued: number;
  readonly transitions: number;
  /** Readings held back as outliers this cycle. */
  readonly held: readonly string[];
}

/**
 * Applies the rules of src/alerts/ruleList.ts after each poll cycle: each rule measures every source once,
 * src/alerts/stepRules.ts decides per group of chats with the same thresholds, and the new states and outbox
 * rows are written in one transaction. The alert states live in memory, written through (src/alerts/alertStates.ts);
 * the alerts subscriptions are indexed once and again only after a subscription or threshold changed.
 */
export class AlertEngine {
  private readonly o: AlertEngineOptions;
  private readonly states: AlertStates;
  private chats?: { readonly revision: number; readonly groups: ChatGroups; readonly operatorLocale: Locale };

  constructor(options: AlertEngineOptions) {
    this.o = options;
    this.states = new AlertStates(options.states);
  }

  evaluate(snapshot: Snapshot, now: number): EvaluationReport {
    const { config, logger } = this.o;
    const globalWrites = new Map<string, StateWrite>();
    const readGlobal = <T>(scope: string, rule: string, sourceId: string): T | undefined =>
      (globalWrites.get(`${scope}\u0000${rule}\u0000${sourceId}`)?.state as T | undefined) ?? this.states.scoped<T>(scope, rule, sourceId);
    const writeGlobal = (scope: string, rule: string, sourceId: string, state: unknown) => {
      if (JSON.stringify(state) !== JSON.stringify(this.states.scoped(scope, rule, sourceId))) globalWrites.set(`${scope}\u0000${rule}\u0000${sourceId}`, { scope, rule, sourceId, state });
    };

    // Outliers: a reading far from the last accepted one (within alerts.outlierWindow) is held back until it repeats.
    const held: string[] = [];
    const outlier = { factor: config.alerts.outlierFactor, windowMs: config.alerts.outlierWindow * 1000 };
    const screen = (sourceId: string, value: number): number | undefined => {
      const screened = screenOutlier(readGlobal<OutlierState>(GLOBAL, 'outlier', sourceId) ?? {}, value, outlier, now);
      writeGlobal(GLOBAL, 'outlier', sourceId, screened.state);
      if (screened.value !== undefined) return screened.value;
      held.push(sourceId);
      logger.warn('reading held back as an outlier', { source: sourceId, value });
      return undefined;
    };

    // The event log is read once a cycle, from where the last cycle's read ended (its newest block time, again
    // from that second: the rules' cursors drop what they announced), so a catch-up hands over every new event.
    const events = snapshot.sources
      .filter((s) => s.kind === 'sequencer')
      .flatMap(({ id }) => {
        const mark = readGlobal<EventsRead>(GLOBAL, EVENTS_READ, id);
        const read = this.announcedEvents(id, mark);
        const newest = read.reduce((t, e) => Math.max(t, e.blockTime), mark?.time ?? 0);
        writeGlobal(GLOBAL, EVENTS_READ, id, { time: newest } satisfies EventsRead);
        return read;
      })
      .sort((a, b) => (chainPosition(a) < chainPosition(b) ? -1 : chainPosition(a) > chainPosition(b) ? 1 : 0));
    const input: RuleInput = { snapshot, config, now, events, screen };
    const chats = this.chatGroups(now);
    const outcomes: ChatOutcome[] = [];
    RULES.forEach((rule, order) => {
      if (rule.kind === 'level') {
        stepLevelRule(rule, order, rule.measure(input), chats, this.states, now, outcomes);
        return;
      }
      for (const sourceId of rule.sources(input)) {
        const { notices, cursor } = rule.notices(input, sourceId, readGlobal(GLOBAL, rule.name, sourceId));
        writeGlobal(GLOBAL, rule.name, sourceId, cursor);
        noticeOutcomes(rule.name, notices, order, chats, outcomes);
      }
    });
    // A chat's messages of one cycle stay together, in rule order, chats in subscription order.
    outcomes.sort((a, b) => a.chat.id - b.chat.id || a.outcome.order - b.outcome.order);
    let transitions = 0;
    for (const { outcome } of outcomes) if (outcome.message) transitions++;

    // Stale data: to the operator's chat only, never to subscribers.
    const operatorMessages: NewOutboxMessage[] = [];
    for (const stale of staleMeasures(snapshot, config.alerts.staleAfter, now)) {
      const result = stepLevel(readGlobal<LevelState>(OPERATOR, 'stale', stale.sourceId) ?? initialLevelState, stale.ageSeconds, stale.params, now, stale.ageSeconds);
      writeGlobal(OPERATOR, 'stale', stale.sourceId, result.state);
      if (!result.transition) continue;
      transitions++;
      const operator = config.alerts.operatorChat;
      const reply = stale.message(result.transition, now, translator(this.chats!.operatorLocale));
      if (operator) operatorMessages.push({ key: `stale:${stale.sourceId}:${result.state.seq}:${result.transition.kind}`, platform: operator.platform, chatId: operator.chatId, reply });
      else logger.warn(result.transition.kind === 'recover' ? 'source fresh again' : 'source stale', { source: stale.sourceId, ageSeconds: Math.round(stale.ageSeconds) });
    }

    // Each chat's message is made as it is written: the reply is shared by a language, only the row is per chat.
    // A muted chat's state steps as any other (so it hears the next transition after the mute, not a replay); it just gets no row.
    let enqueued = 0;
    this.o.transaction(() => {
      for (const { chat, outcome } of outcomes) {
        const w = outcome.write;
        if (w) this.states.writeChat(chat.id, w.rule, w.sourceId, w.state, now);
      }
      this.states.write(globalWrites.values(), now);
      for (const { chat, outcome } of outcomes) {
        const m = outcome.message;
        if (!m || isMuted(chats, chat.id, m.rule, m.sourceId, now)) continue;
        if (this.o.outbox.enqueue({ key: m.key(chat.id), platform: chat.platform, chatId: chat.chatId, subscriptionId: chat.id, reply: m.reply(chat.locale) }, now)) enqueued++;
      }
      for (const m of operatorMessages) if (this.o.outbox.enqueue(m, now)) enqueued++;
    });
    this.states.endCycle();
    if (enqueued > 0) this.o.onEnqueued?.();
    return { enqueued, transitions, held };
  }

  /** Alerts open in a subscription (level above ok). */
  openAlerts(subscription: Subscription): OpenAlert[] {
    return this.states.openFor(subscription.id).map(({ rule, sourceId, state: s }) => ({
      rule,
      sourceId,
      level: s.level,
      ...(s.since === undefined ? {} : { since: s.since }),
      ...(s.value === undefined ? {} : { value: s.value }),
    }));
  }

  /**
   * One source's stored events of the kinds notice rules announce: everything from the second the last read
   * ended; before any read, the newest of each kind, where the rules place their cursors.
   */
  private announcedEvents(sourceId: string, mark: EventsRead | undefined): ChainEvent[] {
    if (mark === undefined) return ANNOUNCED_EVENTS.flatMap((name) => this.o.history.recentEvents(sourceId, name, ANNOUNCED_EVENTS_KEPT));
    return this.o.history.eventsBetween(sourceId, ANNOUNCED_EVENTS, mark.time - 1, Number.MAX_SAFE_INTEGER);
  }

  /** Sources whose latest reading is held back as an outlier. */
  heldReadings(): string[] {
    return this.states.globalOf('outlier').flatMap(({ sourceId, state }) => ((state as OutlierState).held !== undefined ? [sourceId] : []));
  }

  /** Thresholds in force for a chat. */
  thresholds(subscription: Pick<Subscription, 'platform' | 'chatId'>): ChatThresholds {
    return chatThresholds(this.o.config.alerts, this.o.subscriptions.overrides(subscription.platform, subscription.chatId));
  }

  /**
   * The alerts subscriptions by threshold group, with their languages and mutes, rebuilt only after a write to
   * the subscriptions (a language chosen and a mute set are writes too; a mute's end needs none).
   */
  private chatGroups(now: number): ChatGroups {
    const { subscriptions, config } = this.o;
    const revision = subscriptions.revision();
    if (this.chats?.revision !== revision) {
      const languages = subscriptions.allLanguages();
      const settings = { languages, mutes: subscriptions.allMutes(now) };
      const operator = config.alerts.operatorChat;
      const operatorLocale = (operator && languages.get(chatKey(operator.platform, operator.chatId))) ?? DEFAULT_LOCALE;
      this.chats = { revision, groups: chatGroups(config.alerts, subscriptions.active('alerts'), subscriptions.allOverrides(), settings), operatorLocale };
    }
    return this.chats.groups;
  }
}
