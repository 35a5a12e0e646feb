import { MULTICALL3_ADDRESS } from '../shared/chains.ts';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  getAddress,
  http,
  keccak256,
  maxUint256,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { tickAtSqrtRatio } from '../core/tickMath.ts';
import type { CompiledContract, ContractName, Fixtures } from './compileFixtures.ts';
import {
  devnetErc20Abi,
  devnetRouterAbi,
  mockDepositPoolAbi,
  mockLockingInfoAbi,
  mockLockingPoolAbi,
  mockMetisSequencerSetAbi,
  multicall3FullAbi,
  uniswapV2FactoryAbi,
  uniswapV3FactoryAbi,
  uniswapV3PoolFullAbi,
} from './fixtureAbis.ts';
import { packageArtifacts, type PackageArtifacts } from './packageArtifacts.ts';
import { fullRangeTicks, isqrt, sqrtPriceX96FromPrice } from './priceMath.ts';
import { ALGEBRA_MAX_TICK, algebraTestRouterAbi, deployAlgebraKit, deployAlgebraPool } from './algebraPool.ts';
import { deployCamelotPair } from './stablePairs.ts';

/** anvil's default account 0 (mnemonic "test test … junk"): deploys everything, on both chains. */
export const DEVNET_PRIVATE_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' as const;
export const DEVNET_DEPLOYER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;
export const L1_CHAIN_ID = 1;
export const L2_CHAIN_ID = 1088;

/**
 * Where deployDevnet puts everything on fresh anvil chains (config/devnet.yaml hard-codes them). Contracts come
 * at CREATE addresses of DEVNET_DEPLOYER at nonces 0, 1, 2, … in the order listed; the pools at the CREATE2
 * addresses their factories derive from the tokens (and the V3 fee), as on mainnet. The same deployer and nonces
 * on both chains, so L1 and L2 share the first three addresses, as multi-chain deployments often do.
 */
export const DEVNET_ADDRESSES = {
  l1: {
    /** nonce 0: DevnetERC20 'Metis Token' METIS, 18 decimals */
    metis: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    /** nonce 1: MockLockingInfo (totalLocked …) */
    lockingInfo: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    /** nonce 2: MockLockingPool (rewardPerBlock …; escrow = lockingInfo) */
    lockingPool: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    multicall3: MULTICALL3_ADDRESS,
  },
  l2: {
    /** MockMetisSequencerSet, installed with anvil_setCode (no nonce used, so no CREATE address moves). */
    sequencerSet: '0x10437E6197179C728E69550b167eEc490C9e93ba',
    /** nonce 0: DevnetERC20 'Wrapped Metis' WMETIS, 18 */
    wmetis: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    /** nonce 1: DevnetERC20 'ENKI eMetis' eMetis, 18 */
    eMetis: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    /** nonce 2: DevnetVault (OpenZeppelin ERC4626) 'Staked eMetis' seMetis over eMetis, 18/18 */
    seMetis: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    /** nonce 3: DevnetERC20 'Artemis artMETIS' artMETIS (its mainnet symbol), 18 */
    artMetis: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
    /** nonce 4: MockDepositPool (Artemis totalDeposits) */
    artemisDepositPool: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
    /** nonce 5: DevnetERC20 'USD Coin' USDC, 6 */
    usdc: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
    /** nonce 6: UniswapV2Factory from @uniswap/v2-core */
    uniswapV2Factory: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
    /** nonce 7: UniswapV3Factory from @uniswap/v3-core */
    uniswapV3Factory: '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853',
    /** nonce 8: DevnetRouter: holds the token inventory, provides the liquidity and makes the trades */
    router: '0x2279B7A0a67DB372996a5FaB50D91eAA73d2eBe6',
    /** UniswapV2Pair by createPair: token0 = WMETIS, token1 = eMetis (addresses sort that way) */
    v2EMetisWmetis: '0xcD9323f1eE7259E38e3247afB043effbBb7A28dD',
    /** UniswapV3Pool by createPool, fee 0.05 %: token0 = WMETIS, token1 = seMetis */
    v3WmetisSeMetis: '0x25AAF240b93Aa2EF8f8d9Fa0eA076Ced74E001F2',
    /** UniswapV3Pool by createPool, fee 0.3 %: token0 = WMETIS (18), token1 = USDC (6) */
    v3WmetisUsdc: '0x05dF64659870bDcF3DA23Ccf2360f32E5038C459',
    /** nonce 12 (after three batches): AlgebraTestPoolDeployer (creates Algebra pools from @cryptoalgebra/core's pool bytecode) */
    algebraPoolDeployer: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
    /** nonce 13: AlgebraFactory from @cryptoalgebra/core */
    algebraFactory: '0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82',
    /** nonce 14: AlgebraTestRouter: pays Algebra's mint and swap callbacks (for Multicall3, which holds its tokens) */
    algebraRouter: '0x9A676e781A523b5d0C0e43731313A708CB607508',
    /** AlgebraPool (CREATE2 by the pool deployer), token0 = WMETIS, token1 = artMetis: Hercules' artMETIS/WMETIS */
    algebraWmetisArtMetis: '0x99f2dfBB4D9b47E6A7003F9544FA29F1Bd349505',
    /** nonce 20 (after the pool's DataStorageOperator and setup): MockCamelotPair (Hercules V2 style), stableSwap true: token0 = WMETIS, token1 = eMetis */
    camelotStableWmetisEMetis: '0xc6e7DF5E7b4f2A278906862b61205850344D4e7d',
    multicall3: MULTICALL3_ADDRESS,
  },
} as const;

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

