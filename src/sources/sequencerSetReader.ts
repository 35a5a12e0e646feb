import type { SourceOfKind } from '../config/configSchema.ts';
import { metisSequencerSetAbi } from './abis.ts';
import { resultAt, SourceReadError, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * MetisSequencerSet on the L2: the current epoch (number, signer, first and last block), in the L2 chain's
 * one multicall. The signer is kept as the integer of its address, since raw values are integers.
 */
export function sequencerSetReader(config: SourceOfKind<'sequencer-set'>): SourceReader {
  return {
    config,
    prepared: true,
    async prepare() {},
    calls() {
      return [{ address: config.address, abi: metisSequencerSetAbi, functionName: 'currentEpoch' }];
    },
    decode(results: readonly CallResult[]) {
      const value = resultAt(config.id, results, 0, 'currentEpoch()') as readonly unknown[];
      const [number, signer, startBlock, endBlock] = Array.isArray(value) ? value : [];
      if (typeof number !== 'bigint' || typeof signer !== 'string' || typeof startBlock !== 'bigint' || typeof endBlock !== 'bigint') {
        throw new SourceReadError(config.id, 'currentEpoch() answered out of shape');
      }
      return { epochNumber: number, epochSigner: BigInt(signer), epochStartBlock: startBlock, epochEndBlock: endBlock };
    },
  };
}
