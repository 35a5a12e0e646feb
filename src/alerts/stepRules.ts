import type { Reply } from '../shared/reply.ts';
import type { NewOutboxMessage } from '../store/outboxStore.ts';
import type { Subscription } from '../store/subscriptionStore.ts';
import { chatRecord, type StateWrite } from './alertStates.ts';
import { wants, type ChatGroup, type ChatGroups } from './chatGroups.ts';
import { initialLevelState, stepLevel, type LevelParams, type LevelState } from './rules/levelRule.ts';
import type { LevelRule, Measured, Notice } from './rules/rule.ts';

/** The chat states a step reads: the not-quiet ones of a (rule, source), and any one chat's stored state. */
export interface ChatStateView {
  activeChats(rule: string, sourceId: string): ReadonlyMap<number, LevelState>;
  chat(rule: string, sourceId: string, subscriptionId: number): LevelState | undefined;
}

/** A message for one subscription, with where it goes among that chat's messages of the cycle. */
export interface ChatMessage {
  readonly subscriptionId: number;
  /** The rule's place in the rule list. */
  readonly order: number;
  readonly message: NewOutboxMessage;
}

/** What one rule's step decided: state changes and messages. */
export interface RuleStep {
  readonly writes: StateWrite[];
  readonly messages: ChatMessage[];
}

const toChat = (subscription: Subscription, key: string, reply: Reply): NewOutboxMessage => ({
  key,
  platform: subscription.platform,
  chatId: subscription.chatId,
  subscriptionId: subscription.id,
  reply,
});

/**
 * One level rule over every chat: each source's measure is taken once per threshold group; a group whose measure
 * is below its warning leaves its quiet chats alone (stepping would not change them), so only the chats of a
 * group at or past its warning and the chats with a state in progress are stepped. Pure: states in, changes out.
 */
export function stepLevelRule<F>(rule: LevelRule<F>, order: number, measured: readonly Measured<F>[], chats: ChatGroups, states: ChatStateView, now: number): RuleStep {
  const step: RuleStep = { writes: [], messages: [] };
  for (const m of measured) {
    const levels = new Map<ChatGroup, { measure: number; reading: number; params: LevelParams }>();
    const levelsOf = (group: ChatGroup) => {
      let l = levels.get(group);
      if (!l) levels.set(group, (l = { ...rule.value(group.thresholds, m.facts), params: rule.params(group.thresholds, m.facts) }));
      return l;
    };
    const stepChat = (subscription: Subscription, group: ChatGroup) => {
      const { measure, reading, params } = levelsOf(group);
      const stored = states.chat(rule.name, m.sourceId, subscription.id);
      const result = stepLevel(stored ?? initialLevelState, measure, params, now, reading);
      if (JSON.stringify(result.state) !== JSON.stringify(stored)) step.writes.push(chatRecord(subscription.id, rule.name, m.sourceId, result.state));
      if (!result.transition) return;
      const key = `alert:${subscription.id}:${rule.name}:${m.sourceId}:${result.state.seq}:${result.transition.kind}:${result.transition.to}`;
      step.messages.push({ subscriptionId: subscription.id, order, message: toChat(subscription, key, rule.message(result.transition, m.facts, group.thresholds, now)) });
    };
    const crossing = (group: ChatGroup) => {
      const l = levelsOf(group);
      return l.measure >= l.params.warning;
    };
    for (const group of chats.groups) {
      if (!crossing(group)) continue;
      for (const subscription of group.subscriptions) if (wants(subscription, m.names, m.byNameOnly)) stepChat(subscription, group);
    }
    for (const id of states.activeChats(rule.name, m.sourceId).keys()) {
      const chat = chats.byId.get(id);
      if (chat && !crossing(chat.group) && wants(chat.subscription, m.names, m.byNameOnly)) stepChat(chat.subscription, chat.group);
    }
  }
  return step;
}

/** Notices to every chat that wants their source. */
export function noticeMessages(notices: readonly Notice[], order: number, chats: ChatGroups): ChatMessage[] {
  if (notices.length === 0) return [];
  const messages: ChatMessage[] = [];
  for (const { subscription } of chats.byId.values()) {
    for (const n of notices) if (wants(subscription, n.names, n.byNameOnly)) messages.push({ subscriptionId: subscription.id, order, message: toChat(subscription, n.key(subscription.id), n.reply) });
  }
  return messages;
}
