import { Bot, GrammyError, HttpError, InputFile } from 'grammy';
import type { CommandContext, CommandDefinition } from '../../commands/command.ts';
import { createCommandGate, type CommandGate } from '../../commands/commandGate.ts';
import { commandNameOf, handleCommandText } from '../../commands/registry.ts';
import type { Logger } from '../log/logger.ts';
import { renderTelegram } from './renderTelegramHtml.ts';
import { telegramCommandContext } from './telegramChat.ts';

export interface TelegramOptions {
  readonly token: string;
  /** A self-hosted Bot API server (TELEGRAM_API_ROOT); Telegram's own when absent. */
  readonly apiRoot?: string;
  readonly commands: readonly CommandDefinition[];
  readonly context: CommandContext;
  readonly logger: Logger;
  /** Rate limit and accounting of commands (the app's, shared by every platform); a default one when absent. */
  readonly gate?: CommandGate;
}

export interface TelegramBot {
  /** Checks the token, publishes the command list and starts long polling; resolves once polling runs. */
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly bot: Bot;
}

/** Telegram's command list from the same definitions the parser uses. */
export function telegramCommandList(commands: readonly CommandDefinition[]) {
  return commands.map((c) => ({ command: c.name, description: c.description.slice(0, 256) }));
}

/**
 * The Telegram adapter (grammY, long polling). It only translates: text in, the neutral reply rendered
 * as HTML out. One catch logs whatever fails; nothing a user or the Bot API does can stop the process.
 */
export function createTelegramBot(options: TelegramOptions): TelegramBot {
  const bot = new Bot(options.token, options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {});
  const { logger } = options;
  const gate = options.gate ?? createCommandGate();

  // Channel posts too: only a channel's admins can post there, so they may subscribe it.
  bot.on(['message:text', 'channel_post:text'], async (ctx) => {
    const command = commandNameOf(ctx.msg.text, ctx.me.username);
    if (command === undefined) return; // chatter, or a command for another bot: not ours, not counted
    const request = { platform: 'telegram' as const, userId: ctx.from?.id ?? ctx.chat.id, command };
    const context = await telegramCommandContext(ctx, command, options.context);
    const reply = await gate.serve(request, () => handleCommandText(ctx.msg.text, context, ctx.me.username));
    if (!reply) return;
    for (const message of renderTelegram(reply)) {
      if (message.kind === 'photo') {
        await ctx.replyWithPhoto(new InputFile(message.png, message.filename), { caption: message.captionHtml, parse_mode: 'HTML' });
      } else await ctx.reply(message.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    }
  });

  bot.catch((err) => {
    const cause = err.error;
    const fields = { chat: err.ctx.chat?.id, update: err.ctx.update.update_id };
    if (cause instanceof GrammyError) logger.warn('Bot API refused a call', { ...fields, method: cause.method, code: cause.error_code, description: cause.description });
    else if (cause instanceof HttpError) logger.warn('Bot API unreachable', { ...fields, error: cause.message });
    else logger.error('command handler failed', { ...fields, error: cause });
  });

  let polling: Promise<void> | undefined;
  return {
    bot,
    async start() {
      await bot.init(); // fails fast on a wrong token
      await bot.api.setMyCommands(telegramCommandList(options.commands)).catch((error: unknown) => {
        logger.warn('could not publish the command list', { error });
      });
      await new Promise<void>((resolve, reject) => {
        polling = bot.start({ onStart: () => resolve(), drop_pending_updates: false }).catch((error: unknown) => {
          logger.error('Telegram polling stopped', { error });
          reject(error);
        });
      });
      logger.info('Telegram bot polling', { username: bot.botInfo.username });
    },
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await polling?.catch(() => {});
    },
  };
}