/** What a devnet sequencer is left in by deployDevnet. */
export type DevnetSequencerFate = 'active' | 'exiting' | 'exited' | 'unavailable';

export interface DevnetSequencer {
  /** LockingPool id: the sequencers are created in this order, so ids are 1, 2, … */
  readonly seqId: number;
  /** The operator label config/devnet.yaml gives its owner. */
  readonly name: string;
  /** The liquid-staking protocol that runs it (config/devnet.yaml `lst`), none for an independent operator. */
  readonly lst?: 'ENKI' | 'Artemis';
  readonly owner: Address;
  readonly signer: Address;
  /** METIS wei locked at creation (0: registered, never locked). */
  readonly locked: bigint;
  readonly fate: DevnetSequencerFate;
}

/**
 * The LockingPool's sequencers after deployDevnet: five active (two ENKI, one Artemis, two independent), one
 * exiting (its exit claimable DEVNET_INITIAL.l1.exitingClaimDelaySeconds after deployment), one exited and one
 * registered without a lock, so every status 0-3 is on chain. Owners and signers are keccak256("devnet sequencer
 * <id> owner|signer") truncated, fixed so config/devnet.yaml can label them. The METIS in the base (active plus
 * exiting) adds up to DEVNET_INITIAL.l1.totalLocked.
 */
