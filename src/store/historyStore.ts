import type { HeadTrack } from '../core/chainHalt.ts';
import type { SequencerRecord } from '../sources/sequencerRecord.ts';
import type { RawValues } from '../sources/sourceReader.ts';

/** One successful read of a source: raw chain integers and where in the chain they were read. */
export interface Observation {
  readonly sourceId: string;
  readonly chainId: number;
  readonly blockNumber: bigint;
  /** Block timestamp, unix seconds: the time every window is measured in. */
  readonly blockTime: number;
  /** Wall clock when the read was made, unix milliseconds: what "data age" is measured from. */
  readonly observedAt: number;
  readonly values: RawValues;
  /** Every sequencer as read in the same multicall (sequencer sources); stored per sequencer. */
  readonly sequencers?: readonly SequencerRecord[];
}

/** One stored per-cycle read of one sequencer. */
export interface StoredSequencerRead extends SequencerRecord {
  readonly blockTime: number;
}

/** A decoded contract event with the time of its block. */
export interface ChainEvent {
  readonly sourceId: string;
  readonly chainId: number;
  readonly name: string;
  readonly blockNumber: bigint;
  readonly blockTime: number;
  readonly logIndex: number;
  readonly txHash: string;
  readonly args: RawValues;
}

/** How far events of one source have been read: blocks [startBlock, nextBlock) are in the store. */
export interface EventCursor {
  readonly startBlock: bigint;
  readonly startTime: number;
  readonly nextBlock: bigint;
}

export interface SourceStatusRecord {
  readonly sourceId: string;
  readonly lastOkAt?: number;
  readonly lastError?: string;
  readonly lastErrorAt?: number;
}

/** Computed metrics of one source at one block time (fractions for rates, plain numbers otherwise). */
export type MetricValues = Readonly<Record<string, number>>;

/** One stored value of a metric at a block time (unix seconds). */
export interface SeriesPoint {
  readonly time: number;
  readonly value: number;
}

/** The part of the history that commands may read (charts): read-only, never the network. */
export interface MetricHistory {
  /**
   * A metric's stored values with fromTime <= blockTime <= toTime, oldest first. More than `maxPoints`
   * (default 500) are averaged in equal time buckets, so a 90-day window stays a few hundred points.
   */
  metricSeries(sourceId: string, name: string, fromTime: number, toTime: number, maxPoints?: number): SeriesPoint[];
  /** Each sequencer's newest stored read with blockTime <= time, by id. */
  sequencersAt(sourceId: string, time: number): StoredSequencerRead[];
  /** One sequencer's newest stored read with blockTime <= time: one index search. */
  sequencerAt(sourceId: string, seqId: number, time: number): StoredSequencerRead | undefined;
  /** One sequencer's stored reads with fromTime <= blockTime <= toTime, oldest first. */
  sequencerReads(sourceId: string, seqId: number, fromTime: number, toTime: number): StoredSequencerRead[];
  /** Events of the given names with fromTime < blockTime <= toTime, oldest first. */
  eventsBetween(sourceId: string, names: readonly string[], fromTime: number, toTime: number): ChainEvent[];
  getCursor(key: string): EventCursor | undefined;
}

/** The read-only view of a store that commands get: its methods bound, nothing that writes. */
export function metricHistoryOf(store: HistoryStore): MetricHistory {
  return {
    metricSeries: store.metricSeries.bind(store),
    sequencersAt: store.sequencersAt.bind(store),
    sequencerAt: store.sequencerAt.bind(store),
    sequencerReads: store.sequencerReads.bind(store),
    eventsBetween: store.eventsBetween.bind(store),
    getCursor: store.getCursor.bind(store),
  };
}

/** Everything the bot keeps over time. SQLite implements it; the interface keeps other engines possible. */
export interface HistoryStore extends MetricHistory {
  addObservation(observation: Observation): void;
  latestObservation(sourceId: string): Observation | undefined;
  /** The newest observation with blockTime <= time. */
  observationAtOrBefore(sourceId: string, time: number): Observation | undefined;

  /** Stores events, ignoring ones already stored; returns how many were new. */
  addEvents(events: readonly ChainEvent[]): number;
  /** Sum of one integer argument over events with fromTime < blockTime <= toTime. */
  sumEventArg(sourceId: string, name: string, arg: string, fromTime: number, toTime: number): bigint;
  recentEvents(sourceId: string, name: string, limit: number): ChainEvent[];

  setCursor(key: string, cursor: EventCursor): void;

  addMetrics(sourceId: string, blockTime: number, values: MetricValues): void;
  /** The newest stored value of a metric with blockTime <= time. */
  metricAtOrBefore(sourceId: string, name: string, time: number): { blockTime: number; value: number } | undefined;

  setSourceStatus(status: SourceStatusRecord): void;
  sourceStatuses(): SourceStatusRecord[];

  /** Each chain's head as the bot last saw it (what its halt is measured from), by chain id. */
  chainHeads(): Map<number, HeadTrack>;
  setChainHead(chainId: number, track: HeadTrack): void;

  /** Adds several writes atomically (one cycle's results). */
  transaction<T>(work: () => T): T;
  close(): void;
}
