import type { Abi, Address, PublicClient } from 'viem';
import type { SourceConfig } from '../config/configSchema.ts';
import { BaseError } from '../vocabulary/baseError.ts';
import type { SequencerRecord } from './sequencerRecord.ts';

/** One view call of the cycle's multicall. */
export interface ViewCall {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args?: readonly unknown[];
}

/** One entry of a Multicall3 `aggregate3` answer with allowFailure. */
export type CallResult =
  | { readonly status: 'success'; readonly result: unknown }
  | { readonly status: 'failure'; readonly error: Error };

/** Raw chain integers of one read; they stay bigint until core turns them into figures. */
export type RawValues = Readonly<Record<string, bigint>>;

/**
 * Reads one configured source. `prepare` fetches what never changes (decimals, token order) once;
 * `calls` lists the views for every cycle's multicall and `decode` turns their answers into raw values.
 */
export interface SourceReader {
  readonly config: SourceConfig;
  readonly prepared: boolean;
  /** Runs on a client that batches concurrent reads into one multicall. */
  prepare(client: PublicClient): Promise<void>;
  calls(): readonly ViewCall[];
  /** @throws SourceReadError when a view reverted or answered out of shape. */
  decode(results: readonly CallResult[]): RawValues;
  /** Every sequencer in the same answer (sequencer sources only). @throws SourceReadError like decode. */
  decodeSequencers?(results: readonly CallResult[]): SequencerRecord[];
}

/** A source's read failed; the message names the view and says why. */
export class SourceReadError extends BaseError {
  override name = 'SourceReadError';
  constructor(
    readonly sourceId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The value of `results[index]`, or a SourceReadError naming the view that failed. */
export function resultAt(sourceId: string, results: readonly CallResult[], index: number, view: string): unknown {
  const entry = results[index];
  if (!entry) throw new SourceReadError(sourceId, `${view}: no answer`);
  if (entry.status === 'failure') {
    const reason = (entry.error as { shortMessage?: string }).shortMessage ?? entry.error.message.split('\n')[0];
    throw new SourceReadError(sourceId, `${view} reverted: ${reason}`, { cause: entry.error });
  }
  return entry.result;
}

/** Like resultAt for a view that returns one unsigned integer. */
export function uintAt(sourceId: string, results: readonly CallResult[], index: number, view: string): bigint {
  const value = resultAt(sourceId, results, index, view);
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  throw new SourceReadError(sourceId, `${view} answered ${String(value)}, not an unsigned integer`);
}
