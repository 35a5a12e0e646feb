import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface MemoryFigures {
  /** Node with the tsx loader, before the bot's modules load. */
  readonly rssRuntimeMb: number;
  /** After loading the bot's modules (viem, grammY, discord.js, SQLite, prom-client, pino…), nothing opened. */
  readonly rssModulesMb: number;
  /** createApp on the year of history: open (with the integrity check), migrate, compute the snapshot. */
  readonly startMs: number;
  readonly rssAfterStartMb: number;
  /** The highest RSS reached up to then. */
  readonly peakAfterStartMb: number;
  /** One real poll cycle on top (reads, writes, recomputes every figure from the history). */
  readonly cycleMs: number;
  readonly rssAfterCycleMb: number;
  readonly heapUsedMb: number;
  /** The highest RSS the process reached. */
  readonly peakRssMb: number;
}

const rss = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};

/** Run by bench/memoryBench.ts in a fresh process, so its RSS is the bot's and nothing else's. */
const rssRuntimeMb = rss();
const [{ handleCommandText }, { createApp }, { configSchema }, { silentLogger }] = await Promise.all([
  import('../commands/registry.ts'),
  import('../src/app.ts'),
  import('../src/config/configSchema.ts'),
  import('../src/log/logger.ts'),
]);
const rssModulesMb = rss();
const config = configSchema.parse(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
let t = performance.now();
const app = await createApp({ config, env: { LOG_LEVEL: 'silent', METIS_BOT_CONFIG: process.argv[2]! }, logger: silentLogger });
const startMs = performance.now() - t;
if (!handleCommandText('/apy', app.context)) throw new Error('no /apy reply');
const rssAfterStartMb = rss();
const peakAfterStartMb = process.resourceUsage().maxRSS / 1024;
t = performance.now();
await app.poller.runCycle();
const cycleMs = performance.now() - t;
const rssAfterCycleMb = rss();
const figures: MemoryFigures = {
  rssRuntimeMb,
  rssModulesMb,
  startMs,
  rssAfterStartMb,
  peakAfterStartMb,
  cycleMs,
  rssAfterCycleMb,
  heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
await app.stop();
process.stdout.write(JSON.stringify(figures));
