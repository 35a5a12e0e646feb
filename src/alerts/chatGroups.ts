import type { Config } from '../config/configSchema.ts';
import { chatKey, type RuleOverrides, type Subscription } from '../store/subscriptionStore.ts';
import { chatThresholds, type ChatThresholds } from './rules/ruleParams.ts';

/** Alerts subscriptions whose effective thresholds are the same: a rule's condition is decided once for all of them. */
export interface ChatGroup {
  readonly thresholds: ChatThresholds;
  readonly subscriptions: readonly Subscription[];
}

/** Every active alerts subscription in its group, and each one's group by subscription id. */
export interface ChatGroups {
  readonly groups: readonly ChatGroup[];
  readonly byId: ReadonlyMap<number, { readonly subscription: Subscription; readonly group: ChatGroup }>;
}

/**
 * Groups the active alerts subscriptions by the thresholds in force for them (the config's defaults with the
 * chat's overrides): most chats keep the defaults and share one group.
 */
export function chatGroups(alerts: Config['alerts'], subscriptions: readonly Subscription[], overrides: ReadonlyMap<string, RuleOverrides>): ChatGroups {
  const byThresholds = new Map<string, { thresholds: ChatThresholds; subscriptions: Subscription[] }>();
  for (const subscription of subscriptions) {
    const thresholds = chatThresholds(alerts, overrides.get(chatKey(subscription.platform, subscription.chatId)) ?? {});
    const key = JSON.stringify(thresholds);
    let group = byThresholds.get(key);
    if (!group) byThresholds.set(key, (group = { thresholds, subscriptions: [] }));
    group.subscriptions.push(subscription);
  }
  const groups = [...byThresholds.values()];
  const byId = new Map(groups.flatMap((group) => group.subscriptions.map((subscription) => [subscription.id, { subscription, group }] as const)));
  return { groups, byId };
}

/** The asset that keeps "everything" in a list that also names single sequencers (`/subscribe alerts sequencer …`). */
export const EVERYTHING = 'all';

/**
 * Whether a subscription wants a source: it names one of the source's names, or it wants everything (no names, or
 * `all`) and the source is not one that goes only to chats that named it.
 */
export const wants = (subscription: Subscription, names: readonly string[], byNameOnly = false): boolean =>
  (!byNameOnly && (subscription.assets.length === 0 || subscription.assets.includes(EVERYTHING))) ||
  subscription.assets.some((a) => names.includes(a.toLowerCase()));
