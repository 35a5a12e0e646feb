import type { Config } from '../config/configSchema.ts';
import { PLATFORMS } from '../vocabulary/platform.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locale.ts';
import { chatKey, type AlertMute, type RuleOverrides, type Subscription } from '../store/subscriptionStore.ts';
import { chatThresholds, type ChatThresholds } from './rules/ruleParams.ts';

/**
 * An alerts subscription as the engine keeps it between cycles: only what a step and a message row need, and
 * its group. Kept for every alerts chat (100,000 of them are a busy deployment), so kept small.
 */
export interface AlertChat extends Pick<Subscription, 'id' | 'platform' | 'chatId' | 'assets'> {
  readonly group: ChatGroup;
  /** The language its messages are written in: the one the chat chose (or its client's), else English. */
  readonly locale: Locale;
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
  /** The mutes of the chats that have any, by subscription id (each ends at its `until`). */
  readonly mutes: ReadonlyMap<number, readonly AlertMute[]>;
}

/** The chats' settings beside their thresholds: chosen languages and running mutes, by `platform:chatId`. */
export interface ChatSettings {
  readonly languages: ReadonlyMap<string, Locale>;
  readonly mutes: ReadonlyMap<string, readonly AlertMute[]>;
}

const NO_SETTINGS: ChatSettings = { languages: new Map(), mutes: new Map() };

const NO_ASSETS: readonly string[] = Object.freeze([]);

/**
 * Groups the active alerts subscriptions by the thresholds in force for them (the config's defaults with the
 * chat's overrides): most chats keep the defaults and share one group.
 */
export function chatGroups(
  alerts: Config['alerts'],
  subscriptions: readonly Subscription[],
  overrides: ReadonlyMap<string, RuleOverrides>,
  settings: ChatSettings = NO_SETTINGS,
): ChatGroups {
  const byThresholds = new Map<string, { thresholds: ChatThresholds; chats: AlertChat[] }>();
  const byId = new Map<number, AlertChat>();
  const mutes = new Map<number, readonly AlertMute[]>();
  for (const s of subscriptions) {
    const key = chatKey(s.platform, s.chatId);
    const thresholds = chatThresholds(alerts, overrides.get(key) ?? {});
    const thresholdsKey = JSON.stringify(thresholds);
    let group = byThresholds.get(thresholdsKey);
    if (!group) byThresholds.set(thresholdsKey, (group = { thresholds, chats: [] }));
    // Each row read brings its own copy of the platform's name and an empty list: one of each is kept.
    const platform = PLATFORMS.find((p) => p === s.platform) ?? s.platform;
    const chosen = settings.languages.get(key);
    const locale = LOCALES.find((l) => l === chosen) ?? DEFAULT_LOCALE;
    const chat: AlertChat = { id: s.id, platform, chatId: s.chatId, assets: s.assets.length === 0 ? NO_ASSETS : s.assets, group, locale };
    group.chats.push(chat);
    byId.set(s.id, chat);
    const muted = settings.mutes.get(key);
    if (muted && muted.length > 0) mutes.set(s.id, muted);
  }
  return { groups: [...byThresholds.values()], byId, mutes };
}

/**
 * Whether a chat muted `rule` about `sourceId` at `now` (a mute ends at its `until`, with no write). Source ids
 * compare without case, as a chat may type them.
 */
export function isMuted(chats: ChatGroups, subscriptionId: number, rule: string, sourceId: string, now: number): boolean {
  const muted = chats.mutes.get(subscriptionId);
  if (muted === undefined) return false;
  const source = sourceId.toLowerCase();
  return muted.some((m) => m.until > now && m.rule === rule && m.sourceId.toLowerCase() === source);
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