export const DEVNET_SEQUENCERS: readonly DevnetSequencer[] = [
  { seqId: 1, name: 'Genesis1', owner: '0x25b4e6b2e7A0BA52f62846eBf25DfAbdd4CCa435', signer: '0x5D963b6Dfe8D68ebBDA5478633dd04efaeBB9C2f', locked: 200_000n * E18, fate: 'active' },
  { seqId: 2, name: 'ENKI0', lst: 'ENKI', owner: '0xeA46e4eb2A16F395A5DAE70eE6f1074a5cA90214', signer: '0x84A483278891cF057a71Ca983df9c9659f9DB66E', locked: 200_000n * E18, fate: 'active' },
  { seqId: 3, name: 'ENKI1', lst: 'ENKI', owner: '0x0845731f0295EAD9687222bF4aD844FAc50B2073', signer: '0xE2Aa08B162eE62F36b909b62AD92DCDdC01320b7', locked: 150_000n * E18, fate: 'active' },
  { seqId: 4, name: 'ArtemisNode', lst: 'Artemis', owner: '0x2809f78f48C677597a0388B8951FF5987211e4f4', signer: '0x762308c6dFe48D9F0F564f3A64A298E076D5194c', locked: 200_000n * E18, fate: 'active' },
  { seqId: 5, name: 'Bedrock', owner: '0x1bE897c4a016c3D8039E1e92f0C9f710F6426c6C', signer: '0xb9005bAD95296B8ab7Dda573D10418c5646746aB', locked: 150_000n * E18, fate: 'active' },
  { seqId: 6, name: 'Retired', owner: '0x71A9c3AC5a32D95a44199d1bf8b40D1F0d2B495A', signer: '0x89AF9c728a571B6Bfc3118BbE75429f9A886df6b', locked: 50_000n * E18, fate: 'exited' },
  { seqId: 7, name: 'Newcomer', owner: '0xe41a0BC448bd77F1e1768B92E6a8445537E96a65', signer: '0x1CB33A48CA592080D3eA152cbF21d8415Ae2159f', locked: 0n, fate: 'unavailable' },
  { seqId: 8, name: 'Leaving', owner: '0x37aBb215490962160f6bAcDB5c17Aa59A8960ae2', signer: '0xBbEe907544b2A23aA4b494F4731492A16D81ba0A', locked: 100_000n * E18, fate: 'exiting' },
];

/** A sequencer's 64-byte public key as the devnet stores it: keccak256 of its signer, twice (any bytes do for a mock). */
export function devnetPubkey(signer: Address): Hex {
  const h = keccak256(signer);
  return `${h}${h.slice(2)}` as Hex;
}

export interface DevnetChain {
  readonly chainId: number;
  readonly url: string;
  readonly chain: Chain;
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly walletClient: WalletClient<Transport, Chain, PrivateKeyAccount>;
  readonly testClient: TestClient<'anvil', Transport, Chain>;
}

export interface DevnetDeployment {
  readonly deployer: Address;
  readonly l1: DevnetChain;
  readonly l2: DevnetChain;
  readonly addresses: typeof DEVNET_ADDRESSES;
  readonly fixtures: Fixtures;
  /** The Uniswap contracts as their packages ship them. */
  readonly packages: PackageArtifacts;
  readonly l1BlockTimeSeconds: number;
  readonly l2BlockTimeSeconds: number;
  /** Timestamp of the latest block on BOTH chains when deployDevnet returned (it aligns them). */
  readonly readyTime: number;
}

/** A viem chain for a devnet chain id served at `url`, with Multicall3 at the canonical address. */
export function devnetChain(chainId: number, url: string): Chain {
  const isMetis = chainId === L2_CHAIN_ID;
  return defineChain({
    id: chainId,
    name: chainId === L1_CHAIN_ID ? 'Ethereum (devnet)' : isMetis ? 'Metis Andromeda (devnet)' : `Devnet ${chainId}`,
    nativeCurrency: isMetis ? { name: 'Metis', symbol: 'METIS', decimals: 18 } : { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [url] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 0 } },
  });
}

/** Public, wallet (DEVNET_PRIVATE_KEY) and anvil test clients for one devnet chain. */
export function createDevnetChain(chainId: number, url: string): DevnetChain {
  const chain = devnetChain(chainId, url);
  // Long timeout: anvil_mine of tens of thousands of blocks is one request.
  const transport = http(url, { timeout: 120_000, retryCount: 0 });
  const account = privateKeyToAccount(DEVNET_PRIVATE_KEY);
  return {
    chainId,
    url,
    chain,
    publicClient: createPublicClient({ chain, transport, pollingInterval: 100 }),
    walletClient: createWalletClient({ chain, transport, account, pollingInterval: 100 }),
    testClient: createTestClient({ chain, transport, mode: 'anvil' }),
  };
}

/**
 * Deploys `name` with `args` from the wallet's account and waits for the receipt (anvil automines).
 * For extra fixtures beyond the standard tower (benchmarks); the address depends on the account's nonce.
 */
