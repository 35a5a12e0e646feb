import { loadConfig } from '../src/config/loadConfig.ts';
import type { Devnet } from '../src/devnet/startDevnet.ts';
import { silentLogger } from '../src/log/logger.ts';
import { Poller } from '../src/poller/poller.ts';
import { createFailoverRpc } from '../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { startCountingProxy } from '../test/helpers/countingProxy.ts';

const E18 = 10n ** 18n;

/** What one poll cycle of the devnet config cost on each chain, counted on the wire. */
export interface SequencerPollFigures {
  readonly sequencers: number;
  readonly l1: { readonly requests: number; readonly ethCalls: number };
  readonly l2: { readonly requests: number; readonly ethCalls: number };
}

/**
 * The devnet's config (its LockingPool with every sequencer, the sequencer set, the tower) polled through
 * counting proxies, after two more sequencers lock (ten in all): the cycle after the count is seen reads every
 * `sequencers(id)` inside the one L1 eth_call.
 */
export async function benchSequencerPoll(devnet: Devnet): Promise<SequencerPollFigures> {
  const [l1, l2] = await Promise.all([startCountingProxy(devnet.l1.url), startCountingProxy(devnet.l2.url)]);
  const store = openSqliteStore(':memory:');
  try {
    const config = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: l1.url, DEVNET_L2_RPC: l2.url, METIS_BOT_DB: ':memory:' });
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 10_000 })]));
    const poller = new Poller({ config, store, rpcs, logger: silentLogger });
    await devnet.scenario.lockSequencer('0x191F22F8a40e04D7F693E3ee3060054819736823', '0xeFb109a3E37640043632DB964fCa2D02E55029BF', 60_000n * E18);
    await devnet.scenario.lockSequencer('0x784E866482c0c4867ab78303A5B7ECBA6b34E65f', '0x025978B766151E9e7caD4FE3D74332665c78Eed4', 40_000n * E18);
    await poller.runCycle(); // learns totalSequencers() = 10
    await devnet.scenario.advance(3_600);
    l1.reset();
    l2.reset();
    await poller.runCycle();
    const count = (methods: readonly string[]) => ({ requests: methods.length, ethCalls: methods.filter((m) => m === 'eth_call').length });
    return { sequencers: poller.snapshot().sequencers?.rows.length ?? 0, l1: count(l1.methods), l2: count(l2.methods) };
  } finally {
    store.close();
    await Promise.all([l1.close(), l2.close()]);
  }
}
