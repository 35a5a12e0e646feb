/** Runs tasks with at most `concurrency` at once and at most `maxQueued` waiting; what does not fit is refused. */
export interface BoundedWorkQueue {
  /** Takes a task to run when a slot frees up; false (and the task is not run) when the queue is full. */
  offer(task: () => Promise<void>): boolean;
  /** Tasks running plus tasks waiting. */
  readonly size: number;
  /** Resolves once nothing runs and nothing waits. */
  idle(): Promise<void>;
}

export interface BoundedWorkQueueOptions {
  readonly concurrency: number;
  readonly maxQueued: number;
  /** Told of a task that rejected; the queue goes on with the next. */
  readonly onError: (error: unknown) => void;
}

/**
 * A work queue whose memory is bounded by `concurrency + maxQueued` tasks, for work accepted faster than it can
 * be done (a flood of webhook updates): the caller refuses what `offer` turns down instead of buffering it.
 */
export function createBoundedWorkQueue(options: BoundedWorkQueueOptions): BoundedWorkQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const run = (task: () => Promise<void>) => {
    running++;
    // A task that throws before its first await must not escape `offer`.
    void Promise.resolve()
      .then(task)
      .catch(options.onError)
      .finally(() => {
        running--;
        const next = waiting.shift();
        if (next) run(next);
        else settle();
      });
  };

  return {
    offer(task) {
      if (running < options.concurrency) run(task);
      else if (waiting.length < options.maxQueued) waiting.push(task);
      else return false;
      return true;
    },
    get size() {
      return running + waiting.length;
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
