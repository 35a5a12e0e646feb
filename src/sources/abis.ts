import { parseAbi, parseAbiItem } from 'viem';

/** The view ABIs we read; they match the real contracts listed in docs/contracts.md. */
export const erc20Abi = parseAbi([
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function symbol() view returns (string)',
]);

export const erc4626Abi = parseAbi([
  'function asset() view returns (address)',
  'function decimals() view returns (uint8)',
  'function totalAssets() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256)',
]);

export const uniswapV2PairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)',
]);

/** Camelot-style pair (Hercules V2): fee percents in getReserves; `stableSwap()` can be switched by the factory's setStableOwner. */
export const camelotPairAbi = parseAbi([
  'function stableSwap() view returns (bool)',
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint16 token0FeePercent, uint16 token1FeePercent)',
]);

/** Solidly/Velodrome-style pair (Hermes V2): uint256 reserves; `stable()` is immutable, set when the pair is created. */
export const solidlyPairAbi = parseAbi([
  'function stable() view returns (bool)',
  'function getReserves() view returns (uint256 _reserve0, uint256 _reserve1, uint256 _blockTimestampLast)',
  'function metadata() view returns (uint256 dec0, uint256 dec1, uint256 r0, uint256 r1, bool st, address t0, address t1)',
]);

export const uniswapV3PoolAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function liquidity() view returns (uint128)',
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function observe(uint32[] secondsAgos) view returns (int56[] tickCumulatives, uint160[] secondsPerLiquidityCumulativeX128s)',
]);

/**
 * An Algebra pool (v1, v1.9; Hercules V3 on Metis). `globalState()` returns more words after these two, and
 * which ones differs between versions (v1: fee; v1.9: feeZto, feeOtz; Integral: lastFee, pluginConfig): viem
 * decodes the declared head and ignores the rest, so only the two words every version shares are declared.
 */
export const algebraPoolAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function liquidity() view returns (uint128)',
  'function globalState() view returns (uint160 price, int24 tick)',
  'function getTimepoints(uint32[] secondsAgos) view returns (int56[] tickCumulatives, uint160[] secondsPerLiquidityCumulatives, uint112[] volatilityCumulatives, uint256[] volumePerAvgLiquiditys)',
]);

export const multicall3Abi = parseAbi([
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
]);

export const distributeRewardEvent = parseAbiItem(
  'event DistributeReward(uint256 indexed batchId, uint256 startEpoch, uint256 endEpoch, uint256 amount, uint256 rpb)',
);
export const rewardUpdateEvent = parseAbiItem('event RewardUpdate(uint256 newReward, uint256 oldReward)');

/** ABI of a configured no-argument view returning one uint256, such as `totalDeposits()`. */
export function uintViewAbi(name: string) {
  return [{ type: 'function', name, stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'uint256' }] }] as const;
}

/** LockingPool's per-sequencer views (docs/contracts.md); `sequencers` returns the 13-word struct with a `bytes` member. */
export const lockingPoolSequencersAbi = parseAbi([
  'function totalSequencers() view returns (uint256)',
  'function currentBatch() view returns (uint256)',
  'function seqStatuses(uint8 status) view returns (uint256)',
  'function sequencers(uint256 seqId) view returns (uint256 amount, uint256 reward, uint256 activationBatch, uint256 updatedBatch, uint256 deactivationBatch, uint256 deactivationTime, uint256 unlockClaimTime, uint256 nonce, address owner, address signer, bytes pubkey, address rewardRecipient, uint8 status)',
]);

/** MetisSequencerSet on Metis L2: who signs the current epoch. */
export const metisSequencerSetAbi = parseAbi([
  'function currentEpoch() view returns (uint256 number, address signer, uint256 startBlock, uint256 endBlock)',
  'function currentEpochNumber() view returns (uint256)',
  'function getMetisSequencer(uint256 blockNumber) view returns (address)',
]);

/** LockingInfo's sequencer events, with `indexed` exactly as in Metis' ILockingInfo.sol (topics depend on it). */
export const lockingInfoEvents = parseAbi([
  'event Locked(address indexed signer, uint256 indexed sequencerId, uint256 nonce, uint256 indexed activationBatch, uint256 amount, uint256 total, bytes signerPubkey)',
  'event Relocked(uint256 indexed sequencerId, uint256 amount, uint256 total)',
  'event UnlockInit(address indexed user, uint256 indexed sequencerId, uint256 nonce, uint256 deactivationBatch, uint256 deactivationTime, uint256 unlockClaimTime, uint256 indexed amount)',
  'event Unlocked(address indexed user, uint256 indexed sequencerId, uint256 amount, uint256 total)',
  'event ClaimRewards(uint256 indexed sequencerId, address recipient, uint256 indexed amount, uint256 indexed totalAmount)',
  'event LockUpdate(uint256 indexed sequencerId, uint256 indexed nonce, uint256 indexed newAmount)',
]);
