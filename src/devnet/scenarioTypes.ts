import type { Address } from 'viem';

/**
 * The devnet's pools, each quoted as "asset in quote" (whole tokens); the pool's own token order follows from the
 * addresses (token0 is the lower address), see devnetPoolTokens:
 * - v2EMetisWmetis: eMetis in WMETIS (pair token0 = WMETIS, so the pair price is the inverse);
 * - v3WmetisSeMetis: seMetis in WMETIS (pool token0 = WMETIS, so the pool price is the inverse);
 * - v3WmetisUsdc: METIS in USDC (pool token0 = WMETIS 18 decimals, token1 = USDC 6: the pool price itself);
 * - algebraWmetisArtMetis: artMetis in WMETIS (Algebra pool token0 = WMETIS, so the pool price is the inverse).
 * The Camelot stable pair (camelotStableWmetisEMetis) is not traded: its reserves stay as deployed.
 */
export type DevnetPool = 'v2EMetisWmetis' | 'v3WmetisSeMetis' | 'v3WmetisUsdc' | 'algebraWmetisArtMetis';
export const DEVNET_POOLS: readonly DevnetPool[] = ['v2EMetisWmetis', 'v3WmetisSeMetis', 'v3WmetisUsdc', 'algebraWmetisArtMetis'];

export interface ScenarioOptions {
  /** L2 block cadence; default the deployment's (4 s). */
  readonly l2BlockTimeSeconds?: number;
  /** seMetis simple APR applied to totalAssets per advance. Default 0.12. */
  readonly vaultApr?: number;
  /** Artemis simple APR applied to totalDeposits per advance. Default 0.10. */
  readonly artemisApr?: number;
  /** Amplitude of the deterministic pool-price wobble around its anchor, in bps. Default 20. */
  readonly wobbleBps?: number;
  /** Phase seed of the wobble. Default 1. */
  readonly seed?: number;
  /**
   * Most L2 blocks one advance mines. Spans longer than this many blocks get ONE gap block first and then
   * `maxL2BlocksPerAdvance − 1` blocks at exactly the block time, so any trailing window shorter than that
   * measures the block time exactly (the bot's default window is 10,000 blocks). Default 30,000 (> 1 day at 4 s;
   * 21,600 blocks mine in ~0.5 s). Minimum 2,001.
   */
  readonly maxL2BlocksPerAdvance?: number;
}

export interface AdvanceOptions {
  /** Overrides ScenarioOptions.maxL2BlocksPerAdvance for this call (minimum 2,001). */
  readonly maxL2Blocks?: number;
}

export interface PoolState {
  /** Price of the asset in the quote (whole tokens) × 1e18, as read back from the pool after the last trade. */
  readonly priceE18: bigint;
  /** Anchor the wobble is applied to, relative to fair (1e18 = at fair; for METIS/USDC: the USDC price × 1e18). */
  readonly anchorE18: bigint;
  /** Wobble applied at the last set, in parts per million. */
  readonly wobblePpm: number;
  /** V2 only: the pair's reserves in its own token order, and the same as the asset's and the quote's. */
  readonly reserve0?: bigint;
  readonly reserve1?: bigint;
  readonly assetReserve?: bigint;
  readonly quoteReserve?: bigint;
  /** V3 and Algebra: slot0 (globalState) and the in-range liquidity. */
  readonly sqrtPriceX96?: bigint;
  readonly tick?: number;
  readonly liquidity?: bigint;
}

export interface AdvanceRecord {
  readonly fromTime: number;
  readonly toTime: number;
  /** L2 blocks the span is worth at the block time: the count rewards are paid for. */
  readonly l2Blocks: bigint;
  /** L2 blocks actually mined (less than l2Blocks only when capped by maxL2BlocksPerAdvance). */
  readonly l2BlocksMined: bigint;
  /** First and last L2 block of the span; they are the startEpoch and endEpoch of DistributeReward. */
  readonly startBlock: bigint;
  readonly endBlock: bigint;
  /** rewardPerBlock × l2Blocks; 0 when the span held no L2 block (then no DistributeReward). */
  readonly rewardAmount: bigint;
  /** DistributeReward batchId, when one was emitted. */
  readonly batchId?: bigint;
  /** Blocks holding the economics transaction on each chain. */
  readonly l1Block: bigint;
  readonly l2Block?: bigint;
}

