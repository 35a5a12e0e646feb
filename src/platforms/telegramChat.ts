import type { Context } from 'grammy';
import type { ChatInfo, CommandContext } from '../../commands/command.ts';
import { findCommand } from '../../commands/registry.ts';
import { ExpiringCache } from '../core/expiringCache.ts';
import type { Translator } from '../i18n/translator.ts';
import { chatTranslator, withChat } from './chatLanguage.ts';

const ADMIN_STATUSES: ReadonlySet<string> = new Set(['creator', 'administrator']);

/** How long a getChatMember answer is trusted. */
export const ADMIN_STATUS_TTL_MS = 60_000;

/**
 * Admin status per (chat, user) for a minute, at most 10,000 pairs. A chat's admin list rarely changes, and
 * acting on a stale answer for at most a minute is accepted: a demoted admin may still change the chat's
 * subscriptions for that minute (nothing worse: only subscriptions and thresholds), a promoted one waits that
 * long. Without it every settings command costs a Bot API call against the bot's own limits.
 */
export function createAdminStatusCache(now?: () => number): ExpiringCache<boolean> {
  return new ExpiringCache<boolean>({ ttlMs: ADMIN_STATUS_TTL_MS, maxEntries: 10_000, ...(now ? { now } : {}) });
}

/**
 * The command context for one Telegram message: who sent it, in which chat, and, for a command that may
 * change settings in a group, whether the sender is an administrator or the creator (one getChatMember,
 * remembered in `adminCache` when given; a failed lookup is not remembered).
 * An anonymous admin posts as the group itself (sender_chat = the chat) and counts as admin.
 */
export async function telegramCommandContext(ctx: Context, commandName: string, base: CommandContext, adminCache?: ExpiringCache<boolean>): Promise<CommandContext> {
  const chat = ctx.chat;
  if (!chat) return base;
  const kind = chatKind(chat.type);
  let admin = kind !== 'group';
  if (kind === 'group' && findCommand(commandName)?.mutates) {
    if (ctx.senderChat?.id === chat.id) admin = true;
    else if (ctx.from) {
      const key = `${chat.id}:${ctx.from.id}`;
      const known = adminCache?.get(key);
      if (known !== undefined) admin = known;
      else {
        try {
          const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
          admin = ADMIN_STATUSES.has(member.status);
          adminCache?.set(key, admin);
        } catch {
          admin = false; // cannot tell: refuse the change, never allow it
        }
      }
    }
  }
  const languageTag = ctx.from?.language_code;
  const info: ChatInfo = { platform: 'telegram', chatId: String(chat.id), userId: String(ctx.from?.id ?? chat.id), kind, isAdmin: () => admin, ...(languageTag ? { languageTag } : {}) };
  return withChat(base, info);
}

const chatKind = (type: string): ChatInfo['kind'] => (type === 'private' ? 'private' : type === 'channel' ? 'channel' : 'group');

/**
 * The language of the update's chat, without the admin lookup a command may need (for the adapter's own
 * sentences, such as the answer to a stale button): chosen with /lang, else a private chat's client language.
 */
export function telegramTranslator(ctx: Context, base: CommandContext): Translator {
  const chat = ctx.chat;
  const languageTag = ctx.from?.language_code;
  const info = { platform: 'telegram' as const, chatId: String(chat?.id ?? ''), kind: chatKind(chat?.type ?? 'private'), ...(languageTag ? { languageTag } : {}) };
  return chatTranslator(base, info); // without a chat, no chat id has a language: the client's, else English
}
