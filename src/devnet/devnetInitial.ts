import { tickAtSqrtRatio } from '../core/tickMath.ts';
import { isqrt, sqrtPriceX96FromPrice } from './priceMath.ts';

const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
const METIS_USDC_PRICE = 40n;
const METIS_USDC_SQRT_PRICE_X96 = sqrtPriceX96FromPrice({ num: METIS_USDC_PRICE, den: 1n }, 18, 6);

/**
 * The state deployDevnet leaves (wei unless noted). Token supplies are exact; what the vault and the pools do not
 * hold, DevnetRouter holds (METIS on L1: the deployer), except `algebraFunds` of WMETIS and artMetis, Multicall3's.
 */
export const DEVNET_INITIAL = {
  /** L1 block cadence set with anvil_setBlockTimestampInterval. */
  l1BlockTimeSeconds: 12,
  /** L2 block cadence set with anvil_setBlockTimestampInterval (Metis Andromeda's target). */
  l2BlockTimeSeconds: 4,
  l1: {
    metisSupply: 10_000_000n * E18,
    /** The METIS of the active and exiting DEVNET_SEQUENCERS: their locks make it, not a setter. */
    totalLocked: 1_000_000n * E18,
    /** 0.02 METIS per L2 block: × 7,884,000 blocks a year at 4 s / 1,000,000 locked = 15.768 % nominal APR. */
    rewardPerBlock: 20_000_000_000_000_000n,
    exitDelaySeconds: 21n * 86_400n,
    /** The exit delay sequencer 8 (Leaving) started its exit under at deployment: claimable 2 days later. */
    exitingClaimDelaySeconds: 2n * 86_400n,
    minLock: 20_000n * E18,
    maxLock: 100_000n * E18,
  },
  l2: {
    wmetisSupply: 1_000_000n * E18,
    eMetisSupply: 600_000n * E18,
    /** Minted by depositing as many eMetis (share price 1). */
    seMetisTotalAssets: 300_000n * E18,
    seMetisTotalSupply: 300_000n * E18,
    artMetisSupply: 200_000n * E18,
    artemisTotalDeposits: 200_000n * E18,
    usdcSupply: 10_000_000n * E6,
    /** token0 WMETIS, token1 eMetis: 1 eMetis = 1 WMETIS. */
    v2EMetisWmetis: { reserve0: 100_000n * E18, reserve1: 100_000n * E18 },
    /** token0 WMETIS, token1 seMetis: 1 WMETIS = 1 seMetis (pps 1.0). One full-range position of this liquidity. */
    v3WmetisSeMetis: { sqrtPriceX96: 2n ** 96n, tick: 0, liquidity: 100_000n * E18, fee: 500, tickSpacing: 10 },
    /**
     * token0 WMETIS (18), token1 USDC (6): 40 USDC per METIS. One full-range position of liquidity
     * sqrt(25,000 METIS × 1,000,000 USDC) in raw units, which holds about those amounts.
     */
    v3WmetisUsdc: {
      price: 40,
      sqrtPriceX96: METIS_USDC_SQRT_PRICE_X96,
      tick: tickAtSqrtRatio(METIS_USDC_SQRT_PRICE_X96),
      liquidity: isqrt(25_000n * E18 * 1_000_000n * E6),
      fee: 3000,
      tickSpacing: 60,
    },
    /**
     * Observation slots each V3 pool is grown to (increaseObservationCardinalityNext), so its TWAP reaches back over
     * the trades of a 30 min window (a trade per step and per setter call). Not more: anvil's cost of mining a block
     * grows with the chain's storage, and each slot is one.
     */
    v3ObservationCardinality: 16,
    /**
     * token0 WMETIS, token1 artMetis: 1 artMetis = 1 WMETIS (the Artemis rate at the start). One full-range
     * position of this liquidity, paid by Multicall3 from `algebraFunds` of each token (what is left trades).
     */
    algebraWmetisArtMetis: { sqrtPriceX96: 2n ** 96n, liquidity: 50_000n * E18 },
    /** WMETIS and artMetis minted to Multicall3 (out of the supplies above) to fund and trade the Algebra pool. */
    algebraFunds: 60_000n * E18,
    /** token0 WMETIS, token1 eMetis, reserves as set (the mock pair holds no tokens): eMetis a little below 1 on the curve. */
    camelotStableWmetisEMetis: { reserve0: 100_000n * E18, reserve1: 130_000n * E18 },
    /** MockMetisSequencerSet: epochs of this many L2 blocks from deployment, signed in turn by the active sequencers. */
    sequencerEpochBlocks: 1_000,
  },
} as const;
