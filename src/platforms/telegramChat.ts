import type { Context } from 'grammy';
import type { ChatInfo, CommandContext } from '../../commands/command.ts';
import { findCommand } from '../../commands/registry.ts';

const ADMIN_STATUSES: ReadonlySet<string> = new Set(['creator', 'administrator']);

/**
 * The command context for one Telegram message: who sent it, in which chat, and, for a command that may
 * change settings in a group, whether the sender is an administrator or the creator (one getChatMember).
 * An anonymous admin posts as the group itself (sender_chat = the chat) and counts as admin.
 */
export async function telegramCommandContext(ctx: Context, commandName: string, base: CommandContext): Promise<CommandContext> {
  const chat = ctx.chat;
  if (!chat) return base;
  const kind: ChatInfo['kind'] = chat.type === 'private' ? 'private' : chat.type === 'channel' ? 'channel' : 'group';
  let admin = kind !== 'group';
  if (kind === 'group' && findCommand(commandName)?.mutates) {
    if (ctx.senderChat?.id === chat.id) admin = true;
    else if (ctx.from) {
      try {
        const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
        admin = ADMIN_STATUSES.has(member.status);
      } catch {
        admin = false; // cannot tell: refuse the change, never allow it
      }
    }
  }
  const info: ChatInfo = { platform: 'telegram', chatId: String(chat.id), userId: String(ctx.from?.id ?? chat.id), kind, isAdmin: () => admin };
  return { ...base, chat: info };
}
