import type { Timers } from '../../src/platforms/platformSupervisor.ts';

export interface ManualTimers {
  readonly timers: Timers;
  /** Delays (ms) of the timers set and not yet fired or cleared, in order of setting. */
  pending(): number[];
  /** Fires the timer that is due first (its callback runs now); throws when none is pending. Returns its delay. */
  fireNext(): number;
}

/**
 * Timers that run only when the test says so: a backoff is checked by its delay and fired at once,
 * without waiting for it.
 */
export function createManualTimers(): ManualTimers {
  let clock = 0;
  let sequence = 0;
  const entries = new Map<number, { run: () => void; ms: number; dueAt: number }>();
  return {
    timers: {
      set(run, ms) {
        const id = ++sequence;
        entries.set(id, { run, ms, dueAt: clock + ms });
        return id;
      },
      clear(handle) {
        entries.delete(handle as number);
      },
    },
    pending: () => [...entries.values()].map((e) => e.ms),
    fireNext() {
      const next = [...entries].sort(([, a], [, b]) => a.dueAt - b.dueAt)[0];
      if (!next) throw new Error('no timer is pending');
      const [id, entry] = next;
      entries.delete(id);
      clock = entry.dueAt;
      entry.run();
      return entry.ms;
    },
  };
}
