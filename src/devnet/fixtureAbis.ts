import { parseAbi } from 'viem';

/**
 * Typed ABIs of the devnet fixtures (src/devnet/contracts), for viem calls with checked arguments. They are
 * subsets of the compiled ABIs; test/devnet checks every entry against solc's output.
 */

export const mockErc20Abi = parseAbi([
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address owner) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transferFrom(address from, address to, uint256 amount) returns (bool)',
  'function mint(address to, uint256 amount)',
  'function burn(address from, uint256 amount)',
  'function setTotalSupply(uint256 supply)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);

export const mockErc4626Abi = parseAbi([
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function asset() view returns (address)',
  'function decimals() view returns (uint8)',
  'function totalAssets() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address owner) view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256)',
  'function convertToShares(uint256 assets) view returns (uint256)',
  'function previewRedeem(uint256 shares) view returns (uint256)',
  'function previewDeposit(uint256 assets) view returns (uint256)',
  'function setTotals(uint256 assets, uint256 supply)',
  'function setMetadata(string name_, string symbol_)',
  'event TotalsUpdate(uint256 totalAssets, uint256 totalSupply)',
]);

export const mockLockingPoolAbi = parseAbi([
  'function rewardPerBlock() view returns (uint256)',
  'function BLOCK_REWARD() view returns (uint256)',
  'function exitDelayPeriod() view returns (uint256)',
  'function WITHDRAWAL_DELAY() view returns (uint256)',
  'function escrow() view returns (address)',
  'function currentBatch() view returns (uint256)',
  'function setRewardPerBlock(uint256 newReward)',
  'function setExitDelay(uint256 exitDelay_)',
  'function distributeReward(uint256 startEpoch, uint256 endEpoch, uint256 amount) returns (uint256 batchId)',
  'event DistributeReward(uint256 indexed batchId, uint256 startEpoch, uint256 endEpoch, uint256 amount, uint256 rpb)',
  'event RewardUpdate(uint256 newReward, uint256 oldReward)',
]);

export const mockLockingInfoAbi = parseAbi([
  'function totalLocked() view returns (uint256)',
  'function totalRewardsLiquidated() view returns (uint256)',
  'function minLock() view returns (uint256)',
  'function maxLock() view returns (uint256)',
  'function setTotalLocked(uint256 amount)',
  'function addRewardsLiquidated(uint256 amount)',
  'function setLockLimits(uint256 min_, uint256 max_)',
]);

export const mockDepositPoolAbi = parseAbi([
  'function totalDeposits() view returns (uint256)',
  'function setTotalDeposits(uint256 amount)',
]);

export const mockUniswapV2PairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getReserves() view returns (uint112 _reserve0, uint112 _reserve1, uint32 _blockTimestampLast)',
  'function setReserves(uint112 reserve0_, uint112 reserve1_)',
  'event Sync(uint112 reserve0, uint112 reserve1)',
]);

export const mockUniswapV3PoolAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function fee() view returns (uint24)',
  'function liquidity() view returns (uint128)',
  'function slot0() view returns (uint160 _sqrtPriceX96, int24 _tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function observe(uint32[] secondsAgos) view returns (int56[] tickCumulatives, uint160[] secondsPerLiquidityCumulativeX128s)',
  'function setSlot0(uint160 sqrtPriceX96_, int24 tick_)',
  'function setSqrtPriceX96(uint160 sqrtPriceX96_)',
  'function setTick(int24 tick_)',
  'function setLiquidity(uint128 liquidity_)',
  'function setFee(uint24 fee_)',
]);

/** The canonical Multicall3 ABI (what src/devnet/contracts/Multicall3.sol implements). viem's own `multicall3Abi` is a read-only subset. */
export const multicall3FullAbi = parseAbi([
  'struct Call { address target; bytes callData; }',
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Call3Value { address target; bool allowFailure; uint256 value; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate(Call[] calls) payable returns (uint256 blockNumber, bytes[] returnData)',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function aggregate3Value(Call3Value[] calls) payable returns (Result[] returnData)',
  'function blockAndAggregate(Call[] calls) payable returns (uint256 blockNumber, bytes32 blockHash, Result[] returnData)',
  'function tryAggregate(bool requireSuccess, Call[] calls) payable returns (Result[] returnData)',
  'function tryBlockAndAggregate(bool requireSuccess, Call[] calls) payable returns (uint256 blockNumber, bytes32 blockHash, Result[] returnData)',
  'function getBasefee() view returns (uint256 basefee)',
  'function getBlockHash(uint256 blockNumber) view returns (bytes32 blockHash)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getChainId() view returns (uint256 chainid)',
  'function getCurrentBlockCoinbase() view returns (address coinbase)',
  'function getCurrentBlockDifficulty() view returns (uint256 difficulty)',
  'function getCurrentBlockGasLimit() view returns (uint256 gaslimit)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getLastBlockHash() view returns (bytes32 blockHash)',
]);
