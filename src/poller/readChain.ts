import type { PublicClient } from 'viem';
import type { ChainConfig, SourceOfKind } from '../config/configSchema.ts';
import { averageBlockTime, type BlockPoint } from '../core/sequencer.ts';
import type { Figure } from '../core/figure.ts';
import { shortError } from '../rpc/rpcErrors.ts';
import { multicall3Abi } from '../sources/abis.ts';
import type { CallResult, SourceReader } from '../sources/sourceReader.ts';
import type { ChainEvent, EventCursor, HistoryStore, Observation } from '../store/historyStore.ts';
import type { LogsRangeController } from './logsRangeController.ts';
import { readSequencerEvents } from './readEvents.ts';
import { MULTICALL3_ADDRESS } from '../vocabulary/chains.ts';
import { eventCursorKey } from '../store/eventCursorKey.ts';

export interface SourceFailure {
  readonly sourceId: string;
  readonly error: string;
}

/** What one cycle learned about one chain. */
export interface ChainReading {
  readonly chainId: number;
  readonly head?: BlockPoint;
  readonly observations: Observation[];
  readonly failures: SourceFailure[];
  readonly events: ChainEvent[];
  readonly cursors: [key: string, cursor: EventCursor][];
  /** Average block time over the chain's trailing window, when some sequencer earns on this chain. */
  readonly blockTime?: Figure;
  readonly error?: string;
}

export interface ChainClients {
  readonly chain: ChainConfig;
  /** Plain client: the cycle's explicit multicall, logs and blocks. */
  readonly client: PublicClient;
  /** Client that folds concurrent reads into one multicall: used for the one-time metadata reads. */
  readonly batchingClient: PublicClient;
}


/**
 * Reads every source of one chain: metadata once, then ONE Multicall3 eth_call (allowFailure, so a
 * reverting source does not sink the others) that also returns the block number and time it was read at;
 * then sequencer events from the stored cursor and, where needed, the block time over a trailing window.
 */
export async function readChain(p: {
  clients: ChainClients;
  readers: readonly SourceReader[];
  store: HistoryStore;
  measureBlockTime: boolean;
  now: () => number;
  /** Off for a one-shot probe: event history is the poller's business. */
  readEvents?: boolean;
  /** The chain's eth_getLogs range, kept by the poller across cycles (the provider's caps do not change). */
  logsRange?: LogsRangeController;
}): Promise<ChainReading> {
  const { chain, client, batchingClient } = p.clients;
  const failures: SourceFailure[] = [];
  const observations: Observation[] = [];
  const events: ChainEvent[] = [];
  const cursors: [string, EventCursor][] = [];

  const unprepared = p.readers.filter((r) => !r.prepared);
  const prepared = await Promise.allSettled(unprepared.map((r) => r.prepare(batchingClient)));
  prepared.forEach((outcome, i) => {
    if (outcome.status === 'rejected') failures.push({ sourceId: unprepared[i]!.config.id, error: `metadata: ${shortError(outcome.reason)}` });
  });
  const ready = p.readers.filter((r) => r.prepared);

  const plan = ready.map((reader) => ({ reader, calls: reader.calls() }));
  let results: CallResult[];
  try {
    results = (await client.multicall({
      contracts: [
        { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getBlockNumber' },
        { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
        ...plan.flatMap((entry) => entry.calls),
      ],
      allowFailure: true,
      batchSize: 0, // never split: one eth_call per chain per cycle
      multicallAddress: MULTICALL3_ADDRESS,
    })) as CallResult[];
  } catch (error) {
    const message = shortError(error);
    return { chainId: chain.id, observations, events, cursors, failures: [...failures, ...ready.map((r) => ({ sourceId: r.config.id, error: message }))], error: message };
  }

  const [numberResult, timeResult] = results;
  if (numberResult?.status !== 'success' || timeResult?.status !== 'success') {
    // With allowFailure, viem reports a failed request (not only a reverted call) on every entry: show its cause.
    const failed = numberResult?.status === 'failure' ? numberResult : timeResult?.status === 'failure' ? timeResult : undefined;
    const message = failed
      ? shortError(failed.error)
      : 'Multicall3 did not answer getBlockNumber/getCurrentBlockTimestamp (is it deployed at the canonical address?)';
    return { chainId: chain.id, observations, events, cursors, failures: [...failures, ...ready.map((r) => ({ sourceId: r.config.id, error: message }))], error: message };
  }
  const head: BlockPoint = { number: numberResult.result as bigint, time: Number(timeResult.result as bigint) };
  const observedAt = p.now();

  let offset = 2;
  for (const { reader, calls } of plan) {
    const slice = results.slice(offset, offset + calls.length);
    offset += calls.length;
    try {
      const values = reader.decode(slice);
      const sequencers = reader.decodeSequencers?.(slice);
      observations.push({ sourceId: reader.config.id, chainId: chain.id, blockNumber: head.number, blockTime: head.time, observedAt, values, ...(sequencers ? { sequencers } : {}) });
    } catch (error) {
      failures.push({ sourceId: reader.config.id, error: shortError(error) });
    }
  }

  const sequencers = p.readEvents === false ? [] : p.readers.map((r) => r.config).filter((c): c is SourceOfKind<'sequencer'> => c.kind === 'sequencer');
  for (const source of sequencers) {
    const key = eventCursorKey(source.id);
    try {
      const read = await readSequencerEvents({ client, source, cursor: p.store.getCursor(key), head: head.number, maxRange: chain.logsMaxRange, ...(p.logsRange ? { range: p.logsRange } : {}) });
      events.push(...read.events);
      cursors.push([key, read.cursor]);
      if (read.error !== undefined) failures.push({ sourceId: source.id, error: `events: ${shortError(read.error)}` });
    } catch (error) {
      failures.push({ sourceId: source.id, error: `events: ${shortError(error)}` });
    }
  }

  let blockTime: Figure | undefined;
  let error: string | undefined;
  if (p.measureBlockTime) {
    try {
      const pastNumber = head.number > BigInt(chain.blockTimeWindow) ? head.number - BigInt(chain.blockTimeWindow) : 0n;
      const past = await client.getBlock({ blockNumber: pastNumber });
      blockTime = averageBlockTime({ number: past.number, time: Number(past.timestamp) }, head);
    } catch (caught) {
      error = `block time: ${shortError(caught)}`;
    }
  }
  return { chainId: chain.id, head, observations, failures, events, cursors, ...(blockTime ? { blockTime } : {}), ...(error ? { error } : {}) };
}
