import { Api, GrammyError, HttpError } from 'grammy';
import type { MessageSender, SendOutcome } from '../delivery/messageSender.ts';
import { ChatRateLimiter, type PlatformLimits } from '../delivery/rateLimiter.ts';
import { renderTelegramHtml } from './renderTelegramHtml.ts';
import { telegramKeyboard } from './telegramKeyboard.ts';

/** Bot API descriptions that, with 400, mean the chat itself is gone (not this message). */
const CHAT_GONE = /chat not found|user is deactivated|bot was kicked|group chat was (upgraded|deactivated)|have no rights to send/i;

/**
 * The Bot API client for outbox sends. Its own, with a short timeout: grammY's default (500 s, sized for long
 * polling) would let one hung connection hold a delivery slot for minutes. A timed-out send is retried.
 */
export function createOutboxApi(p: { token: string; apiRoot?: string; timeoutSeconds: number }): Api {
  return new Api(p.token, { timeoutSeconds: p.timeoutSeconds, ...(p.apiRoot ? { apiRoot: p.apiRoot } : {}) });
}

/**
 * Sends outbox messages through grammY's Api, paced by Telegram's limits (global, per chat, per group).
 * Branches on error_code and retry_after, never on the message text except to tell a vanished chat (400)
 * from a bad message (400).
 */
export function createTelegramSender(api: Api, limits: PlatformLimits): MessageSender {
  const limiter = new ChatRateLimiter(limits);
  return {
    limiter,
    isGroup: (chatId) => chatId.startsWith('-'),
    async send(chatId, reply): Promise<SendOutcome> {
      const target = /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
      try {
        const messages = renderTelegramHtml(reply);
        // The buttons (an alert's "mute", a digest's "details") sit under the last message.
        const keyboard = telegramKeyboard(reply.controls);
        for (const [i, html] of messages.entries()) {
          const markup = keyboard && i === messages.length - 1 ? { reply_markup: keyboard } : {};
          await api.sendMessage(target, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...markup });
        }
        return { ok: true };
      } catch (error) {
        if (error instanceof GrammyError) {
          const text = `${error.error_code} ${error.description}`;
          if (error.error_code === 429) {
            const retryAfter = error.parameters.retry_after ?? 1;
            return { ok: false, kind: 'retry', error: text, retryAfterMs: retryAfter * 1000 };
          }
          if (error.error_code === 403) return { ok: false, kind: 'gone', error: text };
          if (error.error_code === 400 && CHAT_GONE.test(error.description)) return { ok: false, kind: 'gone', error: text };
          if (error.error_code >= 500) return { ok: false, kind: 'retry', error: text };
          // The token, not this message (revoked: 401; malformed: 404): the long poll sees it too and stops the
          // platform, which parks its messages; failing them here would lose them.
          if (error.error_code === 401 || error.error_code === 404) return { ok: false, kind: 'retry', error: text };
          return { ok: false, kind: 'rejected', error: text };
        }
        if (error instanceof HttpError) return { ok: false, kind: 'retry', error: error.message };
        return { ok: false, kind: 'retry', error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
