import type { PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { distributeRewardEvent, rewardUpdateEvent } from '../sources/abis.ts';
import type { ChainEvent, EventCursor } from '../store/historyStore.ts';

export interface EventRead {
  readonly events: ChainEvent[];
  /** The cursor after the chunks that were read completely; unchanged blocks are read again next cycle. */
  readonly cursor: EventCursor;
  readonly error?: unknown;
}

/**
 * Reads the sequencer's DistributeReward and RewardUpdate events from the stored cursor up to `head`,
 * in chunks of `maxRange` blocks. A first read starts `logsLookbackBlocks` back. A chunk that fails stops
 * the read there; what came before it is kept, so nothing is skipped or read twice.
 */
export async function readSequencerEvents(p: {
  client: PublicClient;
  source: SourceOfKind<'sequencer'>;
  cursor: EventCursor | undefined;
  head: bigint;
  maxRange: number;
}): Promise<EventRead> {
  const { client, source, head } = p;
  let cursor = p.cursor;
  // A cursor past the head means the chain was reset (a devnet) or reorganised deeply: start again.
  if (!cursor || cursor.nextBlock > head + 1n) {
    const startBlock = head > BigInt(source.logsLookbackBlocks) ? head - BigInt(source.logsLookbackBlocks) : 0n;
    const start = await client.getBlock({ blockNumber: startBlock });
    cursor = { startBlock, startTime: Number(start.timestamp), nextBlock: startBlock };
  }
  const events: ChainEvent[] = [];
  const blockTimes = new Map<bigint, number>();
  try {
    while (cursor.nextBlock <= head) {
      const toBlock: bigint = cursor.nextBlock + BigInt(p.maxRange) - 1n < head ? cursor.nextBlock + BigInt(p.maxRange) - 1n : head;
      const logs = await client.getLogs({
        address: source.lockingPool,
        events: [distributeRewardEvent, rewardUpdateEvent],
        fromBlock: cursor.nextBlock,
        toBlock,
        strict: true,
      });
      for (const log of logs) {
        if (log.blockTimestamp != null) blockTimes.set(log.blockNumber, Number(log.blockTimestamp));
      }
      // Most RPCs do not put block times on logs: fetch the few blocks that carried an event.
      const unknown = [...new Set(logs.map((l) => l.blockNumber))].filter((n) => !blockTimes.has(n));
      const blocks = await Promise.all(unknown.map((blockNumber) => client.getBlock({ blockNumber })));
      for (const block of blocks) blockTimes.set(block.number, Number(block.timestamp));
      for (const log of logs) {
        const args = Object.fromEntries(Object.entries(log.args).filter((entry): entry is [string, bigint] => typeof entry[1] === 'bigint'));
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
