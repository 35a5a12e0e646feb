import { encodeFunctionData } from 'viem';
import { tickAtSqrtRatio } from '../core/tickMath.ts';
import { YEAR_SECONDS } from '../core/units.ts';
import {
  DEVNET_INITIAL,
  sendBatch,
  waitForSuccess,
  type BatchCall,
  type DevnetDeployment,
} from './deployDevnet.ts';
import {
  mockDepositPoolAbi,
  mockErc20Abi,
  mockErc4626Abi,
  mockLockingInfoAbi,
  mockLockingPoolAbi,
  mockUniswapV2PairAbi,
  mockUniswapV3PoolAbi,
} from './fixtureAbis.ts';
import {
  invertRatio,
  mulRatio,
  ratioFrom,
  ratioToE18,
  sqrtPriceX96FromPrice,
  v2ReservesForPrice,
  type Ratio,
} from './priceMath.ts';

/**
 * The devnet's pools, each quoted as "asset in quote" (whole tokens):
 * - v2EMetisWmetis: eMetis in WMETIS (pair token0 = eMetis, so the pair price is this price);
 * - v3WmetisSeMetis: seMetis in WMETIS (pool token0 = WMETIS, so the pool price is its inverse);
 * - v3WmetisUsdc: METIS in USDC (pool token0 = WMETIS 18 decimals, token1 = USDC 6).
 */
export type DevnetPool = 'v2EMetisWmetis' | 'v3WmetisSeMetis' | 'v3WmetisUsdc';
export const DEVNET_POOLS: readonly DevnetPool[] = ['v2EMetisWmetis', 'v3WmetisSeMetis', 'v3WmetisUsdc'];

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
  /** Price of the asset in the quote (whole tokens) × 1e18, as set on chain. */
  readonly priceE18: bigint;
  /** Anchor the wobble is applied to, relative to fair (1e18 = at fair; for METIS/USDC: the USDC price × 1e18). */
  readonly anchorE18: bigint;
  /** Wobble applied at the last set, in parts per million. */
  readonly wobblePpm: number;
  /** V2 only. */
  readonly reserve0?: bigint;
  readonly reserve1?: bigint;
  /** V3 only. */
  readonly sqrtPriceX96?: bigint;
  readonly tick?: number;
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
  /** Sets a pool's market price (asset in quote, whole tokens) now; later advances wobble around it. */
  setPoolPrice(pool: DevnetPool, price: number | string): Promise<void>;
  /** Sets an LST pool `bps` off fair value now (−100 = 1 % below fair); later advances keep the premium. */
  setDepeg(pool: 'v2EMetisWmetis' | 'v3WmetisSeMetis', bps: number): Promise<void>;
  /** LockingPool.setRewardPerBlock (emits RewardUpdate). */
  setRewardPerBlock(rewardPerBlock: bigint): Promise<void>;
  /** LockingInfo.setTotalLocked. */
  setTotalLocked(totalLocked: bigint): Promise<void>;
  /** seMetis setTotals; later growth continues from these. */
  setVaultTotals(totalAssets: bigint, totalSupply: bigint): Promise<void>;
  /** Artemis deposit pool setTotalDeposits. */
  setArtemisDeposits(totalDeposits: bigint): Promise<void>;
  /** Takes effect from the next advance. */
  setVaultApr(apr: number): void;
  setArtemisApr(apr: number): void;
  setWobbleBps(bps: number): void;
}

const PPM = 1_000_000n;
const APR_SCALE = 1_000_000_000n;
const ONE: Ratio = { num: 1n, den: 1n };

/** Deterministic wobble in ppm for a step and pool: round(amplitude × sin(0.9·step + 2.1·poolIndex + seed)). */
export function wobblePpm(step: number, poolIndex: number, amplitudeBps: number, seed = 1): number {
  return Math.round(amplitudeBps * 100 * Math.sin(0.9 * step + 2.1 * poolIndex + seed));
}

