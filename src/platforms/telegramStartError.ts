/** Kept apart from telegramBot.ts so main can recognise the error without loading grammY. */
import { BaseError } from '../vocabulary/baseError.ts';

const explain = (errorCode: number, description: string) =>
  errorCode === 401
    ? 'Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token @BotFather gave you.'
    : errorCode === 404
      ? 'Telegram rejected TELEGRAM_BOT_TOKEN (404 Not Found: no bot has this token): check the token @BotFather gave you.'
      : `Telegram refused to start the bot: ${description}`;

/** The Bot API refused the token at start (getMe), in words a person can act on; `cause` is grammY's error. */
export class TelegramStartError extends BaseError {
  override name = 'TelegramStartError';
  constructor(
    /** The Bot API's error_code (401 for a wrong or revoked token, 404 for a malformed one). */
    readonly errorCode: number,
    description: string,
    options?: { cause?: unknown },
  ) {
    super(explain(errorCode, description), options);
  }
}
