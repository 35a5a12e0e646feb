/** What a timer returns; only ever handed back to the same clock's clearTimeout. */
export type TimerHandle = unknown;

/**
 * Time and timers, injected so that code which paces itself (the outbox worker) can run on fake time in
 * tests: exact send times instead of seconds of waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The process's own clock: Date.now and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