/** Simple growth over `seconds` at `apr`: amount × (1 + apr × seconds / year), in integers (apr to 1e-9). */
export function growBySimpleApr(amount: bigint, apr: number, seconds: number): bigint {
  const aprE9 = BigInt(Math.round(apr * Number(APR_SCALE)));
  return amount + (amount * aprE9 * BigInt(seconds)) / (APR_SCALE * BigInt(YEAR_SECONDS));
}

const POOL_INDEX: Record<DevnetPool, number> = { v2EMetisWmetis: 0, v3WmetisSeMetis: 1, v3WmetisUsdc: 2 };

/**
 * Moves the devnet through time, deterministically (no randomness, no wall clock):
 *
 * advance(seconds): the scenario clock moves to `target = time + seconds`.
 * - L2: n = floor((target − latest L2 timestamp) / blockTime) blocks are produced at exactly the block time
 *   (the remainder carries to the next advance). The first of them holds one Multicall3 batch setting the
 *   three pool prices to reference × anchor × (1 + wobble), where reference is 1 for eMetis, the pps the span
 *   ends with for seMetis and 1 for METIS/USDC (whose anchor is the USDC price), and the wobble is
 *   `wobblePpm(step, pool)` (± wobbleBps); V2 reserves keep reserve0 × reserve1 constant, V3 pools get the tick
 *   of their sqrtPriceX96, so their TWAP over the span's trailing blocks equals spot. The last block holds the
 *   economics: seMetis totalAssets × (1 + vaultApr × Δt / year) (the growth minted as new eMetis, so eMetis
 *   supply grows by the same), Artemis totalDeposits × (1 + artemisApr × Δt / year), Δt measured between
 *   economics blocks. With n = 1 both are in that one block.
 *   Spans of more than maxL2BlocksPerAdvance blocks are compressed (see ScenarioOptions): their first block is
 *   the gap block.
 * - L1: one block at exactly `target` holding LockingPool.distributeReward(startBlock, endBlock,
 *   rewardPerBlock × n), where start/end are the span's first and last L2 block numbers (the mock's "epochs");
 *   with n = 0, an empty block.
 *
 * One scenario per deployment: it starts from DEVNET_INITIAL at deployment.readyTime.
 */
