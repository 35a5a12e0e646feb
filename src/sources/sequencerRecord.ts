import type { Address } from 'viem';

/** LockingPool sequencer statuses, as the contract numbers them. */
export const SEQUENCER_STATUS = { unavailable: 0, inactive: 1, active: 2, unlocked: 3 } as const;

/**
 * One sequencer as `LockingPool.sequencers(id)` answered it in a cycle's multicall (METIS amounts in wei).
 * `inactive` means its owner started the exit (unlock); it still counts in totalLocked until `unlocked`.
 */
export interface SequencerRecord {
  readonly seqId: number;
  /** 0 unavailable, 1 inactive (exiting), 2 active, 3 unlocked (exited). */
  readonly status: number;
  readonly amount: bigint;
  /** Unclaimed reward: raised by every reward batch, lowered by a claim. */
  readonly reward: bigint;
  readonly owner: Address;
  readonly signer: Address;
  readonly rewardRecipient: Address;
  readonly activationBatch: bigint;
  /** Unix seconds; 0 while no exit was started. */
  readonly deactivationTime: number;
  /** Unix seconds from which the exit can be claimed; 0 while no exit was started. */
  readonly unlockClaimTime: number;
}