export function deployFixture(
  wallet: WalletClient<Transport, Chain, Account>,
  publicClient: PublicClient<Transport, Chain>,
  fixtures: Fixtures,
  name: ContractName,
  args: readonly unknown[] = [],
): Promise<Address> {
  return deployContract(wallet, publicClient, fixtures[name], args, name);
}

/** Deploys a compiled contract (a fixture or a package's artifact) with `args`; `label` names it in errors. */
export async function deployContract(
  wallet: WalletClient<Transport, Chain, Account>,
  publicClient: PublicClient<Transport, Chain>,
  contract: CompiledContract,
  args: readonly unknown[],
  label: string,
): Promise<Address> {
  const hash = await wallet.deployContract({ abi: contract.abi, bytecode: contract.bytecode, args });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${label} failed (tx ${hash})`);
  return getAddress(receipt.contractAddress);
}

export interface BatchCall {
  readonly target: Address;
  readonly callData: Hex;
}

/**
 * Sends all calls in ONE transaction through Multicall3.aggregate3 (allowFailure false: any failing call
 * reverts the lot), so they land in one block. The fixtures' setters are open, so msg.sender = Multicall3 is fine.
 */
export async function sendBatch(c: DevnetChain, calls: readonly BatchCall[]): Promise<{ blockNumber: bigint; hash: Hex }> {
  const hash = await c.walletClient.writeContract({
    address: MULTICALL3_ADDRESS,
    abi: multicall3FullAbi,
    functionName: 'aggregate3',
    args: [calls.map((call) => ({ target: call.target, allowFailure: false, callData: call.callData }))],
  });
  return waitForSuccess(c, hash, 'Multicall3.aggregate3 batch');
}

/** Waits for the receipt of `hash` and throws unless it succeeded. */
export async function waitForSuccess(c: DevnetChain, hash: Hex, what: string): Promise<{ blockNumber: bigint; hash: Hex }> {
  const receipt = await c.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${what} reverted on chain ${c.chainId} (tx ${hash})`);
  return { blockNumber: receipt.blockNumber, hash };
}

export interface DeployDevnetOptions {
  readonly l1Url: string;
  readonly l2Url: string;
  readonly fixtures: Fixtures;
  /** Default 12. */
  readonly l1BlockTimeSeconds?: number;
  /** Default 4. */
  readonly l2BlockTimeSeconds?: number;
}

/**
 * Deploys the devnet tower on two FRESH anvil chains (ids 1 and 1088), in a fixed order so every address
 * equals DEVNET_ADDRESSES (checked), installs Multicall3 at the canonical address on both, sets the
 * DEVNET_INITIAL state with the DEVNET_SEQUENCERS on L1 and the MetisSequencerSet on L2, makes blocks come at fixed intervals (anvil_setBlockTimestampInterval) and finally
 * mines so both chains' latest blocks share one timestamp, `readyTime`. The pools are the real Uniswap V2 and V3
 * core contracts from their packages, created through their factories and funded by DevnetRouter; then the
 * Algebra pool (@cryptoalgebra/core's bytecode, funded by Multicall3) and the Camelot-style stable pair fixture.
 * The L2 anvil must run with disableCodeSizeLimit (startDevnet does): Algebra's pool is over 24 KB.
 */
