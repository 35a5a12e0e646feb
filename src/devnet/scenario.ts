// Kept whole: createScenario is one closure over the simulated economy and both chains' state; its steps (trade,
// accrue, distribute, rotate signers) read and write that shared state, and split apart they would pass it all around.

import { encodeFunctionData, type Address, type Hex } from 'viem';
import { lockingPoolSequencersAbi } from '../sources/abis.ts';
import { YEAR_SECONDS } from '../core/units.ts';
import { DEVNET_INITIAL } from './devnetInitial.ts';
import { devnetPubkey } from './devnetSequencers.ts';
import { sendBatch, waitForSuccess, type BatchCall } from './devnetChain.ts';
import { type DevnetDeployment } from './deployDevnet.ts';
import {
  devnetErc20Abi,
  devnetRouterAbi,
  devnetVaultAbi,
  mockDepositPoolAbi,
  mockLockingInfoAbi,
  mockLockingPoolAbi,
  mockMetisSequencerSetAbi,
  uniswapV2PairFullAbi,
  uniswapV3PoolFullAbi,
} from './fixtureAbis.ts';
import { algebraPoolTestAbi, algebraTestRouterAbi } from './algebraPool.ts';
import {
  invertRatio,
  mulRatio,
  priceFromSqrtPriceX96,
  priceFromV2Reserves,
  ratioFrom,
  ratioToE18,
  sqrtPriceX96FromPrice,
  v2SwapToPrice,
  type Ratio,
} from './priceMath.ts';
import { DEVNET_POOLS, type AdvanceRecord, type DevnetPool, type PoolState, type Scenario, type ScenarioOptions } from './scenarioTypes.ts';


/** Most of either token one Algebra trade may sell: far more than a step's move needs, less than Multicall3 holds. */
const ALGEBRA_MAX_TRADE = 10_000n * 10n ** 18n;

/** A devnet pool's kind, its asset and quote token with their decimals, and whether the asset is the pool's token0. */
interface DevnetPoolTokens {
  readonly kind: 'v2' | 'v3' | 'algebra';
  readonly asset: Address;
  readonly quote: Address;
  readonly assetDecimals: number;
  readonly quoteDecimals: number;
  readonly assetIsToken0: boolean;
}

function poolTokens(kind: DevnetPoolTokens['kind'], asset: Address, assetDecimals: number, quote: Address, quoteDecimals: number): DevnetPoolTokens {
  return { kind, asset, quote, assetDecimals, quoteDecimals, assetIsToken0: asset.toLowerCase() < quote.toLowerCase() };
}

