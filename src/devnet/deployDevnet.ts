import { MULTICALL3_ADDRESS } from '../vocabulary/chains.ts';
import { encodeFunctionData, maxUint256, type Address, type Hex } from 'viem';
import type { CompiledContract, Fixtures } from './compileFixtures.ts';
import {
  devnetErc20Abi,
  devnetRouterAbi,
  mockDepositPoolAbi,
  mockLockingInfoAbi,
  mockLockingPoolAbi,
  mockMetisSequencerSetAbi,
  uniswapV2FactoryAbi,
  uniswapV3FactoryAbi,
  uniswapV3PoolFullAbi,
} from './fixtureAbis.ts';
import { packageArtifacts, type PackageArtifacts } from './packageArtifacts.ts';
import { fullRangeTicks } from './priceMath.ts';
import { ALGEBRA_MAX_TICK, algebraTestRouterAbi, deployAlgebraKit, deployAlgebraPool } from './algebraPool.ts';
import { deployCamelotPair } from './stablePairs.ts';
import { DEVNET_ADDRESSES, DEVNET_DEPLOYER, L1_CHAIN_ID, L2_CHAIN_ID } from './devnetAddresses.ts';
import { createDevnetChain, deployContract, sendBatch, waitForSuccess, type BatchCall, type DevnetChain } from './devnetChain.ts';
import { DEVNET_INITIAL } from './devnetInitial.ts';
import { DEVNET_SEQUENCERS, devnetPubkey } from './devnetSequencers.ts';

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