export async function deployDevnet(opts: DeployDevnetOptions): Promise<DevnetDeployment> {
  const l1BlockTimeSeconds = opts.l1BlockTimeSeconds ?? DEVNET_INITIAL.l1BlockTimeSeconds;
  const l2BlockTimeSeconds = opts.l2BlockTimeSeconds ?? DEVNET_INITIAL.l2BlockTimeSeconds;
  const l1 = createDevnetChain(L1_CHAIN_ID, opts.l1Url);
  const l2 = createDevnetChain(L2_CHAIN_ID, opts.l2Url);
  const packages = packageArtifacts();
  await Promise.all([prepareChain(l1, opts.fixtures, l1BlockTimeSeconds), prepareChain(l2, opts.fixtures, l2BlockTimeSeconds)]);
  await Promise.all([deployL1(l1, opts.fixtures), deployL2(l2, opts.fixtures, packages)]);
  await installSequencerSet(l2, opts.fixtures);
  const readyTime = await alignChains(l1, l2, l2BlockTimeSeconds);
  return {
    deployer: DEVNET_DEPLOYER,
    l1,
    l2,
    addresses: DEVNET_ADDRESSES,
    fixtures: opts.fixtures,
    packages,
    l1BlockTimeSeconds,
    l2BlockTimeSeconds,
    readyTime,
  };
}

async function prepareChain(c: DevnetChain, fixtures: Fixtures, blockTimeSeconds: number): Promise<void> {
  const [chainId, nonce] = await Promise.all([
    c.publicClient.getChainId(),
    c.publicClient.getTransactionCount({ address: DEVNET_DEPLOYER }),
  ]);
  if (chainId !== c.chainId) throw new Error(`deployDevnet: ${c.url} has chain id ${chainId}, expected ${c.chainId}`);
  if (nonce !== 0) {
    throw new Error(`deployDevnet: deployer ${DEVNET_DEPLOYER} already has nonce ${nonce} on chain ${c.chainId} (${c.url}); the fixed addresses need a fresh anvil`);
  }
  await c.testClient.setBlockTimestampInterval({ interval: blockTimeSeconds });
  await c.testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: fixtures.Multicall3.deployedBytecode });
}

function expectAddress(c: DevnetChain, actual: Address, expected: Address, label: string, why: string): void {
  if (actual.toLowerCase() !== expected.toLowerCase()) {
    throw new Error(`deployDevnet: ${label} on chain ${c.chainId} is at ${actual}, expected ${expected} from DEVNET_ADDRESSES; ${why}`);
  }
}

async function deployExpected(c: DevnetChain, contract: CompiledContract, args: readonly unknown[], expected: Address, label: string): Promise<void> {
  const address = await deployContract(c.walletClient, c.publicClient, contract, args, label);
  expectAddress(c, address, expected, label, 'the chain must be fresh and the deployment order unchanged');
}

/** One Multicall3 call. */
function call(target: Address, callData: Hex): BatchCall {
  return { target, callData };
}

async function deployL1(c: DevnetChain, fixtures: Fixtures): Promise<void> {
  const a = DEVNET_ADDRESSES.l1;
  const init = DEVNET_INITIAL.l1;
  await deployExpected(c, fixtures.DevnetERC20, ['Metis Token', 'METIS', 18], a.metis, 'METIS');
  await deployExpected(c, fixtures.MockLockingInfo, [], a.lockingInfo, 'LockingInfo');
  await deployExpected(c, fixtures.MockLockingPool, [a.lockingInfo, init.rewardPerBlock, init.exitDelaySeconds], a.lockingPool, 'LockingPool');
  await sendBatch(c, [
    call(a.metis, encodeFunctionData({ abi: devnetErc20Abi, functionName: 'mint', args: [a.lockingInfo, init.totalLocked] })),
    call(a.metis, encodeFunctionData({ abi: devnetErc20Abi, functionName: 'mint', args: [DEVNET_DEPLOYER, init.metisSupply - init.totalLocked] })),
    call(a.lockingInfo, encodeFunctionData({ abi: mockLockingInfoAbi, functionName: 'setLockLimits', args: [init.minLock, init.maxLock] })),
  ]);
  for (const batch of sequencerBatches()) await sendBatch(c, batch);
}

/**
 * The transactions that leave the LockingPool with DEVNET_SEQUENCERS, one per sequencer (so no block holds more than
 * three of their logs, as on mainnet where sequencers lock at different times): its lock (totalLocked is their sum),
 * then for the exited one its exit started and claimed under a zero delay, for the exiting one its exit started under
 * exitingClaimDelaySeconds, the delay set back to exitDelaySeconds in the same transaction.
 */