/** Each devnet pool's tokens, from the deployment's addresses. */
function devnetPoolTokens(addresses: DevnetDeployment['addresses']): { readonly [P in DevnetPool]: DevnetPoolTokens } {
  const a = addresses.l2;
  return {
    v2EMetisWmetis: poolTokens('v2', a.eMetis, 18, a.wmetis, 18),
    v3WmetisSeMetis: poolTokens('v3', a.seMetis, 18, a.wmetis, 18),
    v3WmetisUsdc: poolTokens('v3', a.wmetis, 18, a.usdc, 6),
    algebraWmetisArtMetis: poolTokens('algebra', a.artMetis, 18, a.wmetis, 18),
  };
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

const POOL_INDEX: Record<DevnetPool, number> = { v2EMetisWmetis: 0, v3WmetisSeMetis: 1, v3WmetisUsdc: 2, algebraWmetisArtMetis: 3 };

/**
 * Moves the devnet through time, deterministically (no randomness, no wall clock):
 *
 * advance(seconds): the scenario clock moves to `target = time + seconds`.
 * - L2: n = floor((target − latest L2 timestamp) / blockTime) blocks are produced at exactly the block time
 *   (the remainder carries to the next advance). The first of them holds one Multicall3 batch of DevnetRouter
 *   trades that move the three pools to reference × anchor × (1 + wobble), where reference is 1 for eMetis, the
 *   pps the span ends with for seMetis, the Artemis rate it ends with for artMetis and 1 for METIS/USDC (whose anchor is the USDC price), and the wobble is
 *   `wobblePpm(step, pool)` (± wobbleBps): a V2 pair gets the exact-input swap that lands on the price (fee paid,
 *   so its k grows a little, as on mainnet), a V3 pool a swap whose price limit is the target (an Algebra pool the same, sold by Multicall3
 *   through AlgebraTestRouter), so its slot0 lands on it exactly and its own oracle records the tick, so its TWAP over the span's trailing blocks equals spot.
 *   The last block holds the economics: seMetis totalAssets × (1 + vaultApr × Δt / year), the growth minted as
 *   new eMetis into the vault (so eMetis supply grows by the same), Artemis totalDeposits × (1 + artemisApr ×
 *   Δt / year), Δt measured between economics blocks. With n = 1 both are in that one block.
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
  const tokens = devnetPoolTokens(deployment.addresses);
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

  const usdcPrice: Ratio = { num: BigInt(init.l2.v3WmetisUsdc.price), den: 1n };
  const anchors: Record<DevnetPool, Ratio> = { v2EMetisWmetis: ONE, v3WmetisSeMetis: ONE, v3WmetisUsdc: usdcPrice, algebraWmetisArtMetis: ONE };
  const v2 = init.l2.v2EMetisWmetis;
  const pools: Record<DevnetPool, PoolState> = {
    v2EMetisWmetis: { priceE18: 10n ** 18n, anchorE18: 10n ** 18n, wobblePpm: 0, ...v2, ...v2Sides('v2EMetisWmetis', v2.reserve0, v2.reserve1) },
    v3WmetisSeMetis: {
      priceE18: 10n ** 18n,
      anchorE18: 10n ** 18n,
      wobblePpm: 0,
      sqrtPriceX96: init.l2.v3WmetisSeMetis.sqrtPriceX96,
      tick: init.l2.v3WmetisSeMetis.tick,
      liquidity: init.l2.v3WmetisSeMetis.liquidity,
    },
    v3WmetisUsdc: {
      priceE18: ratioToE18(usdcPrice),
      anchorE18: ratioToE18(usdcPrice),
      wobblePpm: 0,
      sqrtPriceX96: init.l2.v3WmetisUsdc.sqrtPriceX96,
      tick: init.l2.v3WmetisUsdc.tick,
      liquidity: init.l2.v3WmetisUsdc.liquidity,
    },
    algebraWmetisArtMetis: {
      priceE18: 10n ** 18n,
      anchorE18: 10n ** 18n,
      wobblePpm: 0,
      sqrtPriceX96: init.l2.algebraWmetisArtMetis.sqrtPriceX96,
      tick: 0,
      liquidity: init.l2.algebraWmetisArtMetis.liquidity,
    },
  };

  function v2Sides(pool: DevnetPool, reserve0: bigint, reserve1: bigint): { assetReserve: bigint; quoteReserve: bigint } {
    return tokens[pool].assetIsToken0 ? { assetReserve: reserve0, quoteReserve: reserve1 } : { assetReserve: reserve1, quoteReserve: reserve0 };
  }

  /** Price of a pool's token0 in token1 (whole tokens) for a price of its asset in its quote, and the decimals in pool order. */
  function inPoolOrder(pool: DevnetPool, assetPrice: Ratio): { price: Ratio; decimals0: number; decimals1: number } {
    const t = tokens[pool];
    return t.assetIsToken0
      ? { price: assetPrice, decimals0: t.assetDecimals, decimals1: t.quoteDecimals }
      : { price: invertRatio(assetPrice), decimals0: t.quoteDecimals, decimals1: t.assetDecimals };
  }

  /** Fair value the anchor is relative to: the vault's pps for seMetis, the Artemis rate for artMetis, 1 otherwise. */
  const reference = (pool: DevnetPool, assets = seAssets, deposits = artDeposits): Ratio => {
    if (pool === 'v3WmetisSeMetis' && seSupply > 0n && assets > 0n) return { num: assets, den: seSupply };
    if (pool === 'algebraWmetisArtMetis' && artMetisSupply > 0n && deposits > 0n) return { num: deposits, den: artMetisSupply };
    return ONE;
  };

  /** The router trade that moves `pool` to `price` (asset in quote, whole tokens); none when it is already there. */
  async function tradeToPrice(pool: DevnetPool, price: Ratio): Promise<BatchCall[]> {
    const { price: poolPrice, decimals0, decimals1 } = inPoolOrder(pool, price);
    if (tokens[pool].kind === 'algebra') {
      // Sold by Multicall3 (which holds the tokens) through AlgebraTestRouter, stopping exactly at the target.
      const target = sqrtPriceX96FromPrice(poolPrice, decimals0, decimals1);
      const [current] = await l2.publicClient.readContract({ address: a2[pool], abi: algebraPoolTestAbi, functionName: 'globalState' });
      if (target === current) return [];
      const callData = encodeFunctionData({ abi: algebraTestRouterAbi, functionName: 'swapExactIn', args: [a2[pool], target < current, ALGEBRA_MAX_TRADE, target] });
      return [{ target: a2.algebraRouter, callData }];
    }
    if (tokens[pool].kind === 'v3') {
      const sqrtPriceX96 = sqrtPriceX96FromPrice(poolPrice, decimals0, decimals1);
      const callData = encodeFunctionData({ abi: devnetRouterAbi, functionName: 'swapV3ToPrice', args: [a2[pool], sqrtPriceX96] });
      return [{ target: a2.router, callData }];
    }
    const [reserve0, reserve1] = await l2.publicClient.readContract({ address: a2[pool], abi: uniswapV2PairFullAbi, functionName: 'getReserves' });
    const swap = v2SwapToPrice(reserve0, reserve1, poolPrice, decimals0, decimals1);
    if (!swap) return [];
    const callData = encodeFunctionData({ abi: devnetRouterAbi, functionName: 'swapV2', args: [a2[pool], swap.zeroForOne, swap.amountIn, swap.amountOut] });
    return [{ target: a2.router, callData }];
  }

  /** Reads a pool back from the chain after trading it. */
  async function readPool(pool: DevnetPool, anchor: Ratio, wobble: number): Promise<PoolState> {
    const t = tokens[pool];
    const [decimals0, decimals1] = t.assetIsToken0 ? [t.assetDecimals, t.quoteDecimals] : [t.quoteDecimals, t.assetDecimals];
    const asAsset = (poolPrice: Ratio) => ratioToE18(t.assetIsToken0 ? poolPrice : invertRatio(poolPrice));
    const base = { anchorE18: ratioToE18(anchor), wobblePpm: wobble };
    if (t.kind === 'v2') {
      const [reserve0, reserve1] = await l2.publicClient.readContract({ address: a2[pool], abi: uniswapV2PairFullAbi, functionName: 'getReserves' });
      return { ...base, priceE18: asAsset(priceFromV2Reserves(reserve0, reserve1, decimals0, decimals1)), reserve0, reserve1, ...v2Sides(pool, reserve0, reserve1) };
    }
    if (t.kind === 'algebra') {
      const [globalState, liquidity] = await l2.publicClient.multicall({
        allowFailure: false,
        contracts: [
          { address: a2[pool], abi: algebraPoolTestAbi, functionName: 'globalState' },
          { address: a2[pool], abi: algebraPoolTestAbi, functionName: 'liquidity' },
        ],
      });
      return { ...base, priceE18: asAsset(priceFromSqrtPriceX96(globalState[0], decimals0, decimals1)), sqrtPriceX96: globalState[0], tick: globalState[1], liquidity };
    }
    const [slot0, liquidity] = await l2.publicClient.multicall({
      allowFailure: false,
      contracts: [
        { address: a2[pool], abi: uniswapV3PoolFullAbi, functionName: 'slot0' },
        { address: a2[pool], abi: uniswapV3PoolFullAbi, functionName: 'liquidity' },
      ],
    });
    return { ...base, priceE18: asAsset(priceFromSqrtPriceX96(slot0[0], decimals0, decimals1)), sqrtPriceX96: slot0[0], tick: slot0[1], liquidity };
  }

  function marketPrice(pool: DevnetPool, wobble: number, assets: bigint, deposits: bigint): Ratio {
    return mulRatio(mulRatio(reference(pool, assets, deposits), anchors[pool]), { num: PPM + BigInt(wobble), den: PPM });
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

  const poolCall = (callData: Hex): BatchCall => ({ target: a1.lockingPool, callData });

  /** Sends a LockingPool setter and takes the base it leaves from LockingInfo (the pool logs every change there). */
  async function sendSequencerCall(callData: Hex): Promise<void> {
    await sendL1([poolCall(callData)]);
    totalLocked = await l1.publicClient.readContract({ address: a1.lockingInfo, abi: mockLockingInfoAbi, functionName: 'totalLocked' });
  }

  /** Points the L2 MetisSequencerSet's rotation at the signers of the sequencers active on L1 now (same epochs). */
  async function syncSignerRotation(): Promise<void> {
    const count = await l1.publicClient.readContract({ address: a1.lockingPool, abi: lockingPoolSequencersAbi, functionName: 'totalSequencers' });
    const seqs = await l1.publicClient.multicall({
      allowFailure: false,
      contracts: Array.from({ length: Number(count) }, (_, i) => ({
        address: a1.lockingPool,
        abi: lockingPoolSequencersAbi,
        functionName: 'sequencers' as const,
        args: [BigInt(i + 1)] as const,
      })),
    });
    const signers = seqs.filter((s) => s[12] === 2).map((s) => s[9]);
    if (signers.length === 0) return; // the set keeps its last rotation: an empty one would be no epoch at all
    const [genesis, length] = await l2.publicClient.multicall({
      allowFailure: false,
      contracts: [
        { address: a2.sequencerSet, abi: mockMetisSequencerSetAbi, functionName: 'genesisBlock' },
        { address: a2.sequencerSet, abi: mockMetisSequencerSetAbi, functionName: 'epochLength' },
      ],
    });
    await sendL2([{ target: a2.sequencerSet, callData: encodeFunctionData({ abi: mockMetisSequencerSetAbi, functionName: 'configure', args: [genesis, length, signers] }) }]);
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

    // ---- L2: the pool trades in the first block of the span, the economics in the last
    const l2Work = async (): Promise<bigint | undefined> => {
      if (n === 0) return undefined;
      const econTime = l2Last + n * blockTime;
      const elapsed = econTime - economicsTime;
      const nextAssets = growBySimpleApr(seAssets, vaultApr, elapsed);
      const minted = nextAssets - seAssets;
      const nextDeposits = growBySimpleApr(artDeposits, artemisApr, elapsed);
      const nextStep = step + 1;
      const economics: BatchCall[] = [
        // Yield: new eMetis into the vault raises its share price.
        { target: a2.eMetis, callData: encodeFunctionData({ abi: devnetErc20Abi, functionName: 'mint', args: [a2.seMetis, minted] }) },
        { target: a2.artemisDepositPool, callData: encodeFunctionData({ abi: mockDepositPoolAbi, functionName: 'setTotalDeposits', args: [nextDeposits] }) },
      ];
      const trades: BatchCall[] = [];
      const wobbles = {} as Record<DevnetPool, number>;
      for (const pool of DEVNET_POOLS) {
        wobbles[pool] = wobblePpm(nextStep, POOL_INDEX[pool], wobbleBps, seed);
        trades.push(...(await tradeToPrice(pool, marketPrice(pool, wobbles[pool], nextAssets, nextDeposits))));
      }
      // The pools move at the start and hold (as if arbitraged at once), so a pool oracle's TWAP over the span's
      // trailing blocks is the spot price read after it, as in a calm market; the rates move at the end.
      let blockNumber: bigint;
      if (mined === 1) {
        blockNumber = await sendL2([...trades, ...economics]);
      } else {
        // Compressed: the first block is the gap block, then mined − 1 blocks at the exact cadence.
        if (n > mined) await l2.testClient.setNextBlockTimestamp({ timestamp: BigInt(l2Last + (n - mined + 1) * blockTime) });
        if (trades.length > 0) await sendL2(trades);
        else await l2.testClient.mine({ blocks: 1 });
        if (mined > 2) await l2.testClient.mine({ blocks: mined - 2 });
        blockNumber = await sendL2(economics);
      }
      seAssets = nextAssets;
      eMetisSupply += minted;
      artDeposits = nextDeposits;
      economicsTime = econTime;
      step = nextStep;
      for (const pool of DEVNET_POOLS) pools[pool] = await readPool(pool, anchors[pool], wobbles[pool]);
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
      const trades = await tradeToPrice(pool, price);
      if (trades.length > 0) await sendL2(trades);
      anchors[pool] = anchor;
      pools[pool] = await readPool(pool, anchor, 0);
    });

  /** The calls that take the vault from its totals on chain to (assets, supply), and the eMetis they mint. */
  async function vaultCalls(assets: bigint, supply: bigint): Promise<{ calls: BatchCall[]; mintedEMetis: bigint }> {
    const [assetsNow, supplyNow] = await l2.publicClient.multicall({
      allowFailure: false,
      contracts: [
        { address: a2.seMetis, abi: devnetVaultAbi, functionName: 'totalAssets' },
        { address: a2.seMetis, abi: devnetVaultAbi, functionName: 'totalSupply' },
      ],
    });
    const calls: BatchCall[] = [];
    let mintedEMetis = 0n;
    let assetsAfter = assetsNow;
    const mintEMetis = (to: `0x${string}`, amount: bigint) => {
      mintedEMetis += amount;
      calls.push({ target: a2.eMetis, callData: encodeFunctionData({ abi: devnetErc20Abi, functionName: 'mint', args: [to, amount] }) });
    };
    if (supply > supplyNow) {
      const cost = await l2.publicClient.readContract({ address: a2.seMetis, abi: devnetVaultAbi, functionName: 'previewMint', args: [supply - supplyNow] });
      mintEMetis(a2.router, cost);
      calls.push({ target: a2.router, callData: encodeFunctionData({ abi: devnetRouterAbi, functionName: 'mintVaultShares', args: [a2.seMetis, supply - supplyNow] }) });
      assetsAfter += cost;
    } else if (supply < supplyNow) {
      const paid = await l2.publicClient.readContract({ address: a2.seMetis, abi: devnetVaultAbi, functionName: 'previewRedeem', args: [supplyNow - supply] });
      calls.push({ target: a2.router, callData: encodeFunctionData({ abi: devnetRouterAbi, functionName: 'redeemVaultShares', args: [a2.seMetis, supplyNow - supply] }) });
      assetsAfter -= paid;
    }
    if (assets < assetsAfter) {
      throw new RangeError(
        `setVaultTotals: ${assets} assets for ${supply} shares is below what the shares hold at the vault's share price (${assetsAfter}); ` +
          'an ERC-4626 share price only falls by a loss, which the devnet does not model',
      );
    }
    if (assets > assetsAfter) mintEMetis(a2.seMetis, assets - assetsAfter);
    return { calls, mintedEMetis };
  }

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

    lockSequencer: (owner, signer, amount) =>
      serial(async () => {
        await sendSequencerCall(
          encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'lock', args: [owner, signer, devnetPubkey(signer), owner, amount] }),
        );
        const seqId = Number(await l1.publicClient.readContract({ address: a1.lockingPool, abi: lockingPoolSequencersAbi, functionName: 'totalSequencers' }));
        await syncSignerRotation();
        return seqId;
      }),

    relockSequencer: (seqId, amount) =>
      serial(() => sendSequencerCall(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'relock', args: [BigInt(seqId), amount] }))),

    claimSequencerRewards: (seqId) =>
      serial(() => sendSequencerCall(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'claimRewards', args: [BigInt(seqId)] }))),

    unlockInitSequencer: (seqId) =>
      serial(async () => {
        await sendSequencerCall(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'unlockInit', args: [BigInt(seqId)] }));
        await syncSignerRotation();
      }),

    unlockSequencer: (seqId) =>
      serial(() => sendSequencerCall(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'unlock', args: [BigInt(seqId)] }))),

    setVaultTotals: (assets, supply) =>
      serial(async () => {
        if (supply <= 0n) throw new RangeError(`setVaultTotals: the vault needs shares, got supply ${supply}`);
        const { calls, mintedEMetis } = await vaultCalls(assets, supply);
        if (calls.length > 0) await sendL2(calls);
        seAssets = assets;
        seSupply = supply;
        eMetisSupply += mintedEMetis;
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
