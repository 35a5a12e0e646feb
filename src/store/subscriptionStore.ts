import type Database from 'better-sqlite3';
import { isLocale, type Locale } from '../i18n/locale.ts';
import type { Platform } from '../vocabulary/platform.ts';

export type SubscriptionKind = 'digest' | 'alerts';

export interface Subscription {
  readonly id: number;
  readonly platform: Platform;
  readonly chatId: string;
  readonly kind: SubscriptionKind;
  /** Digest: local time HH:MM and IANA time zone. */
  readonly digestTime?: string;
  readonly timeZone?: string;
  /** Alerts: the assets (source ids or tokens) the chat wants; empty = all. */
  readonly assets: readonly string[];
  readonly active: boolean;
  readonly createdAt: number;
  /** Set when a failed delivery turned it off (the chat blocked the bot, the channel is gone): when (ms) and the platform's answer. */
  readonly deactivated?: { readonly at: number; readonly reason: string };
}

/** Per-chat rule thresholds that differ from the config's defaults. */
export type RuleOverrides = Readonly<Record<string, number>>;

/** One muted alert of a chat: no message of `rule` about `sourceId` until `until` (ms). */
export interface AlertMute {
  readonly rule: string;
  readonly sourceId: string;
  readonly until: number;
}

/** Who wants what. A small interface so another engine could implement it; SQLite does. */
export interface SubscriptionStore {
  /** Creates or updates (and reactivates) the chat's subscription of that kind. */
  subscribe(s: { platform: Platform; chatId: string; kind: SubscriptionKind; digestTime?: string; timeZone?: string; assets?: readonly string[] }, now: number): Subscription;
  /** Deactivates the chat's subscriptions (of one kind, or all); returns how many were active. */
  unsubscribe(platform: Platform, chatId: string, kind?: SubscriptionKind): number;
  /**
   * The chat can no longer be reached (bot blocked, removed, channel gone): deactivate everything of it,
   * recording when and why (the platform's answer) for /alerts. Returns how many were active.
   */
  deactivateChat(platform: Platform, chatId: string, reason: string, now: number): number;
  forChat(platform: Platform, chatId: string): Subscription[];
  active(kind: SubscriptionKind): Subscription[];
  /** Active digest subscriptions whose next digest is due at `now` (ms) or before: an indexed read (migration 5). */
  dueDigests(now: number): Subscription[];
  /** When (ms) a digest subscription is next worth looking at; a new or changed subscription is due at once. */
  setNextDigestAt(id: number, at: number): void;
  byId(id: number): Subscription | undefined;
  overrides(platform: Platform, chatId: string): RuleOverrides;
  /** Every chat's overrides, by `platform:chatId` (chats without any are absent): one read for the alert engine's index. */
  allOverrides(): Map<string, RuleOverrides>;
  setOverride(platform: Platform, chatId: string, rule: string, value: number): void;
  /** Back to the config's thresholds (every override of the chat removed); returns how many there were. */
  clearOverrides(platform: Platform, chatId: string): number;
  /** The language the chat chose with /lang; undefined when it chose none. */
  language(platform: Platform, chatId: string): Locale | undefined;
  setLanguage(platform: Platform, chatId: string, locale: Locale): void;
  /** Every chat's chosen language, by `platform:chatId` (chats without one are absent). */
  allLanguages(): Map<string, Locale>;
  /** Mutes `rule` about `sourceId` for the chat until `until` (ms), replacing an earlier mute of the same pair. */
  mute(platform: Platform, chatId: string, mute: AlertMute): void;
  /** Ends the chat's mutes (of one rule and source, or all); returns how many were still running at `now`. */
  unmute(platform: Platform, chatId: string, now: number, which?: { readonly rule: string; readonly sourceId: string }): number;
  /** The chat's mutes still running at `now`, soonest end first. */
  mutes(platform: Platform, chatId: string, now: number): AlertMute[];
  /** Every mute still running at `now`, by `platform:chatId`: one read for the alert engine. */
  allMutes(now: number): Map<string, AlertMute[]>;
  /**
   * Counts the writes made through this store (subscribe, unsubscribe, deactivation, overrides): whoever keeps
   * an index of the subscriptions rebuilds it when this moved. Writes through another connection are not seen.
   */
  revision(): number;
}