function sequencerBatches(): BatchCall[][] {
  const init = DEVNET_INITIAL.l1;
  const pool = (data: Hex) => call(DEVNET_ADDRESSES.l1.lockingPool, data);
  const exitDelay = (seconds: bigint) => pool(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'setExitDelay', args: [seconds] }));
  return DEVNET_SEQUENCERS.map((s) => {
    const id = BigInt(s.seqId);
    const calls: BatchCall[] = [
      pool(
        s.locked === 0n
          ? encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'register', args: [s.owner, s.signer, devnetPubkey(s.signer), s.owner] })
          : encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'lock', args: [s.owner, s.signer, devnetPubkey(s.signer), s.owner, s.locked] }),
      ),
    ];
    if (s.fate === 'exited' || s.fate === 'exiting') {
      calls.push(exitDelay(s.fate === 'exited' ? 0n : init.exitingClaimDelaySeconds));
      calls.push(pool(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'unlockInit', args: [id] })));
      if (s.fate === 'exited') calls.push(pool(encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'unlock', args: [id] })));
      calls.push(exitDelay(init.exitDelaySeconds));
    }
    return calls;
  });
}

/**
 * MockMetisSequencerSet at DEVNET_ADDRESSES.l2.sequencerSet (anvil_setCode: no deployer nonce, so the L2's
 * CREATE addresses do not depend on it), its epochs starting at the next block and rotating over the signers
 * of the active DEVNET_SEQUENCERS.
 */
async function installSequencerSet(c: DevnetChain, fixtures: Fixtures): Promise<void> {
  const address = DEVNET_ADDRESSES.l2.sequencerSet;
  await c.testClient.setCode({ address, bytecode: fixtures.MockMetisSequencerSet.deployedBytecode });
  const next = (await c.publicClient.getBlockNumber()) + 1n;
  const signers = DEVNET_SEQUENCERS.filter((s) => s.fate === 'active').map((s) => s.signer);
  const hash = await c.walletClient.writeContract({
    address,
    abi: mockMetisSequencerSetAbi,
    functionName: 'configure',
    args: [next, BigInt(DEVNET_INITIAL.l2.sequencerEpochBlocks), signers],
  });
  await waitForSuccess(c, hash, 'MetisSequencerSet.configure');
}

