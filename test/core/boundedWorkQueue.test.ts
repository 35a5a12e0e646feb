import { describe, expect, it } from 'vitest';
import { createBoundedWorkQueue } from '../../src/core/boundedWorkQueue.ts';

/** A promise and the function that resolves it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('createBoundedWorkQueue', () => {
  it('GIVEN more tasks than slots THEN at most `concurrency` run, the rest wait in order, and past maxQueued offers are refused', async () => {
    const errors: unknown[] = [];
    const queue = createBoundedWorkQueue({ concurrency: 2, maxQueued: 2, onError: (e) => errors.push(e) });
    const held = gate();
    const started: number[] = [];
    let runningNow = 0;
    let mostAtOnce = 0;
    const task = (n: number) => async () => {
      started.push(n);
      mostAtOnce = Math.max(mostAtOnce, ++runningNow);
      await held.promise;
      runningNow--;
    };
    expect([1, 2, 3, 4, 5].map((n) => queue.offer(task(n)))).toEqual([true, true, true, true, false]);
    expect(queue.size).toBe(4);
    await Promise.resolve();
    expect(started).toEqual([1, 2]);

    held.open();
    await queue.idle();
    expect(started).toEqual([1, 2, 3, 4]);
    expect(mostAtOnce).toBe(2);
    expect(queue.size).toBe(0);
    expect(errors).toEqual([]);
  });

  it('GIVEN a task that throws, at once or later THEN the error is reported and the queue goes on', async () => {
    const errors: unknown[] = [];
    const queue = createBoundedWorkQueue({ concurrency: 1, maxQueued: 5, onError: (e) => errors.push(e) });
    const done: string[] = [];
    queue.offer(() => {
      throw new Error('at once');
    });
    queue.offer(async () => {
      await Promise.resolve();
      throw new Error('later');
    });
    queue.offer(async () => {
      done.push('third');
    });
    await queue.idle();
    expect(errors.map((e) => (e as Error).message)).toEqual(['at once', 'later']);
    expect(done).toEqual(['third']);
  });

  it('GIVEN nothing queued THEN idle resolves at once', async () => {
    await expect(createBoundedWorkQueue({ concurrency: 1, maxQueued: 1, onError: () => {} }).idle()).resolves.toBeUndefined();
  });
});
