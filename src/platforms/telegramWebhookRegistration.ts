import { GrammyError, type Api } from 'grammy';
import type { TelegramWebhookConfig } from '../config/telegramSchema.ts';
import type { Logger } from '../log/logger.ts';
import { BaseError } from '../vocabulary/baseError.ts';
import { TelegramStartError } from './telegramStartError.ts';

type GrammySignal = Parameters<Api['getMe']>[0];

/**
 * Telegram refused setWebhook for a reason other than the token (a URL it cannot reach, a bad certificate).
 * Not a rejection: the supervisor retries it with backoff, as the proxy or DNS in front may come right.
 */
export class TelegramWebhookError extends BaseError {
  override name = 'TelegramWebhookError';
  constructor(
    /** The Bot API's error_code. */
    readonly errorCode: number,
    description: string,
  ) {
    super(`Telegram refused the webhook (setWebhook): ${errorCode} ${description}`);
  }
}

/** What setWebhook is given: the configured webhook and its secret (TELEGRAM_WEBHOOK_SECRET). */
export type WebhookRegistration = Pick<TelegramWebhookConfig, 'url' | 'allowedUpdates' | 'dropPendingUpdates' | 'maxConnections'> & { readonly secret: string };

/**
 * Registers the webhook (setWebhook with its secret, allowed updates, drop flag and connections); Telegram stops
 * answering getUpdates from then on. A refusal of the token is a TelegramStartError, any other refusal a
 * TelegramWebhookError; neither keeps grammY's error, whose payload holds the secret.
 */
export async function registerWebhook(api: Api, registration: WebhookRegistration, logger: Logger, signal?: AbortSignal): Promise<void> {
  const { url, allowedUpdates, dropPendingUpdates, maxConnections } = registration;
  try {
    await api.setWebhook(
      url,
      { secret_token: registration.secret, allowed_updates: allowedUpdates, drop_pending_updates: dropPendingUpdates, max_connections: maxConnections },
      signal as GrammySignal,
    );
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    if (error.error_code === 401 || error.error_code === 404) throw new TelegramStartError(error.error_code, error.description);
    throw new TelegramWebhookError(error.error_code, error.description);
  }
  logger.info('Telegram webhook registered', { url, allowedUpdates, dropPendingUpdates, maxConnections });
}

/**
 * Before long polling: says so when a webhook is still set (the bot ran in webhook mode before). grammY's
 * `bot.start` deletes it (deleteWebhook) on its own, so it is not deleted twice here.
 */
export async function noteWebhookBeforePolling(api: Api, logger: Logger, signal?: AbortSignal): Promise<void> {
  const info = await api.getWebhookInfo(signal as GrammySignal);
  if (info.url === '') return;
  logger.info('Telegram has a webhook set: removing it (deleteWebhook) to poll, as telegram.mode is polling', { url: info.url, pendingUpdates: info.pending_update_count });
}