async function deployL2(c: DevnetChain, fixtures: Fixtures, packages: PackageArtifacts): Promise<void> {
  const a = DEVNET_ADDRESSES.l2;
  const init = DEVNET_INITIAL.l2;
  await deployExpected(c, fixtures.DevnetERC20, ['Wrapped Metis', 'WMETIS', 18], a.wmetis, 'WMETIS');
  await deployExpected(c, fixtures.DevnetERC20, ['ENKI eMetis', 'eMetis', 18], a.eMetis, 'eMetis');
  await deployExpected(c, fixtures.DevnetVault, [a.eMetis, 'Staked eMetis', 'seMetis'], a.seMetis, 'seMetis vault');
  await deployExpected(c, fixtures.DevnetERC20, ['Artemis artMETIS', 'artMETIS', 18], a.artMetis, 'artMetis');
  await deployExpected(c, fixtures.MockDepositPool, [], a.artemisDepositPool, 'Artemis deposit pool');
  await deployExpected(c, fixtures.DevnetERC20, ['USD Coin', 'USDC', 6], a.usdc, 'USDC');
  await deployExpected(c, packages.UniswapV2Factory, [DEVNET_DEPLOYER], a.uniswapV2Factory, 'UniswapV2Factory');
  await deployExpected(c, packages.UniswapV3Factory, [], a.uniswapV3Factory, 'UniswapV3Factory');
  await deployExpected(c, fixtures.DevnetRouter, [], a.router, 'DevnetRouter');

  const se = init.v3WmetisSeMetis;
  const usdc = init.v3WmetisUsdc;
  // The pools: created by their factories, the V3 ones initialised at their price with room for observations.
  await sendBatch(c, [
    call(a.uniswapV2Factory, encodeFunctionData({ abi: uniswapV2FactoryAbi, functionName: 'createPair', args: [a.eMetis, a.wmetis] })),
    call(a.uniswapV3Factory, encodeFunctionData({ abi: uniswapV3FactoryAbi, functionName: 'createPool', args: [a.wmetis, a.seMetis, se.fee] })),
    call(a.uniswapV3Factory, encodeFunctionData({ abi: uniswapV3FactoryAbi, functionName: 'createPool', args: [a.wmetis, a.usdc, usdc.fee] })),
    call(a.v3WmetisSeMetis, encodeFunctionData({ abi: uniswapV3PoolFullAbi, functionName: 'initialize', args: [se.sqrtPriceX96] })),
    call(a.v3WmetisUsdc, encodeFunctionData({ abi: uniswapV3PoolFullAbi, functionName: 'initialize', args: [usdc.sqrtPriceX96] })),
  ]);
  const [pair, sePool, usdcPool] = await c.publicClient.multicall({
    allowFailure: false,
    contracts: [
      { address: a.uniswapV2Factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [a.eMetis, a.wmetis] },
      { address: a.uniswapV3Factory, abi: uniswapV3FactoryAbi, functionName: 'getPool', args: [a.wmetis, a.seMetis, se.fee] },
      { address: a.uniswapV3Factory, abi: uniswapV3FactoryAbi, functionName: 'getPool', args: [a.wmetis, a.usdc, usdc.fee] },
    ],
  });
  const why = 'the factory derives it with CREATE2 from its own address, the tokens and the pool bytecode';
  expectAddress(c, pair, a.v2EMetisWmetis, 'V2 pair eMetis/WMETIS', why);
  expectAddress(c, sePool, a.v3WmetisSeMetis, 'V3 pool WMETIS/seMetis', why);
  expectAddress(c, usdcPool, a.v3WmetisUsdc, 'V3 pool WMETIS/USDC', why);
  // Each slot costs a storage write; kept in its own transaction so no batch nears the block gas limit.
  await sendBatch(c, [a.v3WmetisSeMetis, a.v3WmetisUsdc].map((pool) =>
    call(pool, encodeFunctionData({ abi: uniswapV3PoolFullAbi, functionName: 'increaseObservationCardinalityNext', args: [init.v3ObservationCardinality] })),
  ));

  // The supplies go to the router, which deposits into the vault and funds the pools from them.
  const mint = (token: Address, to: Address, amount: bigint) => call(token, encodeFunctionData({ abi: devnetErc20Abi, functionName: 'mint', args: [to, amount] }));
  const router = (data: Hex) => call(a.router, data);
  const v2 = init.v2EMetisWmetis;
  await sendBatch(c, [
    mint(a.wmetis, a.router, init.wmetisSupply - init.algebraFunds),
    mint(a.wmetis, MULTICALL3_ADDRESS, init.algebraFunds),
    mint(a.eMetis, a.router, init.eMetisSupply),
    mint(a.artMetis, a.router, init.artMetisSupply - init.algebraFunds),
    mint(a.artMetis, MULTICALL3_ADDRESS, init.algebraFunds),
    mint(a.usdc, a.router, init.usdcSupply),
    router(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'mintVaultShares', args: [a.seMetis, init.seMetisTotalSupply] })),
    router(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'addLiquidityV2', args: [a.v2EMetisWmetis, v2.reserve0, v2.reserve1] })),
    ...[
      { pool: a.v3WmetisSeMetis, spec: se },
      { pool: a.v3WmetisUsdc, spec: usdc },
    ].map(({ pool, spec }) => {
      const { tickLower, tickUpper } = fullRangeTicks(spec.tickSpacing);
      return router(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'mintV3', args: [pool, tickLower, tickUpper, spec.liquidity] }));
    }),
    call(a.artemisDepositPool, encodeFunctionData({ abi: mockDepositPoolAbi, functionName: 'setTotalDeposits', args: [init.artemisTotalDeposits] })),
  ]);
  await deployL2LaterPools(c, fixtures);
}

