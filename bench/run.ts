import { commands } from '../commands/registry.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startDevnet } from '../src/devnet/startDevnet.ts';
import { silentLogger } from '../src/log/logger.ts';
import { Poller } from '../src/poller/poller.ts';
import { createFailoverRpc } from '../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { benchApyCommand } from './commandBench.ts';
import { benchFanout } from './fanoutBench.ts';
import { benchMemory } from './memoryBench.ts';
import { benchPoll } from './pollBench.ts';

/**
 * `npm run bench`: every speed figure, measured side by side in one run and printed as ratios.
 * Targets (issue "The spine"): one eth_call per chain and >= 20x fewer requests than per-view reads;
 * /apy p99 under 5 ms from memory.
 */
const out = (line: string) => process.stdout.write(`${line}\n`);
const devnet = await startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } });
try {
  const poll = await benchPoll(devnet);
  out(`Poll cycle, ${poll.sources} vaults and pools on one chain (median of 7 cycles, requests counted on the wire):`);
  out(`  batched (the bot):  ${poll.batched.requestsPerCycle.toFixed(1)} JSON-RPC requests (${poll.batched.ethCallsPerCycle} eth_call), ${poll.batched.msMedian.toFixed(1)} ms`);
  out(`  one request a view: ${poll.perView.requestsPerCycle.toFixed(1)} JSON-RPC requests, ${poll.perView.msMedian.toFixed(1)} ms`);
  out(`  ratio: ${(poll.perView.requestsPerCycle / poll.batched.requestsPerCycle).toFixed(1)}x fewer requests (target >= 20x), ${(poll.perView.msMedian / poll.batched.msMedian).toFixed(1)}x faster`);

  // /apy from the figures of a real cycle over the demo tower.
  const config = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: devnet.l1.url, DEVNET_L2_RPC: devnet.l2.url, METIS_BOT_DB: ':memory:' });
  const store = openSqliteStore(':memory:');
  const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 10_000 })]));
  const poller = new Poller({ config, store, rpcs, logger: silentLogger });
  for (let day = 0; day < 8; day++) {
    await devnet.scenario.advance(86_400);
    await poller.runCycle();
  }
  const apy = benchApyCommand({ snapshot: () => poller.snapshot(), now: Date.now, commands: () => commands });
  out('/apy handled 10,000 times from memory (parse, run, render Telegram HTML):');
  out(`  p50 ${apy.p50.toFixed(3)} ms, p99 ${apy.p99.toFixed(3)} ms (target p99 < 5 ms), max ${apy.max.toFixed(3)} ms`);
  store.close();

  // Memory with a year of history (about a minute: 2.1 million observations are written first).
  const memory = await benchMemory(devnet);
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  out(`Memory, ${memory.sources} sources with a year of 5-minute history (${(memory.observations / 1e6).toFixed(2)} M observations, ${(memory.metricRows / 1e6).toFixed(2)} M metric rows, ${mb(memory.dbMb)} SQLite file), in a fresh process:`);
  out(`  RSS after start and snapshot: ${mb(memory.rssAfterStartMb)}; after one more poll cycle: ${mb(memory.rssAfterCycleMb)} (target < 150 MB); peak ${mb(memory.peakRssMb)}; JS heap ${mb(memory.heapUsedMb)}`);
  out(`  of which: Node with the tsx loader ${mb(memory.rssRuntimeMb)}, the bot's modules ${mb(memory.rssModulesMb - memory.rssRuntimeMb)}, the year of history ${mb(memory.rssAfterStartMb - memory.rssModulesMb)}`);
  out(`  start on that file (open, integrity check, snapshot): ${(memory.startMs / 1000).toFixed(2)} s; a poll cycle on it: ${memory.cycleMs.toFixed(0)} ms`);
} finally {
  await devnet.stop();
}

// Digest fan-out through the outbox to a Bot API that enforces Telegram's limits, scaled from 30/s to
// 1,000/s (on a 2-core machine grammY and the fake server together top out near 2,900 requests/s).
const fanout = await benchFanout(10_000, 1_000);
out(`Digest fan-out to ${fanout.subscribers.toLocaleString('en-US')} Telegram subscribers (limits scaled to ${fanout.limitPerSecond}/s overall, 1/s per chat):`);
out(`  enqueue ${fanout.enqueueMs.toFixed(0)} ms, deliver ${(fanout.deliverMs / 1000).toFixed(2)} s`);
out(`  achieved ${fanout.achievedPerSecond.toFixed(0)}/s = ${(fanout.achievedPerSecond / fanout.limitPerSecond).toFixed(3)} of the limit (target >= 0.95; sustained at the server after the first second ${fanout.sustainedPerSecond.toFixed(0)}/s), limit violations ${fanout.violations} (target 0)`);
out(`  lost ${fanout.lost}, duplicated ${fanout.duplicated} (target 0, 0); peak RSS ${fanout.peakRssMb.toFixed(0)} MB, peak heap ${fanout.peakHeapMb.toFixed(0)} MB`);
