import type { Platform } from '../vocabulary/platform.ts';

/** Told how many outbox messages of a platform were written, accepted by it, or given up on (the bot's metrics). */
export interface DeliveryObserver {
  messagesQueued(platform: Platform, count: number): void;
  messagesSent(platform: Platform, count: number): void;
  messagesFailed(platform: Platform, count: number): void;
}
