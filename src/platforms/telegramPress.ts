import type { Bot, Context } from 'grammy';
import type { CommandContext } from '../../commands/command.ts';
import type { CommandGate } from '../../commands/commandGate.ts';
import { commandNameOf, handleCommandText } from '../../commands/registry.ts';
import type { ExpiringCache } from '../core/expiringCache.ts';
import { decodeAction } from '../vocabulary/actionData.ts';
import type { Reply } from '../vocabulary/reply.ts';
import { telegramCommandContext, telegramTranslator } from './telegramChat.ts';
import { callbackAnswerText, editTelegramReply, sendTelegramReply } from './telegramReplies.ts';

export interface TelegramPressOptions {
  readonly context: CommandContext;
  readonly gate: CommandGate;
  readonly adminCache: ExpiringCache<boolean>;
}

/**
 * Answers presses of the inline buttons under the bot's replies (callback_query updates). The button's data is
 * a command line (src/vocabulary/actionData.ts), run exactly as if the presser had typed it in that chat: the
 * same gate and rate limit, the same admin lookup for a command that changes settings. Its answer edits the
 * message under the button (`edit`) or comes as a new message; a mistake or refusal is shown to the presser
 * alone (the query's pop-up). The query is always answered, so the client's spinner stops; a failure inside
 * reaches the bot's one catch like a typed command's.
 */
export function handleTelegramPresses(bot: Bot, options: TelegramPressOptions): void {
  bot.on('callback_query:data', async (ctx) => {
    const decoded = decodeAction(ctx.callbackQuery.data);
    if (!decoded.ok) {
      const t = telegramTranslator(ctx, options.context);
      await ctx.answerCallbackQuery({ text: decoded.reason === 'stale' ? t('button-stale') : t('button-invalid'), show_alert: true });
      return;
    }
    const command = commandNameOf(decoded.command, ctx.me.username) ?? '';
    const request = { platform: 'telegram' as const, userId: ctx.from.id, command, answerEveryRefusal: true, language: () => telegramTranslator(ctx, options.context) };
    const reply = await options.gate.serve(
      request,
      (context) => handleCommandText(decoded.command, context, ctx.me.username),
      () => telegramCommandContext(ctx, command, options.context, options.adminCache),
    );
    if (!reply) return void (await ctx.answerCallbackQuery());
    if (reply.kind === 'usage') return void (await ctx.answerCallbackQuery({ text: callbackAnswerText(reply), show_alert: true }));
    // Answered first: the spinner stops while the (perhaps slower) message goes out.
    await ctx.answerCallbackQuery();
    await (decoded.edit ? editTelegramReply(ctx, ctx.callbackQuery.message, reply) : sendTelegramReply(ctx, reply));
  });
  // A button without data (a game's) is none of ours; answered so the client does not wait.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());
}

/**
 * The answer to a press whose command failed: the failure reply (with its reference) privately, as any usage
 * reply. False when the update is no press, or its query was answered already (then the chat gets the reply).
 */
export async function answerFailedPress(ctx: Context, failure: Reply): Promise<boolean> {
  if (!ctx.callbackQuery) return false;
  return ctx.answerCallbackQuery({ text: callbackAnswerText(failure), show_alert: true }).then(
    () => true,
    () => false,
  );
}
