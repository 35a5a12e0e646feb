import { isAddress, type PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { classifyLogsRangeError, LogsRangeFloorError } from '../rpc/logsRangeError.ts';
import { distributeRewardEvent, lockingInfoEvents, rewardUpdateEvent } from '../sources/abis.ts';
import type { ChainEvent, EventCursor } from '../store/historyStore.ts';
import { LogsRangeController } from './logsRangeController.ts';

/**
 * Timeouts in a row a read retries with a smaller range before it gives up for this cycle. A refusal in
 * words comes back at once, but a dead URL also times out, and halving down to one block against it would
 * hold the cycle for a dozen timeouts.
 */
export const MAX_TIMEOUT_RETRIES = 2;

export interface EventRead {
  readonly events: ChainEvent[];
  /** The cursor after the chunks that were read completely; unchanged blocks are read again next cycle. */
  readonly cursor: EventCursor;
  readonly error?: unknown;
}

/**
 * Reads the sequencer's events from the stored cursor up to `head` (the LockingPool's DistributeReward and
 * RewardUpdate, and LockingInfo's Locked, Relocked, UnlockInit, Unlocked, ClaimRewards and LockUpdate, in
 * the same requests),
 * in chunks whose size `range` adapts to the provider: a chunk refused as too large (blocks, results,
 * bytes, or a timeout; see classifyLogsRangeError) is asked again from the same block with fewer blocks,
 * and the size grows back after successes. A first read starts `logsLookbackBlocks` back. Any other
 * failure, or a single block refused, stops the read there; what came before it is kept, and the cursor
 * only moves past chunks that answered, so nothing is skipped or read twice.
 */
export async function readSequencerEvents(p: {
  client: PublicClient;
  source: SourceOfKind<'sequencer'>;
  cursor: EventCursor | undefined;
  head: bigint;
  /** The chain's range controller, kept across cycles; a fresh one at `maxRange` when absent. */
  range?: LogsRangeController;
  maxRange: number;
}): Promise<EventRead> {
  const { client, source, head } = p;
  const range = p.range ?? new LogsRangeController(p.maxRange);
  let cursor = p.cursor;
  // A cursor past the head means the chain was reset (a devnet) or reorganised deeply: start again.
  if (!cursor || cursor.nextBlock > head + 1n) {
    const startBlock = head > BigInt(source.logsLookbackBlocks) ? head - BigInt(source.logsLookbackBlocks) : 0n;
    const start = await client.getBlock({ blockNumber: startBlock });
    cursor = { startBlock, startTime: Number(start.timestamp), nextBlock: startBlock };
  }
  const events: ChainEvent[] = [];
  const blockTimes = new Map<bigint, number>();
  let timeouts = 0;
  try {
    while (cursor.nextBlock <= head) {
      const fromBlock = cursor.nextBlock;
      const toBlock: bigint = fromBlock + BigInt(range.size) - 1n < head ? fromBlock + BigInt(range.size) - 1n : head;
      const span = Number(toBlock - fromBlock + 1n);
      let logs;
      try {
        logs = await client.getLogs({ address: [source.lockingPool, source.lockingInfo], events: [distributeRewardEvent, rewardUpdateEvent, ...lockingInfoEvents], fromBlock, toBlock, strict: true });
      } catch (error) {
        const refusal = classifyLogsRangeError(error);
        if (!refusal) throw error;
        if (refusal.reason === 'timeout' && ++timeouts > MAX_TIMEOUT_RETRIES) throw error;
        if (!range.refused(span, refusal.suggestedBlocks)) throw new LogsRangeFloorError(fromBlock, refusal);
        continue; // the same fromBlock again, with fewer blocks
      }
      range.succeeded(span);
      timeouts = 0;
      for (const log of logs) {
        if (log.blockTimestamp != null) blockTimes.set(log.blockNumber, Number(log.blockTimestamp));
      }
      // Most RPCs do not put block times on logs: fetch the few blocks that carried an event.
      const unknown = [...new Set(logs.map((l) => l.blockNumber))].filter((n) => !blockTimes.has(n));
      const blocks = await Promise.all(unknown.map((blockNumber) => client.getBlock({ blockNumber })));
      for (const block of blocks) blockTimes.set(block.number, Number(block.timestamp));
      for (const log of logs) {
        // Stored args are integers: an address (a claim's recipient, a lock's signer) is kept as its 160-bit number; bytes are dropped.
        const args = Object.fromEntries(
          Object.entries(log.args).flatMap(([name, value]): [string, bigint][] =>
            typeof value === 'bigint' ? [[name, value]] : typeof value === 'string' && isAddress(value, { strict: false }) ? [[name, BigInt(value)]] : [],
          ),
        );
        events.push({
          sourceId: source.id,
          chainId: source.chain,
          name: log.eventName,
          blockNumber: log.blockNumber,
          blockTime: blockTimes.get(log.blockNumber)!,
          logIndex: log.logIndex,
          txHash: log.transactionHash,
          args,
        });
      }
      cursor = { ...cursor, nextBlock: toBlock + 1n };
    }
    return { events, cursor };
  } catch (error) {
    return { events, cursor, error };
  }
}