/**
 * The pools added after the first devnet (so the addresses above did not move): the real Algebra pool of
 * artMETIS/WMETIS, as Hercules runs it on mainnet, and a Camelot-style stable pair. Multicall3 pays for the
 * Algebra position from its own balances (approvals it gives in the same batch), so later trades can go in the
 * scenario's one-transaction batches.
 */
async function deployL2LaterPools(c: DevnetChain, fixtures: Fixtures): Promise<void> {
  const a = DEVNET_ADDRESSES.l2;
  const init = DEVNET_INITIAL.l2;
  const kit = await deployAlgebraKit(c, fixtures);
  expectAddress(c, kit.poolDeployer, a.algebraPoolDeployer, 'AlgebraTestPoolDeployer', 'the chain must be fresh and the deployment order unchanged');
  expectAddress(c, kit.factory, a.algebraFactory, 'AlgebraFactory', 'the chain must be fresh and the deployment order unchanged');
  expectAddress(c, kit.router, a.algebraRouter, 'AlgebraTestRouter', 'the chain must be fresh and the deployment order unchanged');
  const algebra = init.algebraWmetisArtMetis;
  const { pool } = await deployAlgebraPool(c, { token0: a.wmetis, token1: a.artMetis, sqrtPriceX96: algebra.sqrtPriceX96, kit });
  expectAddress(c, pool, a.algebraWmetisArtMetis, 'Algebra pool WMETIS/artMetis', 'the pool deployer derives it with CREATE2 from the tokens and the pool bytecode');
  const approve = (token: Address) => call(token, encodeFunctionData({ abi: devnetErc20Abi, functionName: 'approve', args: [a.algebraRouter, maxUint256] }));
  await sendBatch(c, [
    approve(a.wmetis),
    approve(a.artMetis),
    call(a.algebraRouter, encodeFunctionData({ abi: algebraTestRouterAbi, functionName: 'mint', args: [pool, -ALGEBRA_MAX_TICK, ALGEBRA_MAX_TICK, algebra.liquidity] })),
  ]);
  const stable = init.camelotStableWmetisEMetis;
  const pair = await deployCamelotPair(c, fixtures, { token0: a.wmetis, token1: a.eMetis, stable: true, ...stable });
  expectAddress(c, pair, a.camelotStableWmetisEMetis, 'Camelot stable pair WMETIS/eMetis', 'the chain must be fresh and the deployment order unchanged');
}

/**
 * Mines empty blocks so both chains' latest blocks carry the same timestamp: the later of the two, rounded up
 * so the L2 keeps its exact cadence. Returns that timestamp.
 */
async function alignChains(l1: DevnetChain, l2: DevnetChain, l2BlockTimeSeconds: number): Promise<number> {
  const [b1, b2] = await Promise.all([l1.publicClient.getBlock(), l2.publicClient.getBlock()]);
  const t1 = Number(b1.timestamp);
  const t2 = Number(b2.timestamp);
  const behind = Math.max(0, t1 - t2);
  const l2Blocks = Math.ceil(behind / l2BlockTimeSeconds);
  const ready = t2 + l2Blocks * l2BlockTimeSeconds;
  if (l2Blocks > 0) await l2.testClient.mine({ blocks: l2Blocks });
  if (t1 < ready) {
    await l1.testClient.setNextBlockTimestamp({ timestamp: BigInt(ready) });
    await l1.testClient.mine({ blocks: 1 });
  }
  const [a1, a2] = await Promise.all([l1.publicClient.getBlock(), l2.publicClient.getBlock()]);
  if (Number(a1.timestamp) !== ready || Number(a2.timestamp) !== ready) {
    throw new Error(`deployDevnet: could not align chains at ${ready} (L1 ${a1.timestamp}, L2 ${a2.timestamp})`);
  }
  return ready;
}
