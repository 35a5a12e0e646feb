import { Bot, BotError, GrammyError, HttpError, type Context, type Transformer } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import { commandDescription, type CommandContext, type CommandDefinition } from '../../commands/command.ts';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locale.ts';
import { english, translator, type Translator } from '../i18n/translator.ts';
import { createCommandGate, type CommandGate } from '../../commands/commandGate.ts';
import { commandFailure } from '../../commands/failureReply.ts';
import { commandNameOf, handleCommandText } from '../../commands/registry.ts';
import type { TelegramWebhookConfig } from '../config/telegramSchema.ts';
import type { Logger } from '../log/logger.ts';
import { walkCauses } from '../vocabulary/baseError.ts';
import type { PlatformEvents } from './platformSupervisor.ts';
import { telegramReplyRetry } from './telegramReplyRetry.ts';
import { TelegramStartError } from './telegramStartError.ts';
import { createAdminStatusCache, telegramCommandContext, telegramTranslator } from './telegramChat.ts';
import { answerFailedPress, handleTelegramPresses } from './telegramPress.ts';
import { sendTelegramReply as sendReply } from './telegramReplies.ts';
import { createTelegramWebhookEndpoint, type TelegramWebhookEndpoint } from './telegramWebhookEndpoint.ts';
import { noteWebhookBeforePolling, registerWebhook } from './telegramWebhookRegistration.ts';

export interface TelegramOptions {
  readonly token: string;
  /** A self-hosted Bot API server (TELEGRAM_API_ROOT); Telegram's own when absent. */
  readonly apiRoot?: string;
  readonly commands: readonly CommandDefinition[];
  readonly context: CommandContext;
  readonly logger: Logger;
  /** Rate limit and accounting of commands (the app's, shared by every platform); a default one when absent. */
  readonly gate?: CommandGate;
  /** Wall clock for the admin-status cache (unix ms). */
  readonly now?: () => number;
  /**
   * Told when the long poll fails and recovers, and when polling ends by itself (the supervisor's). Without
   * it, failures are only logged and grammY retries the poll every 3 s.
   */
  readonly events?: PlatformEvents;
  /** Retries of an interactive call (a reply, the admin lookup) on 429 and 5xx; default REPLY_RETRY_ATTEMPTS. */
  readonly replyRetryAttempts?: number;
  /** Webhook mode (telegram.webhook and TELEGRAM_WEBHOOK_SECRET); long polling when absent. */
  readonly webhook?: TelegramWebhookConfig & { readonly secret: string };
}

/** What long polling asks for: commands in messages and channel posts, and presses of the reply buttons. */
const POLLED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;

/** Longest wait for one Bot API call (the long poll holds 30 s). */
const CALL_TIMEOUT_SECONDS = 60;

type GrammySignal = Parameters<Bot['api']['getMe']>[0];

export interface TelegramBot {
  /**
   * One attempt: checks the token (one getMe, not retried), publishes the command list and starts long
   * polling, or in webhook mode registers the webhook and opens its endpoint; resolves once updates arrive.
   * Rejects with TelegramStartError when the Bot API refuses the token (401, 404), TelegramWebhookError when
   * it refuses the webhook, grammY's GrammyError for another refusal and HttpError when it cannot be reached.
   * Can be called again after a failure or stop.
   */
  start(signal?: AbortSignal): Promise<void>;
  /**
   * Stops long polling (confirming the updates handled), or closes the webhook endpoint (handling the updates
   * it took; the webhook stays registered, so Telegram keeps the next ones); safe to call when not running.
   */
  stop(): Promise<void>;
  readonly bot: Bot;
  /** The update endpoint in webhook mode, for the HTTP endpoint to serve at its path. */
  readonly webhook?: TelegramWebhookEndpoint;
}

/**
 * A Bot API error that retrying cannot cure: the token is wrong or revoked (401; 404 for a malformed one),
 * or another refusal of getMe. 409 (another poller) and 429 pass with time.
 */
export function isTelegramRejection(error: unknown): boolean {
  if (error instanceof TelegramStartError) return true;
  return error instanceof GrammyError && error.error_code >= 400 && error.error_code < 500 && error.error_code !== 409 && error.error_code !== 429;
}

