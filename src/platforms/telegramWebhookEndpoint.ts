import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';
import { createBoundedWorkQueue } from '../core/boundedWorkQueue.ts';
import type { Logger } from '../log/logger.ts';

/** The header Telegram sends the webhook's `secret_token` in (Node lowercases header names). */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** An update is a few KB (a 4,096-character message with its entities); 1 MiB leaves room and bounds a forged body. */
export const MAX_UPDATE_BYTES = 1 << 20;

/** Seconds a 503 asks Telegram to wait; it retries on its own schedule anyway, keeping the update meanwhile. */
const RETRY_AFTER_SECONDS = 5;

export interface TelegramWebhookEndpointOptions {
  /** The path served on the HTTP endpoint. */
  readonly path: string;
  /** TELEGRAM_WEBHOOK_SECRET: the `secret_token` given to setWebhook, sent back by Telegram with every update. */
  readonly secret: string;
  /** Handles one update (grammY's `bot.handleUpdate`); runs after the HTTP answer. */
  readonly handleUpdate: (update: Update) => Promise<void>;
  /** Updates handled at once. */
  readonly concurrency: number;
  /** Updates waiting at most; past it the endpoint answers 503. */
  readonly maxQueued: number;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
}

/** Telegram's update endpoint, a route of the HTTP endpoint (`OpsRoute`). */
export interface TelegramWebhookEndpoint {
  readonly path: string;
  /** Answers one request to `path`. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Starts taking updates (once the bot knows itself: grammY needs getMe's answer to handle one). */
  open(): void;
  /** Stops taking updates (503 from now on) and resolves once those taken are handled. */
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The body up to `max` bytes; 'too large' past it (the rest left unread), 'aborted' when the client went away. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too large' | 'aborted') => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      if (result === 'too large') req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) finish('too large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onAbort = () => finish('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

/** A JSON object with a whole `update_id` and exactly one other field, an object: the shape of every Update. */
function parseUpdate(body: Buffer): Update | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { update_id: id, ...rest } = value as Record<string, unknown>;
  const fields = Object.values(rest);
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0 || fields.length !== 1) return undefined;
  return typeof fields[0] === 'object' && fields[0] !== null && !Array.isArray(fields[0]) ? (value as Update) : undefined;
}

/**
 * The endpoint Telegram posts updates to. It checks the secret header in constant time (401 when wrong or
 * missing: nothing is read further), caps the body (413), checks the update's shape (400), then answers 200 at
 * once and handles the update afterwards: Telegram waits on the answer, and a slow command must not make it
 * time out and deliver the update again. What waits is bounded (`concurrency` + `maxQueued` updates), so a flood
 * costs bounded memory; past it the answer is 503.
 */
export function createTelegramWebhookEndpoint(options: TelegramWebhookEndpointOptions): TelegramWebhookEndpoint {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_UPDATE_BYTES;
  // Comparing digests: equal lengths for timingSafeEqual, and the time taken says nothing about the secret's length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(options.secret);
  const secretMatches = (header: string | string[] | undefined) => typeof header === 'string' && timingSafeEqual(digest(header), expected);
  const queue = createBoundedWorkQueue({
    concurrency: options.concurrency,
    maxQueued: options.maxQueued,
    onError: (error) => logger.error('Telegram update failed', { error }),
  });
  let accepting = false;
  /** Inside a run of refusals for a full queue: warned once per run, not once per update. */
  let overflowing = false;

  return {
    path: options.path,
    async handle(req, res) {
      if (req.method !== 'POST') return answer(res, 405, 'method not allowed: Telegram posts updates\n', { allow: 'POST' });
      // `connection: close` on a refusal: whatever body follows is not read.
      if (!secretMatches(req.headers[SECRET_HEADER])) {
        logger.debug('webhook request without the right secret refused', { remote: req.socket.remoteAddress });
        return answer(res, 401, 'unauthorized\n', { connection: 'close' });
      }
      if (!accepting) return answer(res, 503, 'not ready\n', { 'retry-after': String(RETRY_AFTER_SECONDS), connection: 'close' });
      if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return answer(res, 413, 'update too large\n', { connection: 'close' });
      const body = await readBody(req, maxBodyBytes);
      if (body === 'aborted') return;
      if (body === 'too large') return answer(res, 413, 'update too large\n', { connection: 'close' });
      const update = parseUpdate(body);
      if (!update) return answer(res, 400, 'not a Telegram update\n');
      // 503, not 429: the bot is busy as a whole, not this client too fast; Telegram keeps the update and
      // delivers it again later, as it does for any answer other than 2xx.
      if (!queue.offer(() => options.handleUpdate(update))) {
        if (!overflowing) logger.warn('Telegram updates arrive faster than they are handled: refusing them for now (503); Telegram delivers them again later', { waiting: queue.size });
        overflowing = true;
        return answer(res, 503, 'busy\n', { 'retry-after': String(RETRY_AFTER_SECONDS) });
      }
      if (queue.size <= options.concurrency) overflowing = false;
      answer(res, 200, '');
    },
    open() {
      accepting = true;
    },
    async close() {
      accepting = false;
      await queue.idle();
    },
  };
}
