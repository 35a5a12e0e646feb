import { DEFAULT_LOCALE, localeOfTag, type Locale } from '../i18n/locale.ts';
import type { SubscriptionStore } from '../store/subscriptionStore.ts';
import type { Platform } from '../vocabulary/platform.ts';

/**
 * The language a chat is answered in: the one it chose with /lang; else, in a private chat, the person's own
 * client language (Telegram's language_code, Discord's locale); else English. A group never follows one
 * member's client: its admins choose.
 */
export function chatLocale(store: Pick<SubscriptionStore, 'language'> | undefined, chat: { readonly platform: Platform; readonly chatId: string; readonly kind: 'private' | 'group' | 'channel'; readonly languageTag?: string }): Locale {
  return store?.language(chat.platform, chat.chatId) ?? (chat.kind === 'private' ? localeOfTag(chat.languageTag) : undefined) ?? DEFAULT_LOCALE;
}
