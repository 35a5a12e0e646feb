import type { PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { uintViewAbi } from './abis.ts';
import { requireContract } from './contractIdentity.ts';
import { uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * Metis sequencer mining on L1: `rewardPerBlock` (METIS wei per L2 block) and the exit delay from the
 * LockingPool, `totalLocked` from LockingInfo. Reward events are read separately from a stored cursor.
 * At prepare both addresses must hold a contract (a view of an address without code would only say "no data").
 */
export function sequencerReader(config: SourceOfKind<'sequencer'>): SourceReader {
  const { views } = config;
  let checked = false;
  return {
    config,
    get prepared() {
      return checked;
    },
    async prepare(client: PublicClient) {
      const scope = { sourceId: config.id, chainId: config.chain };
      await Promise.all([requireContract(client, scope, config.lockingPool), requireContract(client, scope, config.lockingInfo)]);
      checked = true;
    },
    calls() {
      return [
        { address: config.lockingPool, abi: uintViewAbi(views.rewardPerBlock), functionName: views.rewardPerBlock },
        { address: config.lockingPool, abi: uintViewAbi(views.exitDelay), functionName: views.exitDelay },
        { address: config.lockingInfo, abi: uintViewAbi(views.totalLocked), functionName: views.totalLocked },
      ];
    },
    decode(results: readonly CallResult[]) {
      return {
        rewardPerBlock: uintAt(config.id, results, 0, `${views.rewardPerBlock}()`),
        exitDelay: uintAt(config.id, results, 1, `${views.exitDelay}()`),
        totalLocked: uintAt(config.id, results, 2, `${views.totalLocked}()`),
      };
    },
  };
}
