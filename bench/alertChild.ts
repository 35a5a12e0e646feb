import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

/**
 * Run by bench/alertBench.ts in a fresh process (`--expose-gc`, through tsx), on a copy of the year of history
 * with 100,000 subscribed chats: the alert cycle and the digest tick as the service runs them after start,
 * through the app's own runtime. Uses only what the engine offered before issue 12 (createApp, evaluate,
 * tick), so the same file measures the code before and after. Prints its figures as JSON on stdout.
 */
export interface AlertFigures {
  /** A cycle in which nothing crosses: median time (ms) and JS heap allocated (MB) over the measured cycles. */
  readonly quietMs: number;
  readonly quietAllocatedMb: number;
  /** Whether a collection ran inside a measured quiet cycle (the allocation is then a lower bound). */
  readonly quietCollected: boolean;
  /** The first depeg cycle (K = 2: the crossing is seen, nothing sent yet) and the one that fires. */
  readonly pendingMs: number;
  readonly fireMs: number;
  readonly fired: number;
  /** The digest tick with nothing due (the second tick; the first one sees every subscription once). */
  readonly digestFirstMs: number;
  readonly digestIdleMs: number;
  readonly digestIdleEnqueued: number;
  /** RSS after the firing cycle, after a full collection, MB. */
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly alertSubscriptions: number;
}

const MB = 2 ** 20;
const MINUTE = 60_000;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const [{ createApp }, { configSchema }, { silentLogger }] = await Promise.all([
  import('../src/app.ts'),
  import('../src/config/configSchema.ts'),
  import('../src/log/logger.ts'),
]);
type Snapshot = ReturnType<Awaited<ReturnType<typeof createApp>>['poller']['snapshot']>;

const configFile = process.argv[2]!;
const config = configSchema.parse(JSON.parse(readFileSync(configFile, 'utf8')));
const app = await createApp({ config, env: { LOG_LEVEL: 'silent', METIS_BOT_CONFIG: configFile }, logger: silentLogger });
// No platform: nothing could be sent; the worker is stopped so only evaluation and enqueueing are measured.
await app.subscriptions.worker.stop();
const { engine, digests } = app.subscriptions;
const real = app.poller.snapshot();

/** The real snapshot as if every source had just been read (the cached history's reads are days old). */
function freshAt(now: number, depegBps?: number): Snapshot {
  let depegged = false;
  const sources = real.sources.map((view) => {
    if (!view.lastRead) return view;
    const fresh = { ...view, lastRead: { ...view.lastRead, observedAt: now - MINUTE } };
    const f = view.figures;
    if (depegBps === undefined || depegged || f?.kind !== 'pool' || !f.fairValue.ok) return fresh;
    depegged = true;
    const price = { ok: true as const, value: f.fairValue.value * (1 + depegBps / 10_000) };
    const bps = { ok: true as const, value: depegBps };
    return { ...fresh, figures: { ...f, price, depegBps: bps, twapPrice: price, twapDepegBps: bps } };
  });
  return { ...real, sources, lastCycle: { startedAt: now - 5_000, finishedAt: now - 1_000 } };
}

let gcs = 0;
new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({ entryTypes: ['gc'] });
const collect = () => {
  globalThis.gc?.();
  return new Promise((r) => setImmediate(r));
};

let now = Date.now();
// The first evaluation places the event cursors and the sources' stale states: not a quiet cycle yet.
engine.evaluate(freshAt(now), now);
const quietMs: number[] = [];
const quietAllocated: number[] = [];
let quietCollected = false;
for (let i = 0; i < 7; i++) {
  now += 5 * MINUTE;
  const snapshot = freshAt(now);
  await collect();
  const before = gcs;
  const heap = process.memoryUsage().heapUsed;
  const t = performance.now();
  engine.evaluate(snapshot, now);
  quietMs.push(performance.now() - t);
  quietAllocated.push((process.memoryUsage().heapUsed - heap) / MB);
  await new Promise((r) => setImmediate(r));
  if (gcs !== before) quietCollected = true;
}

now += 5 * MINUTE;
let t = performance.now();
engine.evaluate(freshAt(now, -400), now);
const pendingMs = performance.now() - t;
now += 5 * MINUTE;
t = performance.now();
const fired = engine.evaluate(freshAt(now, -400), now).enqueued;
const fireMs = performance.now() - t;
await collect();
const memory = process.memoryUsage();

t = performance.now();
digests.tick(now);
const digestFirstMs = performance.now() - t;
now += MINUTE;
t = performance.now();
const digestIdleEnqueued = digests.tick(now);
const digestIdleMs = performance.now() - t;

const figures: AlertFigures = {
  quietMs: median(quietMs),
  quietAllocatedMb: median(quietAllocated),
  quietCollected,
  pendingMs,
  fireMs,
  fired,
  digestFirstMs,
  digestIdleMs,
  digestIdleEnqueued,
  rssMb: memory.rss / MB,
  heapUsedMb: memory.heapUsed / MB,
  alertSubscriptions: app.subscriptions.subscriptions.active('alerts').length,
};
await app.stop();
process.stdout.write(JSON.stringify(figures));
