import type { ChatInfo, CommandContext } from '../../commands/command.ts';
import { translator, type Translator } from '../i18n/translator.ts';
import { chatLocale } from '../subscriptions/chatLocale.ts';

/** The translator of a chat's language: chosen with /lang, else a private chat's client language, else English. */
export const chatTranslator = (base: CommandContext, chat: Parameters<typeof chatLocale>[1]): Translator => translator(chatLocale(base.subscriptions?.store, chat));

/** The command context for one chat: the chat, and its language. */
export const withChat = (base: CommandContext, chat: ChatInfo): CommandContext => ({ ...base, chat, t: chatTranslator(base, chat) });
