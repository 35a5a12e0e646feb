import { parseArgs } from 'node:util';
import type { Config } from './config/configSchema.ts';
import { formatGrouped, formatNumber } from './core/format.ts';
import { createChainClients } from './poller/chainClients.ts';
import { probeLogsRange } from './poller/probeLogsRange.ts';
import { readChain } from './poller/readChain.ts';
import { createFailoverRpc } from './rpc/failoverRpc.ts';
import { redactUrl } from './log/redactUrl.ts';
import { AllEndpointsFailedError, shortError } from './rpc/rpcErrors.ts';
import { walkCauses } from './vocabulary/baseError.ts';
import { createChainReaders } from './sources/createSourceReader.ts';
import { openSqliteStore } from './store/sqliteStore.ts';
import { loadSettings } from './main.ts';

/**
 * `npm run doctor`: reads every configured source once against the configured RPCs and prints which answer
 * and which do not, and why. Each RPC URL is probed on its own; sources are read as a poll cycle reads them.
 * @returns the number of problems found.
 */
export async function runDoctor(config: Config, write: (line: string) => void): Promise<number> {
  let problems = 0;
  const store = openSqliteStore(':memory:');
  for (const chain of config.chains) {
    write(`\n${chain.name} (chain ${chain.id})`);
    // eth_getLogs is only used for the sequencer's reward events: probe it where one is read.
    const sequencer = config.sources.find((s) => s.kind === 'sequencer' && s.chain === chain.id);
    for (const url of chain.rpc) {
      const probe = createFailoverRpc({ chainId: chain.id, urls: [url], timeoutMs: config.rpc.timeout * 1000 });
      try {
        const head = BigInt((await probe.request('eth_blockNumber')) as string);
        write(`  ok    RPC ${redactUrl(url)}: head block ${head}`);
        if (sequencer?.kind === 'sequencer') {
          const logs = await probeLogsRange({ client: createChainClients(chain, probe).client, address: sequencer.lockingPool, head, lookbackBlocks: sequencer.logsLookbackBlocks });
          const asked = formatGrouped(logs.asked, 0);
          if (!logs.ok) {
            problems++;
            write(`  FAIL  eth_getLogs: ${redactUrl(url)} over ${asked} blocks: ${logs.error}`);
          } else {
            write(`  ok    eth_getLogs: ${redactUrl(url)} accepted ${formatGrouped(logs.accepted, 0)} blocks (asked ${asked})`);
            if (logs.accepted < Math.min(logs.asked, chain.logsMaxRange)) {
              write(`  note  eth_getLogs: ${redactUrl(url)} takes fewer blocks than logsMaxRange (${formatGrouped(chain.logsMaxRange, 0)}); the poller shrinks its range to fit, and logsMaxRange: ${logs.accepted} saves the refused requests`);
            }
          }
        }
      } catch (error) {
        problems++;
        // One URL, one failure: its own reason, without the failover wrapper around it.
        const failed = walkCauses(error, (e): e is AllEndpointsFailedError => e instanceof AllEndpointsFailedError);
        const reason = failed?.failures.length === 1 ? failed.failures[0]! : `${redactUrl(url)}: ${shortError(error)}`;
        write(`  FAIL  RPC ${reason}`);
      }
    }
    const rpc = createFailoverRpc({ chainId: chain.id, urls: chain.rpc, timeoutMs: config.rpc.timeout * 1000 });
    const readers = createChainReaders(config, chain.id);
    const measureBlockTime = config.sources.some((s) => s.kind === 'sequencer' && s.l2Chain === chain.id);
    const reading = await readChain({ clients: createChainClients(chain, rpc), readers, store, measureBlockTime, now: Date.now, readEvents: false });
    if (reading.head) write(`  read at block ${reading.head.number} (${new Date(reading.head.time * 1000).toISOString()})`);
    for (const observation of reading.observations) {
      const values = Object.entries(observation.values).map(([k, v]) => `${k}=${v}`).join(' ');
      write(`  ok    ${observation.sourceId}: ${values}`);
      if (observation.values.twapOracleTooShort) {
        const algebra = config.sources.find((s) => s.id === observation.sourceId)?.kind === 'algebra';
        const [view, remedy] = algebra ? ['getTimepoints()', 'wait for it to age, or set twapSeconds lower or to 0'] : ['observe()', 'raise its cardinality, or set twapSeconds lower or to 0'];
        write(`  note  ${observation.sourceId}: ${view} reverted "OLD": the pool's oracle does not reach back ${observation.values.twapSeconds ?? '?'} s, so depeg alerts use the spot price (${remedy})`);
      }
      if (observation.values.twapNoOracle) {
        const view = config.sources.find((s) => s.id === observation.sourceId)?.kind === 'algebra' ? 'getTimepoints()' : 'observe()';
        write(`  note  ${observation.sourceId}: ${view} reverted: the pool has no oracle (an Algebra Integral pool keeps it in a plugin), so depeg alerts use the spot price (set twapSeconds to 0 to stop asking)`);
      }
    }
    for (const failure of reading.failures) {
      problems++;
      write(`  FAIL  ${failure.sourceId}: ${failure.error}`);
    }
    if (reading.blockTime) write(`  ${reading.blockTime.ok ? 'ok   ' : 'FAIL '} average block time over ${chain.blockTimeWindow} blocks: ${formatNumber(reading.blockTime, 3)} s`);
    if (reading.error) write(`  FAIL  ${reading.error}`);
  }
  store.close();
  write(problems === 0 ? '\nEvery source answered.' : `\n${problems} problem(s).`);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { config: { type: 'string' } } });
  const { config } = loadSettings(values.config);
  const problems = await runDoctor(config, (line) => process.stdout.write(`${line}\n`));
  process.exit(problems === 0 ? 0 : 1);
}
