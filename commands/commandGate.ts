import { performance } from 'node:perf_hooks';
import { formatAge } from '../src/core/format.ts';
import { SlidingWindowLimiter } from '../src/core/slidingWindowLimiter.ts';
import { english, type Translator } from '../src/i18n/translator.ts';
import { findCommand } from './registry.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import type { Platform } from '../src/vocabulary/platform.ts';

/** Where a command comes from. */

/** How a command ended: answered, a usage reply (a mistake), refused by the rate limit, or failed. */
export type CommandOutcome = 'answer' | 'usage' | 'limited' | 'error';

/** Told of every command the gate let through or refused (the Prometheus metrics implement it). */
export interface CommandObserver {
  commandServed(p: { platform: Platform; command: string; outcome: CommandOutcome; seconds: number }): void;
}

export interface CommandRequest {
  readonly platform: Platform;
  /** The sender on that platform (Telegram user id, Discord user id); the limit is per platform and user. */
  readonly userId: string | number;
  /** The command name as the user gave it (`apy`); anything unknown is counted as `unknown`. */
  readonly command: string;
  /**
   * Answer every refused command, not only the first of a run of them. Discord shows "The application did not
   * respond" for an interaction left unanswered, and its ephemeral answers cost other users nothing; on
   * Telegram each answer is a message, so a flood gets one notice.
   */
  readonly answerEveryRefusal?: boolean;
  /**
   * The chat's language for the refusal (English when absent): asked only when a refusal is answered, so a
   * flood costs no language lookups.
   */
  readonly language?: () => Translator;
}

export interface CommandGateOptions {
  /** Commands one user may send per minute on one platform; 0 for no limit. Default 20. */
  readonly rateLimitPerMinute?: number;
  readonly observer?: CommandObserver;
  /** Wall clock for the limit's window (unix ms). */
  readonly now?: () => number;
  /** Most users remembered at once (see SlidingWindowLimiter). */
  readonly maxUsers?: number;
}

/**
 * The one door every command goes through, on every platform: the per-user rate limit, then the command,
 * timed and counted. Platform adapters call `serve`; commands never see the gate.
 */
export interface CommandGate {
  /**
   * Runs `answer` unless the user is over the limit. Resolves with the reply to send: the command's, the
   * polite refusal, or undefined (nothing to send: a refusal already told, or the command had no reply).
   * A failing `answer` (or `prepare`) is counted and rethrown for the platform's catch.
   * @param prepare what the command needs from the platform first (Telegram's admin lookup): run only for a
   *   command the limit lets through, so a flood costs no platform calls, and not timed as the command.
   */
  serve<P = undefined>(
    request: CommandRequest,
    answer: (prepared: P) => Reply | undefined | Promise<Reply | undefined>,
    prepare?: () => P | Promise<P>,
  ): Promise<Reply | undefined>;
  readonly rateLimitPerMinute: number;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 20;

/** The reply to a user over the limit, in the chat's language `t` (English when not given). */
export function rateLimitedReply(limitPerMinute: number, retryAfterMs: number, t: Translator = english): Reply {
  const wait = formatAge(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return {
    kind: 'usage',
    blocks: [{ kind: 'paragraph', parts: [t('usage-rate-limited', { limit: String(limitPerMinute), wait })] }],
  };
}

/** A metric label: the command's own name, or `unknown` (a label per typed word would let anyone grow the metrics). */
const commandLabel = (name: string) => findCommand(name)?.name ?? 'unknown';

/**
 * Creates the gate. The console is the operator at the keyboard (or a script piping commands): it is timed
 * and counted but not limited.
 * @example const gate = createCommandGate({ rateLimitPerMinute: 20 });
 *          const reply = await gate.serve({ platform: 'telegram', userId: 42, command: 'apy' }, () => handleCommandText('/apy', context));
 */
export function createCommandGate(options: CommandGateOptions = {}): CommandGate {
  const rateLimitPerMinute = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const limiter = new SlidingWindowLimiter({
    limit: rateLimitPerMinute,
    windowMs: 60_000,
    ...(options.maxUsers !== undefined ? { maxKeys: options.maxUsers } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const observe = (request: CommandRequest, outcome: CommandOutcome, seconds: number) =>
    options.observer?.commandServed({ platform: request.platform, command: commandLabel(request.command), outcome, seconds });

  return {
    rateLimitPerMinute,
    async serve<P>(request: CommandRequest, answer: (prepared: P) => Reply | undefined | Promise<Reply | undefined>, prepare?: () => P | Promise<P>) {
      if (request.platform !== 'console') {
        const decision = limiter.take(`${request.platform}:${request.userId}`);
        if (!decision.allowed) {
          observe(request, 'limited', 0);
          return decision.firstRefusal || request.answerEveryRefusal ? rateLimitedReply(rateLimitPerMinute, decision.retryAfterMs, request.language?.()) : undefined;
        }
      }
      let prepared: P;
      try {
        prepared = prepare ? await prepare() : (undefined as P);
      } catch (error) {
        observe(request, 'error', 0);
        throw error;
      }
      const started = performance.now();
      let reply: Reply | undefined;
      try {
        reply = await answer(prepared);
      } catch (error) {
        observe(request, 'error', (performance.now() - started) / 1000);
        throw error;
      }
      observe(request, reply?.kind === 'usage' ? 'usage' : 'answer', (performance.now() - started) / 1000);
      return reply;
    },
  };
}
