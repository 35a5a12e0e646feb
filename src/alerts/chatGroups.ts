import type { Config } from '../config/configSchema.ts';
import { PLATFORMS } from '../vocabulary/platform.ts';
import { chatKey, type RuleOverrides, type Subscription } from '../store/subscriptionStore.ts';
import { chatThresholds, type ChatThresholds } from './rules/ruleParams.ts';

/**
 * An alerts subscription as the engine keeps it between cycles: only what a step and a message row need, and
 * its group. Kept for every alerts chat (100,000 of them are a busy deployment), so kept small.
 */
export interface AlertChat extends Pick<Subscription, 'id' | 'platform' | 'chatId' | 'assets'> {
  readonly group: ChatGroup;
}

/** Alerts subscriptions whose effective thresholds are the same: a rule's condition is decided once for all of them. */
export interface ChatGroup {
  readonly thresholds: ChatThresholds;
  readonly chats: readonly AlertChat[];
}

/** Every active alerts subscription in its group, and each one by subscription id. */
export interface ChatGroups {
  readonly groups: readonly ChatGroup[];
  readonly byId: ReadonlyMap<number, AlertChat>;
}

const NO_ASSETS: readonly string[] = Object.freeze([]);

/**
 * Groups the active alerts subscriptions by the thresholds in force for them (the config's defaults with the
 * chat's overrides): most chats keep the defaults and share one group.
 */
export function chatGroups(alerts: Config['alerts'], subscriptions: readonly Subscription[], overrides: ReadonlyMap<string, RuleOverrides>): ChatGroups {
  const byThresholds = new Map<string, { thresholds: ChatThresholds; chats: AlertChat[] }>();
  const byId = new Map<number, AlertChat>();
  for (const s of subscriptions) {
    const thresholds = chatThresholds(alerts, overrides.get(chatKey(s.platform, s.chatId)) ?? {});
    const key = JSON.stringify(thresholds);
    let group = byThresholds.get(key);
    if (!group) byThresholds.set(key, (group = { thresholds, chats: [] }));
    // Each row read brings its own copy of the platform's name and an empty list: one of each is kept.
    const platform = PLATFORMS.find((p) => p === s.platform) ?? s.platform;
    const chat: AlertChat = { id: s.id, platform, chatId: s.chatId, assets: s.assets.length === 0 ? NO_ASSETS : s.assets, group };
    group.chats.push(chat);
    byId.set(s.id, chat);
  }
  return { groups: [...byThresholds.values()], byId };
}

/** The asset that keeps "everything" in a list that also names single sequencers (`/subscribe alerts sequencer …`). */
export const EVERYTHING = 'all';

/**
 * Whether a subscription wants a source: it names one of the source's names, or it wants everything (no names, or
 * `all`) and the source is not one that goes only to chats that named it.
 */
export const wants = (subscription: Pick<Subscription, 'assets'>, names: readonly string[], byNameOnly = false): boolean =>
  (!byNameOnly && (subscription.assets.length === 0 || subscription.assets.includes(EVERYTHING))) ||
  subscription.assets.some((a) => names.includes(a.toLowerCase()));
