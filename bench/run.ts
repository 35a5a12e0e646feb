import { commands } from '../commands/registry.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startDevnet } from '../src/devnet/startDevnet.ts';
import { silentLogger } from '../src/log/logger.ts';
import { Poller } from '../src/poller/poller.ts';
import { createFailoverRpc } from '../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { benchApyCommand } from './commandBench.ts';
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
} finally {
  await devnet.stop();
}
