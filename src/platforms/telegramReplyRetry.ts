import { autoRetry } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';

/**
 * Not interactive, so left to their own policy: the long poll (watched by the platform supervisor) and the
 * start's one getMe and command list, which must not hold up a start.
 */
const NOT_RETRIED: ReadonlySet<string> = new Set(['getUpdates', 'getMe', 'setMyCommands']);

/** A 429 whose retry_after is longer than this fails at once: a reply that late is no answer. */
export const REPLY_RETRY_MAX_DELAY_SECONDS = 5;

/**
 * Retries per call by default. auto-retry also waits once after the last attempt before giving up, so a fault
 * that persists holds a reply at most two waits: 2 × 5 s for a 429, 3 s + 6 s of backoff for a 5xx.
 */
export const REPLY_RETRY_ATTEMPTS = 1;

/**
 * An API transformer for the bot's interactive calls (a command's reply, the admin lookup): a 429 is retried
 * after its retry_after and a 5xx after auto-retry's backoff, a bounded number of times (0: not at all). A
 * network failure (HttpError) is not retried here. The outbox has its own Api and retry policy (telegramSender.ts).
 */
export function telegramReplyRetry(attempts = REPLY_RETRY_ATTEMPTS): Transformer {
  const retry = attempts > 0 ? autoRetry({ maxRetryAttempts: attempts, maxDelaySeconds: REPLY_RETRY_MAX_DELAY_SECONDS, rethrowHttpErrors: true }) : undefined;
  return (prev, method, payload, signal) => (retry && !NOT_RETRIED.has(method) ? retry(prev, method, payload, signal) : prev(method, payload, signal));
}
