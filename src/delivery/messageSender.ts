import type { Reply } from '../vocabulary/reply.ts';
import type { ChatRateLimiter } from './rateLimiter.ts';

/**
 * What happened to one send. `gone`: the chat cannot be reached until a person acts (bot blocked, removed,
 * channel deleted): the worker deactivates its subscriptions. `rejected`: this message can never be sent
 * (e.g. 400 on its content). `retry`: try again later (429 with retryAfterMs, 5xx, network).
 */
export type SendOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'retry'; readonly error: string; readonly retryAfterMs?: number }
  | { readonly ok: false; readonly kind: 'gone' | 'rejected'; readonly error: string };

/** One platform's way out, used by the outbox worker. Never throws. */
export interface MessageSender {
  send(chatId: string, reply: Reply): Promise<SendOutcome>;
  /** The platform's limits, applied by the worker before each send; none when the platform paces itself. */
  readonly limiter?: ChatRateLimiter;
  /** Whether a chat counts as a group for the limits. */
  isGroup(chatId: string): boolean;
  /**
   * False while the platform is down or stopped: its messages are parked in the outbox, no attempt counted,
   * until it is up again. Always available when absent.
   */
  available?(): boolean;
}
