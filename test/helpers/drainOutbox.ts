import type { OutboxStore } from '../../src/store/outboxStore.ts';
import type { OutboxWorker } from '../../src/delivery/outboxWorker.ts';
import type { FakeClock } from './fakeClock.ts';
import { waitUntil } from './waitUntil.ts';

/**
 * Runs an outbox worker on fake time until nothing is due. Sends in flight are real I/O (grammY against the
 * fake Bot API) and take no fake time: they are awaited first. Time jumps to the worker's next timer only when
 * it waits on nothing else, so every send happens at an exact, repeatable time.
 */
export async function drainOutbox(worker: OutboxWorker, outbox: OutboxStore, clock: FakeClock, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await waitUntil(() => !worker.busy, { timeoutMs, what: 'the outbox sends in flight to be answered' });
    // Let the worker's loop, woken by the last answer, reach its next wait.
    await new Promise((resolve) => setImmediate(resolve));
    if (worker.busy) continue;
    if (outbox.nextDueAt() === undefined) return;
    if (Date.now() > deadline) throw new Error(`outbox not drained after ${timeoutMs} ms: ${JSON.stringify(outbox.counts())}`);
    if (!clock.runNext()) throw new Error(`outbox not drained and the worker set no timer: ${JSON.stringify(outbox.counts())}`);
  }
}