/**
 * A failure in a few words, never the request URL (it carries the token): the Bot API's code and
 * description, or the network error's code.
 */
export function describeTelegramError(error: unknown): string {
  // A start error may come without its grammY cause (setWebhook's payload carries the secret): then its own words.
  if (error instanceof TelegramStartError) return error.cause instanceof GrammyError ? describeTelegramError(error.cause) : error.message;
  if (error instanceof GrammyError) {
    const hint = error.error_code === 401 ? ' (TELEGRAM_BOT_TOKEN is wrong or was revoked)' : error.error_code === 409 ? ' (another process polls with this token)' : '';
    return `${error.error_code} ${error.description}${hint}`;
  }
  if (error instanceof HttpError) {
    // grammY keeps the network failure in `error`; its code (ECONNREFUSED) sits on it or one of its causes.
    const code = walkCauses(error.error, (e): e is { code: string } => typeof (e as { code?: unknown }).code === 'string')?.code;
    return `${error.message}${code !== undefined ? ` (${code})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Telegram's command list from the same definitions the parser uses, described in one language. */
export function telegramCommandList(commands: readonly CommandDefinition[], t: Translator = english) {
  return commands.map((c) => ({ command: c.name, description: commandDescription(t, c).slice(0, 256) }));
}

/**
 * The command menus to publish: English as the default (no language_code) and one per other language under its
 * ISO 639-1 code, which Telegram matches against each user's client language.
 */
export function telegramCommandMenus(commands: readonly CommandDefinition[]): { readonly languageCode?: string; readonly commands: ReturnType<typeof telegramCommandList> }[] {
  return LOCALES.map((locale) => ({ ...(locale === DEFAULT_LOCALE ? {} : { languageCode: locale.slice(0, 2) }), commands: telegramCommandList(commands, translator(locale)) }));
}

/**
 * The Telegram adapter (grammY, long polling or a webhook). It only translates: text in, the neutral reply
 * rendered as HTML out. One catch logs whatever fails; nothing a user or the Bot API does can stop the process.
 */
export function createTelegramBot(options: TelegramOptions): TelegramBot {
  // 60 s per call, not grammY's 500 s: a connection that went silent is noticed within a long poll (30 s) and a margin.
  const bot = new Bot(options.token, { client: { timeoutSeconds: CALL_TIMEOUT_SECONDS, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) } });
  const { logger } = options;
  const gate = options.gate ?? createCommandGate();
  const adminCache = createAdminStatusCache(options.now);
  bot.api.config.use(telegramReplyRetry(options.replyRetryAttempts));

  // Channel posts too: only a channel's admins can post there, so they may subscribe it.
  bot.on(['message:text', 'channel_post:text'], async (ctx) => {
    const command = commandNameOf(ctx.msg.text, ctx.me.username);
    if (command === undefined) return; // chatter, or a command for another bot: not ours, not counted
    const request = { platform: 'telegram' as const, userId: ctx.from?.id ?? ctx.chat.id, command, language: () => telegramTranslator(ctx, options.context) };
    // The admin lookup (getChatMember) only for a command the rate limit lets through: a flood costs no calls.
    const reply = await gate.serve(
      request,
      (context) => handleCommandText(ctx.msg.text, context, ctx.me.username),
      () => telegramCommandContext(ctx, command, options.context, adminCache),
    );
    if (reply) await sendReply(ctx, reply);
  });
  handleTelegramPresses(bot, { context: options.context, gate, adminCache });

  // One catch for both ways updates arrive: grammY calls bot.catch from its polling loop only, so the webhook
  // endpoint routes a handler's BotError here itself.
  const onBotError = async (err: BotError<Context>): Promise<void> => {
    const cause = err.error;
    const failure = commandFailure(undefined, telegramTranslator(err.ctx, options.context));
    const fields = { chat: err.ctx.chat?.id, update: err.ctx.update.update_id, ref: failure.ref };
    if (cause instanceof GrammyError) logger.warn('Bot API refused a call', { ...fields, method: cause.method, code: cause.error_code, description: cause.description });
    else if (cause instanceof HttpError) logger.warn('Bot API unreachable', { ...fields, error: cause.message });
    else logger.error('command handler failed', { ...fields, error: cause });
    // Not silence: the user is told, as on Discord and the console (a refused reply may fit as this short one).
    // A press's failure goes to the presser alone, as its other usage replies do.
    if (await answerFailedPress(err.ctx, failure.reply)) return;
    if (err.ctx.chat) await sendReply(err.ctx, failure.reply).catch(() => {});
  };
  bot.catch(onBotError);

  const events = options.events;
  if (events) bot.api.config.use(watchLongPoll(bot, events));

  const webhook = options.webhook;
  const endpoint = webhook
    ? createTelegramWebhookEndpoint({ path: webhook.path, secret: webhook.secret, concurrency: webhook.concurrency, maxQueued: webhook.maxQueued, logger, handleUpdate: (update) => bot.handleUpdate(update).catch((error: unknown) => (error instanceof BotError ? onBotError(error) : Promise.reject(error))) })
    : undefined;

  let polling: Promise<void> | undefined;
  return {
    bot,
    ...(endpoint ? { webhook: endpoint } : {}),
    async start(signal) {
      await polling; // a stop still confirming its last updates
      // One getMe, not grammY's init(), which retries a network error without end and in silence.
      const grammySignal = signal as GrammySignal; // grammY types its signal with the abort-controller shim
      if (!bot.isInited()) {
        bot.botInfo = await bot.api.getMe(grammySignal).catch((error: unknown) => {
          // A refused token is said in words main can show without loading grammY.
          throw error instanceof GrammyError && isTelegramRejection(error) ? new TelegramStartError(error.error_code, error.description, { cause: error }) : error;
        });
      }
      for (const menu of telegramCommandMenus(options.commands)) {
        await bot.api.setMyCommands(menu.commands, menu.languageCode ? { language_code: menu.languageCode as LanguageCode } : undefined, grammySignal).catch((error: unknown) => {
          logger.warn('could not publish the command list', { error, language: menu.languageCode ?? 'default' });
        });
      }
      if (webhook && endpoint) {
        await registerWebhook(bot.api, webhook, logger, signal);
        endpoint.open();
        logger.info('Telegram bot on its webhook', { username: bot.botInfo.username, path: webhook.path });
        return;
      }
      await noteWebhookBeforePolling(bot.api, logger, signal);
      let started = false;
      await new Promise<void>((resolve, reject) => {
        // allowed_updates named: Telegram otherwise keeps the last list it was given (a webhook's, perhaps without presses).
        polling = bot.start({ onStart: () => ((started = true), resolve()), drop_pending_updates: false, allowed_updates: POLLED_UPDATES }).then(
          () => reject(new Error('Telegram was stopped before polling started')),
          (error: unknown) => {
            if (!started) return reject(error);
            // A revoked token (401) or another poller (409) ends grammY's loop; the supervisor decides what next.
            if (events) events.lost(error);
            else logger.error('Telegram polling stopped', { error: describeTelegramError(error) });
          },
        );
      });
      logger.info('Telegram bot polling', { username: bot.botInfo.username });
    },
    async stop() {
      await endpoint?.close();
      if (bot.isRunning()) await bot.stop().catch(() => {}); // its last getUpdates may fail while the API is down
      await polling;
      polling = undefined;
    },
  };
}

/**
 * Watches the long poll (getUpdates) from inside grammY's API client: a failure grammY retries by itself (network,
 * 5xx, 429) makes the platform `down` (logged, shown in /healthz) and waits a bounded backoff before grammY's own
 * 3 s; the first answer after it brings it back `up`. 401 and 409 are left to grammY, which ends polling on them.
 */
function watchLongPoll(bot: Bot, events: PlatformEvents): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (error) {
      // Aborted by stop(), or the last confirming call of a stop: not an outage.
      if (signal?.aborted || !bot.isRunning()) throw error;
      events.trouble(error);
      await events.pause(signal as AbortSignal | undefined);
      throw error;
    }
    if (result.ok) events.recovered();
    else if (result.error_code !== 401 && result.error_code !== 409 && bot.isRunning()) {
      events.trouble(new GrammyError("Call to 'getUpdates' failed!", result, 'getUpdates', payload));
      await events.pause(signal as AbortSignal | undefined);
    }
    return result;
  };
}
