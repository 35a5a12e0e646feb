import type { Figure } from '../core/figure.ts';

/** One sequencer's lifecycle event from LockingInfo (amounts in METIS). */
export interface SequencerEventView {
  readonly name: 'Locked' | 'Relocked' | 'UnlockInit' | 'Unlocked' | 'ClaimRewards' | 'LockUpdate';
  /** Block time, unix seconds. */
  readonly time: number;
  /** The amount the event names: locked, added, exiting, withdrawn, claimed, or the new lock. */
  readonly amount: number;
  /** UnlockInit only: when the exit can be claimed (unix seconds). */
  readonly unlockClaimTime?: number;
}

/** One sequencer of the LockingPool as the last cycle read it, with its income from the stored history. */
export interface SequencerRow {
  readonly seqId: number;
  /** The config label, or the short owner address. */
  readonly name: string;
  readonly labelled: boolean;
  readonly owner: string;
  readonly signer: string;
  /** The liquid-staking protocol that runs it, where the config names one. */
  readonly lst?: string;
  readonly status: 'active' | 'exiting' | 'exited' | 'unavailable';
  /** Exiting: when its locked METIS can be claimed (unix seconds). */
  readonly unlockClaimTime?: number;
  /** METIS locked. */
  readonly locked: Figure;
  /** locked ÷ totalLocked. */
  readonly share: Figure;
  /** Unclaimed reward, METIS. */
  readonly unclaimed: Figure;
  /** Reward earned in the trailing 7 d / 30 d (growth of `reward` plus claims), METIS, and the APR it implies on `locked`. */
  readonly income7d: Figure;
  readonly apr7d: Figure;
  readonly income30d: Figure;
  readonly apr30d: Figure;
  /** Whether its signer signs the current L2 epoch (undefined while the epoch is unknown). */
  readonly signsEpoch?: boolean;
  /**
   * Active only: since when (unix seconds) its earned reward (unclaimed plus claimed) has not grown, when it did
   * not grow at this read; looked for over the last two days, so an older stall reads as "since two days ago".
   */
  readonly rewardFlatSince?: number;
  /** Reward earned per day over the last 30 days, oldest first (a missing day has no stored read at its ends). */
  readonly dailyIncome: readonly { readonly day: number; readonly income: Figure }[];
  /** Its Locked, Relocked, UnlockInit, Unlocked, ClaimRewards and LockUpdate events in the stored history, oldest first. */
  readonly events: readonly SequencerEventView[];
}

/** The share of the base run by one liquid-staking protocol, beside the claims it issued in the tower. */
export interface ProtocolShareView {
  readonly protocol: string;
  readonly sequencers: number;
  readonly locked: Figure;
  readonly share: Figure;
  /** Each of its tower tokens, valued in the base, as a share of the base. */
  readonly claims: readonly { readonly token: string; readonly inBase: Figure; readonly ofBase: Figure }[];
}

/** Every sequencer and who runs the base: /sequencers, the tower's split, sequencer alerts. */
export interface SequencersView {
  readonly sourceId: string;
  /** Block time of the read, unix seconds. */
  readonly blockTime: number;
  readonly rows: readonly SequencerRow[];
  readonly activeCount: number;
  /** METIS locked (totalLocked). */
  readonly base: Figure;
  /** The base stored 24 h before the read (the newest at or before then, at most 12 h older, as every 24 h change). */
  readonly base24hAgo: Figure;
  /** The largest operator, sequencers of one protocol counted together. */
  readonly largestOperator?: { readonly name: string; readonly share: Figure };
  readonly protocols: readonly ProtocolShareView[];
  /** Share of the base run by all labelled liquid-staking protocols, and by everyone else. */
  readonly lstShare: Figure;
  readonly independentShare: Figure;
  /** Σ claims in the base ÷ the base not run by the protocols that issue those claims. */
  readonly rootedRatio: Figure;
  /** The current L2 epoch and its signer, when a sequencer-set source is read. */
  readonly epoch?: { readonly number: number; readonly signer: string };
}
