import type { Clock, TimerHandle } from '../../src/core/clock.ts';

/** A clock whose time moves only when the test says so. */
export interface FakeClock extends Clock {
  /** Due times of the timers set and not yet fired or cleared, earliest first. */
  pending(): number[];
  /** Moves time to the earliest timer and runs every timer due then; false (time unchanged) when none is set. */
  runNext(): boolean;
  /** Moves time forward by `ms`, running every timer that falls due on the way, in order. */
  advance(ms: number): void;
}

/** A manual-advance clock starting at `start` (ms); timers due at the same time run in the order they were set. */
export function createFakeClock(start = 0): FakeClock {
  let time = start;
  let sequence = 0;
  const timers = new Map<number, { fn: () => void; dueAt: number }>();
  const earliest = () => {
    let best: [number, { fn: () => void; dueAt: number }] | undefined;
    for (const entry of timers) if (!best || entry[1].dueAt < best[1].dueAt) best = entry;
    return best;
  };
  const fireDue = () => {
    for (let next = earliest(); next && next[1].dueAt <= time; next = earliest()) {
      timers.delete(next[0]);
      next[1].fn();
    }
  };
  return {
    now: () => time,
    setTimeout(fn, ms): TimerHandle {
      const id = ++sequence;
      timers.set(id, { fn, dueAt: time + Math.max(0, ms) });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    pending: () => [...timers.values()].map((t) => t.dueAt).sort((a, b) => a - b),
    runNext() {
      const next = earliest();
      if (!next) return false;
      time = Math.max(time, next[1].dueAt);
      fireDue();
      return true;
    },
    advance(ms) {
      const until = time + ms;
      for (let next = earliest(); next && next[1].dueAt <= until; next = earliest()) {
        time = Math.max(time, next[1].dueAt);
        fireDue();
      }
      time = until;
    },
  };
}
