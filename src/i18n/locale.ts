/** The languages the bot speaks; English is the default and the fallback. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** What `/lang` accepts for each language (lower case). */
const WORDS: Readonly<Record<string, Locale>> = { en: 'en', english: 'en', zh: 'zh-CN', 'zh-cn': 'zh-CN', 'zh-hans': 'zh-CN', 中文: 'zh-CN', 简体中文: 'zh-CN' };

/** The short word `/lang` shows for a language. */
export const localeWord = (locale: Locale): string => (locale === 'zh-CN' ? 'zh' : 'en');

/** A word typed to `/lang` (`en`, `zh`, `zh-CN`, `中文`), or undefined. */
export function localeOfWord(word: string): Locale | undefined {
  return WORDS[word.trim().toLowerCase()];
}

/**
 * The language for a client's language tag (Telegram's `language_code`, Discord's `locale`): any Chinese tag
 * gets zh-CN (the one Chinese the bot has), anything else English; undefined when there is no tag.
 */
export function localeOfTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  return /^zh(\b|[-_])/i.test(tag) ? 'zh-CN' : 'en';
}

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
