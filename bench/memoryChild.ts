import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { point, type MemoryPoint } from './memoryPoint.ts';

export interface MemoryFigures {
  /** Node (with the tsx loader when run through it), before the bot's modules load. */
  readonly runtime: MemoryPoint;
  /** After loading the bot's modules (viem, zod, SQLite, prom-client, pino…), nothing opened. */
  readonly modules: MemoryPoint;
  /** createApp on the year of history: open (with the integrity check), migrate, compute the snapshot; one /apy. */
  readonly start: MemoryPoint;
  readonly startMs: number;
  /** One real poll cycle: reads, writes, every figure recomputed, and the alert rules over every subscription. */
  readonly cycle: MemoryPoint;
  readonly cycleMs: number;
  /** The digests due at 09:01 UTC, computed and written to the outbox. */
  readonly digest: MemoryPoint;
  readonly digestMs: number;
  readonly digests: number;
  readonly alertSubscriptions: number;
  /** The highest RSS the process reached, MB. */
  readonly peakRss: number;
}

/** 09:01 UTC today, or yesterday when that is still ahead: the default digest minute, one minute late. */
function digestMinute(now: number): number {
  const at = new Date(now);
  at.setUTCHours(9, 1, 0, 0);
  if (at.getTime() > now) at.setUTCDate(at.getUTCDate() - 1);
  return at.getTime();
}

/**
 * Run by bench/memoryBench.ts in a fresh process (through tsx, or bundled like `npm run build`), so its RSS
 * is the bot's and nothing else's: what the service does after start, step by step, with createApp as main.ts
 * calls it. Prints its figures as JSON on stdout.
 */
const runtime = point();
const [{ handleCommandText }, { createApp }, { configSchema }, { silentLogger }] = await Promise.all([
  import('../commands/registry.ts'),
  import('../src/app.ts'),
  import('../src/config/configSchema.ts'),
  import('../src/log/logger.ts'),
]);
const modules = point();
const config = configSchema.parse(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
let t = performance.now();
const app = await createApp({ config, env: { LOG_LEVEL: 'silent', METIS_BOT_CONFIG: process.argv[2]! }, logger: silentLogger });
const startMs = performance.now() - t;
if (!handleCommandText('/apy', app.context)) throw new Error('no /apy reply');
const start = point();
t = performance.now();
await app.poller.runCycle();
const cycleMs = performance.now() - t;
const cycle = point();
// No platform is configured here, so nothing could be sent: the worker is stopped so that the digest step
// measures the digests' computation and enqueueing alone (delivery is the fan-out bench's).
await app.subscriptions.worker.stop();
t = performance.now();
const digests = app.subscriptions.digests.tick(digestMinute(Date.now()));
const digestMs = performance.now() - t;
const digest = point();
const figures: MemoryFigures = {
  runtime,
  modules,
  start,
  startMs,
  cycle,
  cycleMs,
  digest,
  digestMs,
  digests,
  alertSubscriptions: app.subscriptions.subscriptions.active('alerts').length,
  peakRss: process.resourceUsage().maxRSS / 1024,
};
await app.stop();
process.stdout.write(JSON.stringify(figures));
