import { backoffMs } from '../core/backoff.ts';
import type { Logger } from '../log/logger.ts';
import type { PlatformStatus } from '../ops/platformStatus.ts';

/** setTimeout and clearTimeout, injectable so tests drive retries and timeouts without waiting. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd: a pending retry alone does not keep the process alive. */
export const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What a platform adapter tells its supervisor while it runs. */
export interface PlatformEvents {
  /**
   * A call failed that the adapter retries by itself (grammY's long poll, discord.js's gateway): the
   * platform is down until `recovered`. Logged at warn.
   */
  trouble(error: unknown): void;
  /** Waits the backoff for the current run of troubles (1 s doubling to 5 min), or until `signal` aborts. */
  pause(signal?: AbortSignal): Promise<void>;
  /** The platform answers again. */
  recovered(): void;
  /** The connection ended by itself (not by stop): reconnected with backoff, or stopped when the token was rejected. */
  lost(error: unknown): void;
}

export interface PlatformSupervisorOptions {
  readonly status: PlatformStatus;
  /** The platform's name in log lines: `Telegram`, `Discord`. */
  readonly label: string;
  readonly logger: Logger;
  /** One attempt at connecting; resolves once commands are answered. Abandoned when `signal` aborts. */
  readonly connect: (signal: AbortSignal) => Promise<void>;
  /** Undoes a failed attempt or ends a running connection; safe to call twice. */
  readonly disconnect: () => Promise<void>;
  /** Whether an error means the platform refused the credentials: retrying cannot help. */
  readonly isRejected: (error: unknown) => boolean;
  /** The error in a few words, for /healthz and the log (no request URLs: they carry tokens). */
  readonly describe: (error: unknown) => string;
  /** What to do about a rejected token, for the log line: `set a new TELEGRAM_BOT_TOKEN and restart`. */
  readonly rejectedHint: string;
  /** Called each time the platform comes up (the outbox sends what waited for it). */
  readonly onUp?: () => void;
  readonly timers?: Timers;
  /** A draw in [0, 1) for the backoff's jitter. */
  readonly random?: () => number;
  readonly now?: () => number;
  /** An attempt that has not connected after this long is abandoned and retried (a silent network). Default 20 s. */
  readonly attemptTimeoutMs?: number;
}

/**
 * Keeps one platform connected in the background, so an unreachable platform never holds up the rest of
 * the bot (polling, the other platform, the console, /healthz).
 */
export interface PlatformSupervisor extends PlatformEvents {
  /**
   * The first attempt. Resolves once connected, or once a failure that retrying may cure (network, 5xx,
   * timeout) has been logged and retries scheduled (1 s doubling to 5 min, with jitter). Rejects only when
   * the platform refuses the token: the start must stop then.
   */
  start(): Promise<void>;
  /** Cancels retries and an attempt under way, and disconnects. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 20_000;

/**
 * Creates the supervisor of one platform; `start` makes the first attempt.
 * @example const supervisor = createPlatformSupervisor({ status, label: 'Telegram', logger, connect: (signal) => bot.start(signal), disconnect: () => bot.stop(), … });
 *          await supervisor.start(); // connected, or retrying in the background; throws on a rejected token
 */
export function createPlatformSupervisor(options: PlatformSupervisorOptions): PlatformSupervisor {
  const { status, label, logger } = options;
  const timers = options.timers ?? realTimers;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const fields = { platform: status.platform };
  /** Failed attempts since the last connection (the reconnect backoff). */
  let failures = 0;
  /** Failures the adapter retried by itself since the platform last answered (the pause backoff). */
  let troubles = 0;
  let retryTimer: unknown;
  let attempt: AbortController | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;
  /** Between a successful attempt and the connection's loss: only then do the adapter's events count. */
  let connected = false;

  const scheduleRetry = (error: unknown) => {
    failures++;
    const delay = backoffMs(failures, random());
    const reason = options.describe(error);
    status.down(reason, now() + delay);
    logger.warn(`${label} is unreachable: retrying in the background; everything else goes on`, { ...fields, error: reason, failures, retryInSeconds: Math.round(delay / 1000) });
    retryTimer = timers.set(() => {
      retryTimer = undefined;
      running = connect(false).catch(() => {});
    }, delay);
  };

  const giveUp = (error: unknown) => {
    status.stopped(options.describe(error));
    logger.error(`${label} rejected the token: ${label} is stopped; polling and the other platforms go on (${options.rejectedHint})`, { ...fields, error: options.describe(error) });
  };

  /** One attempt, abandoned when it outlasts attemptTimeoutMs or the supervisor stops. */
  async function tryOnce(): Promise<void> {
    const controller = new AbortController();
    attempt = controller;
    const timeout = timers.set(() => controller.abort(new Error(`no answer within ${Math.round(attemptTimeoutMs / 1000)} s`)), attemptTimeoutMs);
    const abandoned = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    try {
      await Promise.race([options.connect(controller.signal), abandoned]);
    } finally {
      timers.clear(timeout);
      attempt = undefined;
    }
  }

  async function connect(first: boolean): Promise<void> {
    if (stopping) return;
    try {
      await tryOnce();
    } catch (error) {
      await options.disconnect().catch(() => {});
      if (stopping) return;
      if (options.isRejected(error)) {
        if (first) {
          // The start stops on it and says why (main's "Cannot start" line): no second line here.
          status.stopped(options.describe(error));
          throw error;
        }
        giveUp(error);
        return;
      }
      scheduleRetry(error);
      return;
    }
    if (stopping) {
      await options.disconnect().catch(() => {});
      return;
    }
    if (failures > 0) logger.info(`${label} connected`, { ...fields, afterFailures: failures });
    failures = 0;
    troubles = 0;
    connected = true;
    status.up();
    options.onUp?.();
  }

  return {
    start() {
      const first = connect(true);
      running = first.catch(() => {});
      return first;
    },
    trouble(error) {
      // A client's own teardown (a failed attempt, a stop) looks like trouble too: not counted.
      if (stopping || !connected) return;
      troubles++;
      const reason = options.describe(error);
      status.down(reason);
      logger.warn(`${label} is unreachable: its client retries; everything else goes on`, { ...fields, error: reason, failures: troubles });
    },
    pause(signal) {
      const delay = backoffMs(Math.max(1, troubles), random());
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const done = () => {
          timers.clear(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = timers.set(done, delay);
        signal?.addEventListener('abort', done, { once: true });
      });
    },
    recovered() {
      if (stopping || !connected || troubles === 0) return;
      logger.info(`${label} is reachable again`, { ...fields, afterFailures: troubles });
      troubles = 0;
      status.up();
      options.onUp?.();
    },
    lost(error) {
      if (stopping || !connected) return;
      connected = false;
      troubles = 0;
      running = (async () => {
        await options.disconnect().catch(() => {});
        if (stopping) return;
        if (options.isRejected(error)) giveUp(error);
        else scheduleRetry(error);
      })();
    },
    async stop() {
      stopping = true;
      connected = false;
      if (retryTimer !== undefined) timers.clear(retryTimer);
      retryTimer = undefined;
      attempt?.abort(new Error('stopping'));
      await running;
      await options.disconnect();
    },
  };
}