/** The key `allOverrides` files a chat under. */
export const chatKey = (platform: Platform, chatId: string): string => `${platform}:${chatId}`;

interface SubscriptionRow {
  id: number;
  platform: Platform;
  chat_id: string;
  kind: SubscriptionKind;
  digest_time: string | null;
  time_zone: string | null;
  assets_json: string | null;
  active: number;
  created_at: number;
  deactivated_at: number | null;
  deactivated_reason: string | null;
}

const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  platform: row.platform,
  chatId: row.chat_id,
  kind: row.kind,
  ...(row.digest_time === null ? {} : { digestTime: row.digest_time }),
  ...(row.time_zone === null ? {} : { timeZone: row.time_zone }),
  assets: row.assets_json ? (JSON.parse(row.assets_json) as string[]) : [],
  active: row.active === 1,
  createdAt: row.created_at,
  ...(row.deactivated_at === null ? {} : { deactivated: { at: row.deactivated_at, reason: row.deactivated_reason ?? '' } }),
});

/** The SQLite subscription store, on the history store's connection (migration 1). */
export function createSqliteSubscriptionStore(db: Database.Database): SubscriptionStore {
  const st = {
    upsert: db.prepare(
      `INSERT INTO subscriptions (platform, chat_id, kind, digest_time, time_zone, assets_json, active, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (platform, chat_id, kind) DO UPDATE SET digest_time = excluded.digest_time, time_zone = excluded.time_zone,
         assets_json = excluded.assets_json, active = 1, deactivated_at = NULL, deactivated_reason = NULL, next_digest_at = 0,
         created_at = CASE WHEN subscriptions.active = 1 THEN subscriptions.created_at ELSE excluded.created_at END`,
    ),
    get: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = ?'),
    byId: db.prepare('SELECT * FROM subscriptions WHERE id = ?'),
    unsubscribeKind: db.prepare('UPDATE subscriptions SET active = 0 WHERE platform = ? AND chat_id = ? AND kind = ? AND active = 1'),
    unsubscribeAll: db.prepare('UPDATE subscriptions SET active = 0 WHERE platform = ? AND chat_id = ? AND active = 1'),
    deactivate: db.prepare('UPDATE subscriptions SET active = 0, deactivated_at = ?, deactivated_reason = ? WHERE platform = ? AND chat_id = ? AND active = 1'),
    forChat: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? ORDER BY kind'),
    active: db.prepare('SELECT * FROM subscriptions WHERE kind = ? AND active = 1 ORDER BY id'),
    dueDigests: db.prepare("SELECT * FROM subscriptions WHERE kind = 'digest' AND active = 1 AND next_digest_at <= ? ORDER BY id"),
    setNextDigestAt: db.prepare('UPDATE subscriptions SET next_digest_at = ? WHERE id = ?'),
    overrides: db.prepare('SELECT overrides_json FROM chat_settings WHERE platform = ? AND chat_id = ?'),
    allOverrides: db.prepare('SELECT platform, chat_id, overrides_json FROM chat_settings'),
    setOverrides: db.prepare(
      `INSERT INTO chat_settings (platform, chat_id, overrides_json) VALUES (?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET overrides_json = excluded.overrides_json`,
    ),
    language: db.prepare('SELECT language FROM chat_settings WHERE platform = ? AND chat_id = ?'),
    allLanguages: db.prepare('SELECT platform, chat_id, language FROM chat_settings WHERE language IS NOT NULL'),
    setLanguage: db.prepare(
      `INSERT INTO chat_settings (platform, chat_id, overrides_json, language) VALUES (?, ?, '{}', ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET language = excluded.language`,
    ),
    mute: db.prepare(
      `INSERT INTO alert_mutes (platform, chat_id, rule, source_id, until) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, chat_id, rule, source_id) DO UPDATE SET until = excluded.until`,
    ),
    unmuteOne: db.prepare('DELETE FROM alert_mutes WHERE platform = ? AND chat_id = ? AND rule = ? AND source_id = ? AND until > ?'),
    unmuteAll: db.prepare('DELETE FROM alert_mutes WHERE platform = ? AND chat_id = ? AND until > ?'),
    dropExpiredMutes: db.prepare('DELETE FROM alert_mutes WHERE platform = ? AND chat_id = ? AND until <= ?'),
    mutes: db.prepare('SELECT rule, source_id, until FROM alert_mutes WHERE platform = ? AND chat_id = ? AND until > ? ORDER BY until, rule, source_id'),
    allMutes: db.prepare('SELECT platform, chat_id, rule, source_id, until FROM alert_mutes WHERE until > ? ORDER BY until'),
  };
  type MuteRow = { platform: Platform; chat_id: string; rule: string; source_id: string; until: number };
  const toMute = (r: MuteRow): AlertMute => ({ rule: r.rule, sourceId: r.source_id, until: r.until });
  const overrides = (platform: Platform, chatId: string): RuleOverrides => {
    const row = st.overrides.get(platform, chatId) as { overrides_json: string } | undefined;
    return row ? (JSON.parse(row.overrides_json) as RuleOverrides) : {};
  };
  let revision = 0;
  const changed = <T>(result: T): T => {
    revision++;
    return result;
  };
  return {
    subscribe(s, now) {
      revision++;
      st.upsert.run(s.platform, s.chatId, s.kind, s.digestTime ?? null, s.timeZone ?? null, s.assets && s.assets.length > 0 ? JSON.stringify(s.assets) : null, now);
      return toSubscription(st.get.get(s.platform, s.chatId, s.kind) as SubscriptionRow);
    },
    unsubscribe(platform, chatId, kind) {
      return changed((kind ? st.unsubscribeKind.run(platform, chatId, kind) : st.unsubscribeAll.run(platform, chatId)).changes);
    },
    deactivateChat(platform, chatId, reason, now) {
      return changed(st.deactivate.run(now, reason, platform, chatId).changes);
    },
    forChat(platform, chatId) {
      return (st.forChat.all(platform, chatId) as SubscriptionRow[]).map(toSubscription);
    },
    active(kind) {
      return (st.active.all(kind) as SubscriptionRow[]).map(toSubscription);
    },
    dueDigests(now) {
      return (st.dueDigests.all(now) as SubscriptionRow[]).map(toSubscription);
    },
    setNextDigestAt(id, at) {
      st.setNextDigestAt.run(at, id);
    },
    byId(id) {
      const row = st.byId.get(id) as SubscriptionRow | undefined;
      return row && toSubscription(row);
    },
    overrides,
    allOverrides() {
      const rows = st.allOverrides.all() as { platform: Platform; chat_id: string; overrides_json: string }[];
      return new Map(rows.map((r) => [chatKey(r.platform, r.chat_id), JSON.parse(r.overrides_json) as RuleOverrides]));
    },
    setOverride(platform, chatId, rule, value) {
      changed(st.setOverrides.run(platform, chatId, JSON.stringify({ ...overrides(platform, chatId), [rule]: value })));
    },
    clearOverrides(platform, chatId) {
      const count = Object.keys(overrides(platform, chatId)).length;
      if (count > 0) changed(st.setOverrides.run(platform, chatId, '{}'));
      return count;
    },
    language(platform, chatId) {
      const row = st.language.get(platform, chatId) as { language: string | null } | undefined;
      return isLocale(row?.language) ? row.language : undefined;
    },
    setLanguage(platform, chatId, locale) {
      changed(st.setLanguage.run(platform, chatId, locale));
    },
    allLanguages() {
      const rows = st.allLanguages.all() as { platform: Platform; chat_id: string; language: string }[];
      return new Map(rows.flatMap((r) => (isLocale(r.language) ? [[chatKey(r.platform, r.chat_id), r.language] as const] : [])));
    },
    mute(platform, chatId, m) {
      changed(st.mute.run(platform, chatId, m.rule, m.sourceId, m.until));
    },
    unmute(platform, chatId, now, which) {
      st.dropExpiredMutes.run(platform, chatId, now);
      return changed((which ? st.unmuteOne.run(platform, chatId, which.rule, which.sourceId, now) : st.unmuteAll.run(platform, chatId, now)).changes);
    },
    mutes(platform, chatId, now) {
      return (st.mutes.all(platform, chatId, now) as MuteRow[]).map(toMute);
    },
    allMutes(now) {
      const byChat = new Map<string, AlertMute[]>();
      for (const r of st.allMutes.all(now) as MuteRow[]) {
        const key = chatKey(r.platform, r.chat_id);
        const list = byChat.get(key);
        if (list) list.push(toMute(r));
        else byChat.set(key, [toMute(r)]);
      }
      return byChat;
    },
    revision: () => revision,
  };
}