export function createScenario(deployment: DevnetDeployment, opts: ScenarioOptions = {}): Scenario {
  const l1 = deployment.l1;
  const l2 = deployment.l2;
  const a1 = deployment.addresses.l1;
  const a2 = deployment.addresses.l2;
  const blockTime = opts.l2BlockTimeSeconds ?? deployment.l2BlockTimeSeconds;
  const defaultMaxBlocks = opts.maxL2BlocksPerAdvance ?? 30_000;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(blockTime) || blockTime < 1) throw new RangeError(`l2BlockTimeSeconds must be a positive integer, got ${blockTime}`);
  const checkMaxBlocks = (n: number) => {
    if (!Number.isInteger(n) || n < 2_001) throw new RangeError(`maxL2BlocksPerAdvance must be an integer ≥ 2001, got ${n}`);
    return n;
  };
  checkMaxBlocks(defaultMaxBlocks);

  const init = DEVNET_INITIAL;
  let vaultApr = opts.vaultApr ?? 0.12;
  let artemisApr = opts.artemisApr ?? 0.1;
  let wobbleBps = opts.wobbleBps ?? 20;
  let time = deployment.readyTime;
  let step = 0;
  let economicsTime = deployment.readyTime;
  let rewardPerBlock: bigint = init.l1.rewardPerBlock;
  let totalLocked: bigint = init.l1.totalLocked;
  let currentBatch = 0n;
  let totalDistributed = 0n;
  let eMetisSupply: bigint = init.l2.eMetisSupply;
  let seAssets: bigint = init.l2.seMetisTotalAssets;
  let seSupply: bigint = init.l2.seMetisTotalSupply;
  const artMetisSupply: bigint = init.l2.artMetisSupply;
  let artDeposits: bigint = init.l2.artemisTotalDeposits;
  let lastAdvance: AdvanceRecord | undefined;
  const v2K = init.l2.v2EMetisWmetis.reserve0 * init.l2.v2EMetisWmetis.reserve1;

  const anchors: Record<DevnetPool, Ratio> = { v2EMetisWmetis: ONE, v3WmetisSeMetis: ONE, v3WmetisUsdc: { num: BigInt(init.l2.v3WmetisUsdc.price), den: 1n } };
  const pools: Record<DevnetPool, PoolState> = {
    v2EMetisWmetis: { priceE18: 10n ** 18n, anchorE18: 10n ** 18n, wobblePpm: 0, ...init.l2.v2EMetisWmetis },
    v3WmetisSeMetis: { priceE18: 10n ** 18n, anchorE18: 10n ** 18n, wobblePpm: 0, sqrtPriceX96: init.l2.v3WmetisSeMetis.sqrtPriceX96, tick: init.l2.v3WmetisSeMetis.tick },
    v3WmetisUsdc: {
      priceE18: BigInt(init.l2.v3WmetisUsdc.price) * 10n ** 18n,
      anchorE18: BigInt(init.l2.v3WmetisUsdc.price) * 10n ** 18n,
      wobblePpm: 0,
      sqrtPriceX96: init.l2.v3WmetisUsdc.sqrtPriceX96,
      tick: init.l2.v3WmetisUsdc.tick,
    },
  };

  /** Fair value the anchor is relative to: the vault's pps for seMetis, 1 otherwise. */
  const reference = (pool: DevnetPool, assets = seAssets): Ratio =>
    pool === 'v3WmetisSeMetis' && seSupply > 0n && assets > 0n ? { num: assets, den: seSupply } : ONE;

  /** Calls that put `pool` at `price` (asset in quote) and the matching PoolState. */
  function priceCalls(pool: DevnetPool, price: Ratio, wobble: number, anchor = anchors[pool]): { calls: BatchCall[]; next: PoolState } {
    const anchorE18 = ratioToE18(anchor);
    const priceE18 = ratioToE18(price);
    if (pool === 'v2EMetisWmetis') {
      const { reserve0, reserve1 } = v2ReservesForPrice(v2K, price, 18, 18);
      const callData = encodeFunctionData({ abi: mockUniswapV2PairAbi, functionName: 'setReserves', args: [reserve0, reserve1] });
      return { calls: [{ target: a2.v2EMetisWmetis, callData }], next: { priceE18, anchorE18, wobblePpm: wobble, reserve0, reserve1 } };
    }
    // V3: token0 is WMETIS in both pools. seMetis pool price (token0 in token1) = 1 / (seMetis in WMETIS).
    const poolPrice = pool === 'v3WmetisSeMetis' ? invertRatio(price) : price;
    const sqrtPriceX96 = sqrtPriceX96FromPrice(poolPrice, 18, pool === 'v3WmetisUsdc' ? 6 : 18);
    // The pool's own tick for this price, exactly: observe() accumulates it, so the TWAP agrees with spot.
    const tick = tickAtSqrtRatio(sqrtPriceX96);
    const callData = encodeFunctionData({ abi: mockUniswapV3PoolAbi, functionName: 'setSlot0', args: [sqrtPriceX96, tick] });
    return { calls: [{ target: a2[pool], callData }], next: { priceE18, anchorE18, wobblePpm: wobble, sqrtPriceX96, tick } };
  }

  function marketPrice(pool: DevnetPool, wobble: number, assets: bigint): Ratio {
    return mulRatio(mulRatio(reference(pool, assets), anchors[pool]), { num: PPM + BigInt(wobble), den: PPM });
  }

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }

  let intervalChecked = blockTime === deployment.l2BlockTimeSeconds;
  async function ensureL2Interval(): Promise<void> {
    if (intervalChecked) return;
    await l2.testClient.setBlockTimestampInterval({ interval: blockTime });
    intervalChecked = true;
  }

  async function sendL2(calls: BatchCall[]): Promise<bigint> {
    await ensureL2Interval();
    return (await sendBatch(l2, calls)).blockNumber;
  }

  async function sendL1(calls: BatchCall[]): Promise<bigint> {
    return (await sendBatch(l1, calls)).blockNumber;
  }

  async function advanceNow(seconds: number, maxBlocks: number): Promise<AdvanceRecord> {
    if (!Number.isInteger(seconds) || seconds <= 0) throw new RangeError(`advance(seconds) needs a positive integer, got ${seconds}`);
    await ensureL2Interval();
    const fromTime = time;
    const [l1Head, l2Head] = await Promise.all([l1.publicClient.getBlock(), l2.publicClient.getBlock()]);
    // Setters called between advances mine blocks of their own, so never aim behind either chain's head.
    const target = Math.max(fromTime + seconds, Number(l1Head.timestamp) + 1);
    const l2Last = Number(l2Head.timestamp);
    const n = Math.max(0, Math.floor((target - l2Last) / blockTime));
    const mined = Math.min(n, maxBlocks);
    const startBlock = l2Head.number + 1n;
    const endBlock = l2Head.number + BigInt(mined);
    const rewardAmount = rewardPerBlock * BigInt(n);

    // ---- L2: the pool prices in the first block of the span, the economics in the last
    const l2Work = async (): Promise<bigint | undefined> => {
      if (n === 0) return undefined;
      const econTime = l2Last + n * blockTime;
      const elapsed = econTime - economicsTime;
      const nextAssets = growBySimpleApr(seAssets, vaultApr, elapsed);
      const minted = nextAssets - seAssets;
      const nextDeposits = growBySimpleApr(artDeposits, artemisApr, elapsed);
      const nextStep = step + 1;
      const economics: BatchCall[] = [
        { target: a2.seMetis, callData: encodeFunctionData({ abi: mockErc4626Abi, functionName: 'setTotals', args: [nextAssets, seSupply] }) },
        { target: a2.eMetis, callData: encodeFunctionData({ abi: mockErc20Abi, functionName: 'mint', args: [a2.seMetis, minted] }) },
        { target: a2.artemisDepositPool, callData: encodeFunctionData({ abi: mockDepositPoolAbi, functionName: 'setTotalDeposits', args: [nextDeposits] }) },
      ];
      const prices: BatchCall[] = [];
      const nextPools = { ...pools };
      for (const pool of DEVNET_POOLS) {
        const wobble = wobblePpm(nextStep, POOL_INDEX[pool], wobbleBps, seed);
        const set = priceCalls(pool, marketPrice(pool, wobble, nextAssets), wobble);
        prices.push(...set.calls);
        nextPools[pool] = set.next;
      }
      // The pools move at the start and hold (as if arbitraged at once), so a pool oracle's TWAP over the span's
      // trailing blocks is the spot price read after it, as in a calm market; the rates move at the end.
      let blockNumber: bigint;
      if (mined === 1) {
        blockNumber = await sendL2([...prices, ...economics]);
      } else {
        // Compressed: the first block is the gap block, then mined − 1 blocks at the exact cadence.
        if (n > mined) await l2.testClient.setNextBlockTimestamp({ timestamp: BigInt(l2Last + (n - mined + 1) * blockTime) });
        await sendL2(prices);
        if (mined > 2) await l2.testClient.mine({ blocks: mined - 2 });
        blockNumber = await sendL2(economics);
      }
      seAssets = nextAssets;
      eMetisSupply += minted;
      artDeposits = nextDeposits;
      economicsTime = econTime;
      step = nextStep;
      Object.assign(pools, nextPools);
      const block = await l2.publicClient.getBlock({ blockNumber });
      if (Number(block.timestamp) !== econTime || blockNumber !== endBlock) {
        throw new Error(
          `scenario: L2 economics block ${blockNumber} at ${block.timestamp}, expected block ${endBlock} at ${econTime} ` +
            '(was anvil_setBlockTimestampInterval changed, or a transaction sent concurrently?)',
        );
      }
      return blockNumber;
    };

    // ---- L1: one block at the target time, with the reward batch if the span held L2 blocks
    const l1Work = async (): Promise<{ block: bigint; batchId?: bigint }> => {
      await l1.testClient.setNextBlockTimestamp({ timestamp: BigInt(target) });
      if (n === 0) {
        await l1.testClient.mine({ blocks: 1 });
        return { block: (await l1.publicClient.getBlockNumber()) };
      }
      const hash = await l1.walletClient.writeContract({
        address: a1.lockingPool,
        abi: mockLockingPoolAbi,
        functionName: 'distributeReward',
        args: [startBlock, endBlock, rewardAmount],
      });
      const { blockNumber } = await waitForSuccess(l1, hash, 'LockingPool.distributeReward');
      currentBatch += 1n;
      totalDistributed += rewardAmount;
      return { block: blockNumber, batchId: currentBatch };
    };

    const [l2Block, l1Result] = await Promise.all([l2Work(), l1Work()]);
    time = target;
    const record: AdvanceRecord = {
      fromTime,
      toTime: target,
      l2Blocks: BigInt(n),
      l2BlocksMined: BigInt(mined),
      startBlock,
      endBlock,
      rewardAmount: n === 0 ? 0n : rewardAmount,
      ...(l1Result.batchId !== undefined ? { batchId: l1Result.batchId } : {}),
      l1Block: l1Result.block,
      ...(l2Block !== undefined ? { l2Block } : {}),
    };
    lastAdvance = record;
    return record;
  }

  const setPool = (pool: DevnetPool, price: Ratio) =>
    serial(async () => {
      const anchor = mulRatio(price, invertRatio(reference(pool)));
      const set = priceCalls(pool, price, 0, anchor);
      await sendL2(set.calls);
      anchors[pool] = anchor;
      pools[pool] = set.next;
    });

  return {
    advance: (seconds, advanceOpts) => {
      const maxBlocks = checkMaxBlocks(advanceOpts?.maxL2Blocks ?? defaultMaxBlocks);
      return serial(() => advanceNow(seconds, maxBlocks));
    },

    state: () => ({
      time,
      step,
      vaultApr,
      artemisApr,
      l1: { rewardPerBlock, totalLocked, currentBatch, totalDistributed },
      l2: {
        economicsTime,
        eMetisSupply,
        seMetisTotalAssets: seAssets,
        seMetisTotalSupply: seSupply,
        artMetisSupply,
        artemisTotalDeposits: artDeposits,
        pools: { ...pools },
      },
      ...(lastAdvance ? { lastAdvance } : {}),
    }),

    setPoolPrice: (pool, price) => setPool(pool, ratioFrom(price)),

    setDepeg: (pool, bps) => {
      if (!Number.isInteger(bps) || bps <= -10_000) throw new RangeError(`depeg bps must be an integer > −10000, got ${bps}`);
      return setPool(pool, mulRatio(reference(pool), { num: 10_000n + BigInt(bps), den: 10_000n }));
    },

    setRewardPerBlock: (value) =>
      serial(async () => {
        await sendL1([{ target: a1.lockingPool, callData: encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'setRewardPerBlock', args: [value] }) }]);
        rewardPerBlock = value;
      }),

    setTotalLocked: (value) =>
      serial(async () => {
        await sendL1([{ target: a1.lockingInfo, callData: encodeFunctionData({ abi: mockLockingInfoAbi, functionName: 'setTotalLocked', args: [value] }) }]);
        totalLocked = value;
      }),

    setVaultTotals: (assets, supply) =>
      serial(async () => {
        await sendL2([{ target: a2.seMetis, callData: encodeFunctionData({ abi: mockErc4626Abi, functionName: 'setTotals', args: [assets, supply] }) }]);
        seAssets = assets;
        seSupply = supply;
      }),

    setArtemisDeposits: (value) =>
      serial(async () => {
        await sendL2([{ target: a2.artemisDepositPool, callData: encodeFunctionData({ abi: mockDepositPoolAbi, functionName: 'setTotalDeposits', args: [value] }) }]);
        artDeposits = value;
      }),

    setVaultApr: (apr) => {
      vaultApr = apr;
    },
    setArtemisApr: (apr) => {
      artemisApr = apr;
    },
    setWobbleBps: (bps) => {
      wobbleBps = bps;
    },
  };
}
