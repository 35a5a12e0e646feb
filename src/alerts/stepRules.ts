import type { Locale } from '../i18n/locale.ts';
import type { Reply } from '../vocabulary/reply.ts';
import { perLanguage } from './alertButtons.ts';
import { wants, type AlertChat, type ChatGroup, type ChatGroups } from './chatGroups.ts';
import { initialLevelState, stepLevel, type LevelParams, type LevelState, type LevelTransition } from './rules/levelRule.ts';
import type { LevelRule, Measured, Notice } from './rules/rule.ts';

/** The chat states of one rule on one source, as a step reads them. */
export interface SourceStates {
  /** The chats whose state is not quiet. */
  readonly active: ReadonlyMap<number, LevelState>;
  /** A chat's stored state (undefined: never stored). */
  get(subscriptionId: number): LevelState | undefined;
}

/** The chat states a step reads, per (rule, source). */
export interface ChatStateView {
  ofSource(rule: string, sourceId: string): SourceStates;
}

/** A message to one or many chats: the reply is shared by the chats of a language, the key names the chat. */
export interface ChatNotice {
  /** The outbox idempotency key for one subscription. */
  readonly key: (subscriptionId: number) => string;
  /** What it is about, as a chat mutes it: the rule's name and the source. */
  readonly rule: string;
  readonly sourceId: string;
  /** The reply in a language (with its buttons), built once per language. */
  readonly reply: (locale: Locale) => Reply;
}

/**
 * What a cycle does to every chat that shares one (rule, source, threshold group, stored state): at most one
 * state to write and one message. Decided once and shared by those chats, so a step costs one small record per
 * chat it touches and nothing per chat it leaves alone.
 */
export interface Outcome {
  /** The rule's place in the rule list: where the message goes among a chat's messages of the cycle. */
  readonly order: number;
  readonly write?: { readonly rule: string; readonly sourceId: string; readonly state: LevelState };
  readonly message?: ChatNotice;
}

/** An outcome for one alerts chat. */
export interface ChatOutcome {
  readonly chat: AlertChat;
  readonly outcome: Outcome;
}

const NOTHING: Outcome = { order: 0 };

/**
 * One level rule over every chat: each source's measure is taken once per threshold group; a group whose measure
 * is below its warning leaves its quiet chats alone (stepping would not change them), so only the chats of a
 * group at or past its warning and the chats with a state in progress are stepped. A stored state object is
 * stepped once per group (chats stepped alike share their state object, src/alerts/alertStates.ts), and its
 * message is built once. Pure: states in, outcomes appended to `out`.
 */
export function stepLevelRule<F>(rule: LevelRule<F>, order: number, measured: readonly Measured<F>[], chats: ChatGroups, states: ChatStateView, now: number, out: ChatOutcome[]): void {
  for (const m of measured) {
    const source = states.ofSource(rule.name, m.sourceId);
    const levels = new Map<ChatGroup, GroupLevels>();
    const levelsOf = (group: ChatGroup): GroupLevels => {
      let l = levels.get(group);
      if (!l) levels.set(group, (l = { ...rule.value(group.thresholds, m.facts), params: rule.params(group.thresholds, m.facts), outcomes: new Map() }));
      return l;
    };
    const outcomeOf = (group: ChatGroup, stored: LevelState | undefined): Outcome => {
      const l = levelsOf(group);
      let outcome = l.outcomes.get(stored);
      if (outcome) return outcome;
      const result = stepLevel(stored ?? initialLevelState, l.measure, l.params, now, l.reading);
      const changed = JSON.stringify(result.state) !== JSON.stringify(stored);
      const transition = result.transition;
      const suffix = transition && `:${rule.name}:${m.sourceId}:${result.state.seq}:${transition.kind}:${transition.to}`;
      outcome =
        !changed && !transition
          ? NOTHING
          : {
              order,
              ...(changed ? { write: { rule: rule.name, sourceId: m.sourceId, state: result.state } } : {}),
              ...(transition ? { message: levelMessage(rule, m, group, transition, now, (id) => `alert:${id}${suffix}`) } : {}),
            };
      l.outcomes.set(stored, outcome);
      return outcome;
    };
    const stepChat = (chat: AlertChat, stored: LevelState | undefined) => {
      const outcome = outcomeOf(chat.group, stored);
      if (outcome !== NOTHING) out.push({ chat, outcome });
    };
    const crossing = (group: ChatGroup) => {
      const l = levelsOf(group);
      return l.measure >= l.params.warning;
    };
    for (const group of chats.groups) {
      if (!crossing(group)) continue;
      for (const chat of group.chats) if (wants(chat, m.names, m.byNameOnly)) stepChat(chat, source.get(chat.id));
    }
    source.active.forEach((stored, id) => {
      const chat = chats.byId.get(id);
      if (chat && !crossing(chat.group) && wants(chat, m.names, m.byNameOnly)) stepChat(chat, stored);
    });
  }
}

/** One group's levels for one source this cycle, and the outcome of each stored state stepped so far. */
interface GroupLevels {
  readonly measure: number;
  readonly reading: number;
  readonly params: LevelParams;
  readonly outcomes: Map<LevelState | undefined, Outcome>;
}

/** A level rule's transition as a message, in the language each chat asks it in. */
function levelMessage<F>(rule: LevelRule<F>, m: Measured<F>, group: ChatGroup, transition: LevelTransition, now: number, key: (id: number) => string): ChatNotice {
  const reply = perLanguage(rule.name, m.sourceId, (t) => rule.message(transition, m.facts, group.thresholds, now, t));
  return { key, rule: rule.name, sourceId: m.sourceId, reply };
}

/** Notices of the rule `rule` to every chat that wants their source. */
export function noticeOutcomes(rule: string, notices: readonly Notice[], order: number, chats: ChatGroups, out: ChatOutcome[]): void {
  if (notices.length === 0) return;
  const outcomes = notices.map((n): Outcome => ({ order, message: { key: n.key, rule, sourceId: n.sourceId, reply: perLanguage(rule, n.sourceId, n.reply) } }));
  chats.byId.forEach((chat) => {
    notices.forEach((n, i) => {
      if (wants(chat, n.names, n.byNameOnly)) out.push({ chat, outcome: outcomes[i]! });
    });
  });
}
