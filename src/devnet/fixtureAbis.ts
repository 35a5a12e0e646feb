import { parseAbi } from 'viem';

/**
 * Typed ABIs of the devnet's contracts, for viem calls with checked arguments: our fixtures (src/devnet/contracts)
 * and the Uniswap packages' contracts. They are subsets of the compiled ABIs; test/devnet checks every entry
 * against solc's output and the packages' artifacts.
 */

/** DevnetERC20: OpenZeppelin's ERC20 plus decimals chosen at deployment and an open mint. */
export const devnetErc20Abi = parseAbi([
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function transferFrom(address from, address to, uint256 value) returns (bool)',
  'function mint(address to, uint256 amount)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);

/** DevnetVault: OpenZeppelin's ERC4626 as it ships. */
export const devnetVaultAbi = parseAbi([
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function asset() view returns (address)',
  'function decimals() view returns (uint8)',
  'function totalAssets() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256)',
  'function convertToShares(uint256 assets) view returns (uint256)',
  'function previewMint(uint256 shares) view returns (uint256)',
  'function previewRedeem(uint256 shares) view returns (uint256)',
  'function deposit(uint256 assets, address receiver) returns (uint256)',
  'function mint(uint256 shares, address receiver) returns (uint256)',
  'function redeem(uint256 shares, address receiver, address owner) returns (uint256)',
  'event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares)',
]);

/** DevnetRouter: the devnet's market maker over real Uniswap pools and the vault. */
export const devnetRouterAbi = parseAbi([
  'function addLiquidityV2(address pair, uint256 amount0, uint256 amount1) returns (uint256 liquidity)',
  'function swapV2(address pair, bool zeroForOne, uint256 amountIn, uint256 amountOut)',
  'function mintV3(address pool, int24 tickLower, int24 tickUpper, uint128 liquidity) returns (uint256 amount0, uint256 amount1)',
  'function swapV3ToPrice(address pool, uint160 sqrtPriceX96) returns (int256 amount0, int256 amount1)',
  'function mintVaultShares(address vault, uint256 shares) returns (uint256 assets)',
  'function redeemVaultShares(address vault, uint256 shares) returns (uint256 assets)',
  'function uniswapV3MintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes data)',
  'function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes data)',
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
  'function register(address owner, address signer, bytes pubkey, address rewardRecipient) returns (uint256 seqId)',
  'function lock(address owner, address signer, bytes pubkey, address rewardRecipient, uint256 amount) returns (uint256 seqId)',
  'function relock(uint256 seqId, uint256 amount)',
  'function unlockInit(uint256 seqId)',
  'function unlock(uint256 seqId)',
  'function claimRewards(uint256 seqId)',
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

/** MockMetisSequencerSet's setter and epoch arithmetic (its views are metisSequencerSetAbi in src/sources/abis.ts). */
export const mockMetisSequencerSetAbi = parseAbi([
  'function configure(uint256 genesisBlock_, uint256 epochLength_, address[] signers_)',
  'function genesisBlock() view returns (uint256)',
  'function epochLength() view returns (uint256)',
  'function epochOf(uint256 blockNumber) view returns (uint256)',
]);

export const mockDepositPoolAbi = parseAbi([
  'function totalDeposits() view returns (uint256)',
  'function setTotalDeposits(uint256 amount)',
]);

/** @uniswap/v2-core UniswapV2Factory (the parts the devnet uses). */
export const uniswapV2FactoryAbi = parseAbi([
  'function createPair(address tokenA, address tokenB) returns (address pair)',
  'function getPair(address tokenA, address tokenB) view returns (address pair)',
  'function allPairsLength() view returns (uint256)',
  'event PairCreated(address indexed token0, address indexed token1, address pair, uint256)',
]);

/** @uniswap/v2-core UniswapV2Pair (the parts the devnet uses; src/sources/abis.ts has what the bot reads). */
export const uniswapV2PairFullAbi = parseAbi([
  'function factory() view returns (address)',
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getReserves() view returns (uint112 _reserve0, uint112 _reserve1, uint32 _blockTimestampLast)',
  'function totalSupply() view returns (uint256)',
  'function mint(address to) returns (uint256 liquidity)',
  'function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data)',
  'function sync()',
  'event Sync(uint112 reserve0, uint112 reserve1)',
  'event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to)',
]);

/** @uniswap/v3-core UniswapV3Factory (the parts the devnet uses). */
export const uniswapV3FactoryAbi = parseAbi([
  'function createPool(address tokenA, address tokenB, uint24 fee) returns (address pool)',
  'function getPool(address tokenA, address tokenB, uint24 fee) view returns (address pool)',
  'function feeAmountTickSpacing(uint24 fee) view returns (int24)',
]);

/** @uniswap/v3-core UniswapV3Pool (the parts the devnet uses; src/sources/abis.ts has what the bot reads). */
export const uniswapV3PoolFullAbi = parseAbi([
  'function factory() view returns (address)',
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function fee() view returns (uint24)',
  'function tickSpacing() view returns (int24)',
  'function liquidity() view returns (uint128)',
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function observe(uint32[] secondsAgos) view returns (int56[] tickCumulatives, uint160[] secondsPerLiquidityCumulativeX128s)',
  'function observations(uint256 index) view returns (uint32 blockTimestamp, int56 tickCumulative, uint160 secondsPerLiquidityCumulativeX128, bool initialized)',
  'function initialize(uint160 sqrtPriceX96)',
  'function increaseObservationCardinalityNext(uint16 observationCardinalityNext)',
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
