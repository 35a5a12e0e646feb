import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { point, type MemoryPoint } from './memoryPoint.ts';

/**
 * Run by bench/alertBench.ts in a fresh process (`--expose-gc`, bundled and run as `npm start` runs the bot), on a copy of the year of history
 * with 100,000 subscribed chats: the alert cycle and the digest tick as the service runs them after start,
 * through the app's own runtime. Uses only what the engine offered before issue 12 (createApp, evaluate,
 * tick), so the same file measures the code before and after. Prints its figures as JSON on stdout.
 */
export interface AlertFigures {
  /** A cycle in which nothing crosses: median time (ms) and JS heap allocated (MB) over the measured cycles. */
  readonly quietMs: number;
  readonly quietAllocatedMb: number;
  /**
   * Whether a collection ran inside every measured quiet cycle (the allocation, the median of them all, is then a
   * lower bound); else the allocation is the median of the cycles without one.
   */
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
  /** Where the memory is, after start (the history opened, 100,000 subscriptions) and after the firing cycle. */
  readonly started?: MemoryPoint;
  readonly afterFiring?: MemoryPoint;
  /** The highest RSS the process reached up to the end of the firing cycle, and over the whole run (digest ticks included), MB. */
  readonly peakRssFiringMb?: number;
  readonly peakRssMb?: number;
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
const started = point();

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

// When each collection started: a cycle with one inside it allocated more than its heap growth shows.
const gcStarts: number[] = [];
new PerformanceObserver((list) => gcStarts.push(...list.getEntries().map((e) => e.startTime))).observe({ entryTypes: ['gc'] });
const tick = () => new Promise((r) => setImmediate(r));
const collect = () => {
  globalThis.gc?.();
  return tick();
};

let now = Date.now();
// The first evaluation places the event cursors and the sources' stale states: not a quiet cycle yet.
engine.evaluate(freshAt(now), now);
const quiet: { ms: number; allocatedMb: number; from: number; to: number }[] = [];
for (let i = 0; i < 7; i++) {
  now += 5 * MINUTE;
  const snapshot = freshAt(now);
  await collect();
  const heap = process.memoryUsage().heapUsed;
  const from = performance.now();
  engine.evaluate(snapshot, now);
  const to = performance.now();
  quiet.push({ ms: to - from, allocatedMb: (process.memoryUsage().heapUsed - heap) / MB, from, to });
}
// The observer hears of a collection a turn or two after it.
await tick();
await tick();
const clean = quiet.filter((c) => !gcStarts.some((at) => at >= c.from && at <= c.to));

now += 5 * MINUTE;
let t = performance.now();
engine.evaluate(freshAt(now, -400), now);
const pendingMs = performance.now() - t;
now += 5 * MINUTE;
t = performance.now();
const fired = engine.evaluate(freshAt(now, -400), now).enqueued;
const fireMs = performance.now() - t;
const afterFiring = point();
const peakRssFiringMb = process.resourceUsage().maxRSS / 1024;

t = performance.now();
digests.tick(now);
const digestFirstMs = performance.now() - t;
now += MINUTE;
t = performance.now();
const digestIdleEnqueued = digests.tick(now);
const digestIdleMs = performance.now() - t;

const figures: AlertFigures = {
  quietMs: median(quiet.map((c) => c.ms)),
  quietAllocatedMb: median((clean.length > 0 ? clean : quiet).map((c) => c.allocatedMb)),
  quietCollected: clean.length === 0,
  pendingMs,
  fireMs,
  fired,
  digestFirstMs,
  digestIdleMs,
  digestIdleEnqueued,
  rssMb: afterFiring.rss,
  heapUsedMb: afterFiring.heapUsed,
  alertSubscriptions: app.subscriptions.subscriptions.active('alerts').length,
  started,
  afterFiring,
  peakRssFiringMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
await app.stop();
process.stdout.write(JSON.stringify(figures));
