import type { ChatInfo, CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { chatThresholds } from '../../src/alerts/rules/ruleParams.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { translator } from '../../src/i18n/translator.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { chatLocale } from '../../src/subscriptions/chatLocale.ts';
import type { SubscriptionService } from '../../src/subscriptions/subscriptionService.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { context as fixtureContext } from '../commands/snapshotFixture.ts';

/** A chat of the tests: private (its own admin) unless told, on Telegram unless told. */
export type TestChat = Partial<Omit<ChatInfo, 'isAdmin'>> & { readonly admin?: boolean };

/**
 * The subscription commands on a real SQLite store, with the config's thresholds and the chat's overrides as the
 * alert engine merges them, and each command answered in the chat's language as the platforms choose it
 * (chatLocale: chosen with /lang, else a private chat's client language, else English).
 */
export function subscriptionChats() {
  const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
  const store: Storage = openSqliteStore(':memory:');
  const service: SubscriptionService = {
    store: store.subscriptions,
    openAlerts: () => [],
    thresholds: (chat) => chatThresholds(config.alerts, store.subscriptions.overrides(chat.platform, chat.chatId)),
    heldReadings: () => [],
    digestDefaults: { time: '09:00', timeZone: 'UTC' },
  };
  const chatOf = (c: TestChat = {}): ChatInfo => ({
    platform: c.platform ?? 'telegram',
    chatId: c.chatId ?? '42',
    userId: c.userId ?? '42',
    kind: c.kind ?? 'private',
    isAdmin: () => c.admin ?? true,
    ...(c.languageTag === undefined ? {} : { languageTag: c.languageTag }),
  });
  const contextOf = (c: TestChat = {}): CommandContext => {
    const chat = chatOf(c);
    return { ...fixtureContext, chat, subscriptions: service, t: translator(chatLocale(store.subscriptions, chat)) };
  };
  /** The reply to a command line (typed, or a button's command). */
  const reply = (text: string, c: TestChat = {}): Reply => handleCommandText(text, contextOf(c))!;
  /** The reply as the console prints it (no markup). */
  const say = (text: string, c: TestChat = {}): string => renderText(reply(text, c));
  return { config, store, service, subscriptions: store.subscriptions, contextOf, reply, say, close: () => store.close() };
}

/** No message id shows through: an id of this part's messages would read `sub-…`, `digest-…`, `alerts-…`. */
export const LEAKED_ID = /\b(?:sub|digest|alerts|cmd|level|open-alerts?)-[a-z]/;
