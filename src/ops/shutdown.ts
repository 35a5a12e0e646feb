import type { Logger } from '../log/logger.ts';

/** Exit code when the shutdown did not finish cleanly: past its deadline, failed, or forced by a second signal. */
export const EXIT_SHUTDOWN_FAILED = 3;
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface ShutdownOptions {
  /** Stops everything; resolves when the service may exit. */
  readonly stop: () => Promise<void>;
  readonly logger: Logger;
  readonly deadlineMs?: number;
  readonly signals?: readonly NodeJS.Signals[];
  /** process.exit by default (tests pass a fake). */
  readonly exit?: (code: number) => void;
  /** Where signals come from; the process by default. */
  readonly signalSource?: Pick<NodeJS.Process, 'on' | 'off'>;
  readonly setTimer?: (run: () => void, ms: number) => { unref?: () => unknown };
  readonly clearTimer?: (timer: { unref?: () => unknown }) => void;
}

export interface Shutdown {
  /**
   * Stops the service once (later calls join the first), under the deadline: past it, or when the stop
   * fails, the process exits with EXIT_SHUTDOWN_FAILED. With `exitWhenDone`, exits 0 after a clean stop.
   */
  run(reason: string, p?: { exitWhenDone?: boolean }): Promise<void>;
  /** Removes the signal handlers. */
  dispose(): void;
}

/**
 * The single shutdown path: SIGTERM or SIGINT (and the end of the console chat) stop the service with a hard
 * deadline, so a hanging RPC or platform can delay the exit by at most `deadlineMs`. A second signal while
 * stopping exits at once.
 */
export function handleShutdown(options: ShutdownOptions): Shutdown {
  const { logger } = options;
  const deadlineMs = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const source = options.signalSource ?? process;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let stopping: Promise<void> | undefined;

  const run = (reason: string, p: { exitWhenDone?: boolean } = {}): Promise<void> => {
    stopping ??= (async () => {
      logger.info('shutting down', { reason, deadlineMs });
      const started = Date.now();
      // Deliberately not unref'd: a stop that waits on nothing (a promise never settled) must still end here.
      const timer = setTimer(() => {
        logger.error('shutdown did not finish in time: exiting anyway', { deadlineMs });
        exit(EXIT_SHUTDOWN_FAILED);
      }, deadlineMs);
      try {
        await options.stop();
      } catch (error) {
        clearTimer(timer);
        logger.error('shutdown failed', { error });
        exit(EXIT_SHUTDOWN_FAILED);
        return;
      }
      clearTimer(timer);
      logger.info('stopped', { ms: Date.now() - started });
      if (p.exitWhenDone) exit(0);
    })();
    return stopping;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('second signal while shutting down: exiting now', { signal });
      exit(EXIT_SHUTDOWN_FAILED);
      return;
    }
    void run(signal, { exitWhenDone: true });
  };
  for (const signal of signals) source.on(signal, onSignal);
  return {
    run,
    dispose() {
      for (const signal of signals) source.off(signal, onSignal);
    },
  };
}