export interface ScenarioState {
  /** Scenario clock (unix seconds): readyTime + everything advanced. L1's latest block is at this time. */
  readonly time: number;
  /** Number of advance() calls that produced L2 blocks (the wobble's step). */
  readonly step: number;
  readonly vaultApr: number;
  readonly artemisApr: number;
  readonly l1: {
    readonly rewardPerBlock: bigint;
    readonly totalLocked: bigint;
    readonly currentBatch: bigint;
    /** Σ DistributeReward.amount so far. */
    readonly totalDistributed: bigint;
  };
  readonly l2: {
    /** Timestamp of the last L2 economics update (growth is measured from it). */
    readonly economicsTime: number;
    readonly eMetisSupply: bigint;
    /** The vault's totalAssets (its eMetis balance) and totalSupply (its shares). */
    readonly seMetisTotalAssets: bigint;
    readonly seMetisTotalSupply: bigint;
    readonly artMetisSupply: bigint;
    readonly artemisTotalDeposits: bigint;
    readonly pools: { readonly [P in DevnetPool]: PoolState };
  };
  readonly lastAdvance?: AdvanceRecord;
}

export interface Scenario {
  /**
   * Moves both chains `seconds` forward and applies the economics of the span (see createScenario).
   * Calls are serialized.
   */
  advance(seconds: number, opts?: AdvanceOptions): Promise<AdvanceRecord>;
  /** What was last set on chain (a copy). */
  state(): ScenarioState;
  /** Trades a pool to a market price (asset in quote, whole tokens) now; later advances wobble around it. */
  setPoolPrice(pool: DevnetPool, price: number | string): Promise<void>;
  /** Trades an LST pool to `bps` off fair value now (−100 = 1 % below fair); later advances keep the premium. */
  setDepeg(pool: 'v2EMetisWmetis' | 'v3WmetisSeMetis' | 'algebraWmetisArtMetis', bps: number): Promise<void>;
  /** LockingPool.setRewardPerBlock (emits RewardUpdate). */
  setRewardPerBlock(rewardPerBlock: bigint): Promise<void>;
  /** LockingInfo.setTotalLocked: overrides the base without any sequencer (the sequencer setters below keep it consistent). */
  setTotalLocked(totalLocked: bigint): Promise<void>;
  /**
   * LockingPool.lock: a new active sequencer (Locked event; totalLocked rises), its own reward recipient. Joins the
   * L2 signer rotation. Resolves to its id.
   */
  lockSequencer(owner: Address, signer: Address, amount: bigint): Promise<number>;
  /** LockingPool.relock: an active sequencer adds METIS (Relocked and LockUpdate; totalLocked rises). */
  relockSequencer(seqId: number, amount: bigint): Promise<void>;
  /** LockingPool.claimRewards: pays the sequencer's unclaimed reward (ClaimRewards); its reward restarts at 0. */
  claimSequencerRewards(seqId: number): Promise<void>;
  /** LockingPool.unlockInit: the sequencer starts its exit (UnlockInit); it leaves the L2 signer rotation. */
  unlockInitSequencer(seqId: number): Promise<void>;
  /** LockingPool.unlock: an exit whose claim time has come is finalised (Unlocked; totalLocked falls). */
  unlockSequencer(seqId: number): Promise<void>;
  /**
   * Brings the seMetis vault to these totals the way a real vault gets there: shares minted (paid with newly
   * minted eMetis, as if users wrapped METIS) or redeemed by the router, then new eMetis transferred in as yield.
   * A real ERC-4626 share price only falls by a loss, which the devnet does not model: assets below what the
   * shares are worth at the current price are refused (RangeError). Later growth continues from these.
   */
  setVaultTotals(totalAssets: bigint, totalSupply: bigint): Promise<void>;
  /** Artemis deposit pool setTotalDeposits. */
  setArtemisDeposits(totalDeposits: bigint): Promise<void>;
  /** Takes effect from the next advance. */
  setVaultApr(apr: number): void;
  setArtemisApr(apr: number): void;
  setWobbleBps(bps: number): void;
}
