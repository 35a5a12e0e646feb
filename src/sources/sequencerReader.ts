import { getAddress, type Address, type PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { lockingPoolSequencersAbi, uintViewAbi } from './abis.ts';
import type { SequencerRecord } from './sequencerRecord.ts';
import { requireContract } from './contractIdentity.ts';
import { resultAt, SourceReadError, uintAt, type CallResult, type SourceReader, type ViewCall } from './sourceReader.ts';

/** More sequencer ids than this in one multicall would be a broken answer, not a network of sequencers. */
export const MAX_SEQUENCERS = 500;

const BASE_CALLS = 4;

/**
 * Metis sequencer mining on L1: `rewardPerBlock` (METIS wei per L2 block) and the exit delay from the
 * LockingPool, `totalLocked` from LockingInfo, and every sequencer: `totalSequencers()` then `sequencers(id)`
 * for ids 1…count, all in the chain's one multicall. The count is read once at prepare and again in every
 * cycle; when it grows, the next cycle's calls() reads the new ids too. Reward events are read separately.
 */
export function sequencerReader(config: SourceOfKind<'sequencer'>): SourceReader {
  const { views } = config;
  let count = 0;
  let prepared = false;
  const knownCount = (value: bigint) => {
    if (value > BigInt(MAX_SEQUENCERS)) throw new SourceReadError(config.id, `totalSequencers() answered ${value}, more than ${MAX_SEQUENCERS}`);
    return Number(value);
  };
  return {
    config,
    get prepared() {
      return prepared;
    },
    async prepare(client: PublicClient) {
      // Both addresses must hold a contract: a view of an address without code would only say "no data".
      const scope = { sourceId: config.id, chainId: config.chain };
      await Promise.all([requireContract(client, scope, config.lockingPool), requireContract(client, scope, config.lockingInfo)]);
      // A LockingPool without totalSequencers() (an older deployment, a test fixture) still gives the base views.
      count = await client
        .readContract({ address: config.lockingPool, abi: lockingPoolSequencersAbi, functionName: 'totalSequencers' })
        .then(knownCount, () => 0);
      prepared = true;
    },
    calls() {
      const calls: ViewCall[] = [
        { address: config.lockingPool, abi: uintViewAbi(views.rewardPerBlock), functionName: views.rewardPerBlock },
        { address: config.lockingPool, abi: uintViewAbi(views.exitDelay), functionName: views.exitDelay },
        { address: config.lockingInfo, abi: uintViewAbi(views.totalLocked), functionName: views.totalLocked },
        { address: config.lockingPool, abi: lockingPoolSequencersAbi, functionName: 'totalSequencers' },
      ];
      for (let id = 1; id <= count; id++) calls.push({ address: config.lockingPool, abi: lockingPoolSequencersAbi, functionName: 'sequencers', args: [BigInt(id)] });
      return calls;
    },
    decode(results: readonly CallResult[]) {
      const values: Record<string, bigint> = {
        rewardPerBlock: uintAt(config.id, results, 0, `${views.rewardPerBlock}()`),
        exitDelay: uintAt(config.id, results, 1, `${views.exitDelay}()`),
        totalLocked: uintAt(config.id, results, 2, `${views.totalLocked}()`),
      };
      if (results[3]?.status === 'success') values.totalSequencers = uintAt(config.id, results, 3, 'totalSequencers()');
      return values;
    },
    decodeSequencers(results: readonly CallResult[]) {
      // Without totalSequencers() there is no per-sequencer view to read (see prepare).
      if (results[3]?.status !== 'success') return [];
      const read = results.length - BASE_CALLS;
      const records: SequencerRecord[] = [];
      for (let i = 0; i < read; i++) records.push(decodeSequencer(config.id, i + 1, resultAt(config.id, results, BASE_CALLS + i, `sequencers(${i + 1})`)));
      // The count seen in this answer sizes the next cycle's calls (a new sequencer is read from then on).
      count = knownCount(uintAt(config.id, results, 3, 'totalSequencers()'));
      return records;
    },
  };
}

function decodeSequencer(sourceId: string, seqId: number, value: unknown): SequencerRecord {
  const words = value as readonly unknown[];
  const fail = () => new SourceReadError(sourceId, `sequencers(${seqId}) answered out of shape`);
  if (!Array.isArray(words) || words.length !== 13) throw fail();
  const uint = (i: number) => {
    const w = words[i];
    if (typeof w !== 'bigint' || w < 0n) throw fail();
    return w;
  };
  const addr = (i: number): Address => {
    const w = words[i];
    if (typeof w !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(w)) throw fail();
    return getAddress(w);
  };
  const status = Number(words[12]);
  if (!Number.isInteger(status) || status < 0 || status > 3) throw new SourceReadError(sourceId, `sequencers(${seqId}) has status ${String(words[12])}, not 0-3`);
  return {
    seqId,
    status,
    amount: uint(0),
    reward: uint(1),
    activationBatch: uint(2),
    deactivationTime: Number(uint(5)),
    unlockClaimTime: Number(uint(6)),
    owner: addr(8),
    signer: addr(9),
    rewardRecipient: addr(11),
  };
}
