import { z } from 'zod';
import { duration } from './fieldSchemas.ts';

/** Outbox delivery: platform rate limits and retries. */
export const deliverySchema = z
  .strictObject({
    telegram: z
      .strictObject({
        globalPerSecond: z.number().positive().default(30),
        perChatPerSecond: z.number().positive().default(1),
        perGroupPerMinute: z.number().positive().default(20),
      })
      .prefault({}),
    /** Sends in flight at once, over all chats. */
    concurrency: z.number().int().min(1).max(1_000).default(64),
    /** A message failing this many times (5xx, network) is given up and marked failed. */
    maxAttempts: z.number().int().min(1).max(100).default(12),
    /** A send without an answer this long is abandoned and retried: a hung connection must not hold a slot. */
    sendTimeout: duration.default(30),
    /** Sent and failed messages are deleted from the outbox after this long (checked daily). */
    keepSent: duration.default(30 * 86_400),
  })
  .prefault({});
