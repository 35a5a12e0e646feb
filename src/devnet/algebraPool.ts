import { createRequire } from 'node:module';
import {
  encodeAbiParameters,
  getAddress,
  getContractAddress,
  keccak256,
  maxUint256,
  parseAbi,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { compileFixtures, type Fixtures } from './compileFixtures.ts';

/**
 * Real Algebra pools on a local anvil, from the bytecode @cryptoalgebra/core 2.0.0 ships (AlgebraPool,
 * AlgebraFactory, DataStorageOperator: the Algebra v1 line Hercules V3 and Camelot V3 descend from), with
 * two small fixtures of ours: a pool deployer and a router that pays the mint and swap callbacks.
 *
 * The anvil must run with `disableCodeSizeLimit` (startAnvil): the shipped pool is an instrumented build of
 * about 60 KB, over EIP-170's 24 KB. The shipped factory cannot create it: it binds each pool's
 * DataStorageOperator to the address computed from its compiled-in POOL_INIT_CODE_HASH, which this pool
 * bytecode does not hash to, so `initialize` would revert. deployAlgebraPool therefore computes the pool's real
 * CREATE2 address first, creates its DataStorageOperator for that address, and has AlgebraTestPoolDeployer
 * create the pool there. The real factory is still deployed: the pool asks it for its owner and vault.
 *
 * Typical use: `deployAlgebraPool(c, { token0, token1, sqrtPriceX96 })`, then `mintAlgebraPosition` and
 * `swapAlgebra`; move time with anvil's `evm_increaseTime` and `anvil_mine` so the pool's own oracle
 * (`getTimepoints`) accumulates as on a live chain.
 */

/** The clients a deployment needs: reads, and transactions from one funded account (anvil automines). */
export interface AlgebraClients {
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly walletClient: WalletClient<Transport, Chain, Account>;
}

/** The contracts every pool of one chain shares. */
export interface AlgebraKit {
  /** The shipped AlgebraFactory; its owner and community-fee vault are the deploying account. */
  readonly factory: Address;
  /** AlgebraTestPoolDeployer: answers the pool constructor's `parameters()`. */
  readonly poolDeployer: Address;
  /** AlgebraTestRouter: pays `algebraMintCallback` and `algebraSwapCallback` from the caller's approvals. */
  readonly router: Address;
}

export interface AlgebraPoolDeployment extends AlgebraKit {
  readonly pool: Address;
  readonly dataStorageOperator: Address;
  readonly token0: Address;
  readonly token1: Address;
}

/** Algebra v1 pools space initialized ticks 60 apart: position bounds must be multiples of it. */
export const ALGEBRA_TICK_SPACING = 60;
/** The widest position a tick spacing of 60 allows (TickMath's ±887272 rounded in). */
export const ALGEBRA_MAX_TICK = 887_220;

/** The pool views and actions the helpers and tests use, as the shipped artifact declares them. */
export const algebraPoolTestAbi = parseAbi([
  'function initialize(uint160 initialPrice)',
  'function globalState() view returns (uint160 price, int24 tick, uint16 fee, uint16 timepointIndex, uint8 communityFeeToken0, uint8 communityFeeToken1, bool unlocked)',
  'function liquidity() view returns (uint128)',
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function factory() view returns (address)',
  'function dataStorageOperator() view returns (address)',
  'function tickSpacing() pure returns (int24)',
  'function getTimepoints(uint32[] secondsAgos) view returns (int56[] tickCumulatives, uint160[] secondsPerLiquidityCumulatives, uint112[] volatilityCumulatives, uint256[] volumePerAvgLiquiditys)',
]);

const algebraFactoryAbi = parseAbi([
  'function baseFeeConfiguration() view returns (uint16 alpha1, uint16 alpha2, uint32 beta1, uint32 beta2, uint16 gamma1, uint16 gamma2, uint32 volumeBeta, uint16 volumeGamma, uint16 baseFee)',
]);

const dataStorageOperatorAbi = parseAbi([
  'struct Configuration { uint16 alpha1; uint16 alpha2; uint32 beta1; uint32 beta2; uint16 gamma1; uint16 gamma2; uint32 volumeBeta; uint16 volumeGamma; uint16 baseFee; }',
  'function changeFeeConfiguration(Configuration _feeConfig)',
]);

/** ABI of src/devnet/contracts/AlgebraTestPoolDeployer.sol (checked against solc's output in its test). */
export const algebraTestPoolDeployerAbi = parseAbi([
  'function parameters() view returns (address dataStorage, address factory, address token0, address token1)',
  'function deploy(bytes creationCode, address dataStorage, address factory, address token0, address token1) returns (address pool)',
  'event PoolDeployed(address indexed pool, address indexed token0, address indexed token1)',
]);

/** ABI of src/devnet/contracts/AlgebraTestRouter.sol (checked against solc's output in its test). */
export const algebraTestRouterAbi = parseAbi([
  'function mint(address pool, int24 bottomTick, int24 topTick, uint128 liquidity) returns (uint256 amount0, uint256 amount1)',
  'function swapExactIn(address pool, bool zeroToOne, uint256 amountIn, uint160 limitSqrtPrice) returns (int256 amount0, int256 amount1)',
  'function algebraMintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes data)',
  'function algebraSwapCallback(int256 amount0Delta, int256 amount1Delta, bytes data)',
]);

const erc20ApproveAbi = parseAbi([
  'function approve(address spender, uint256 amount) returns (bool)',
  'function allowance(address owner, address spender) view returns (uint256)',
]);

interface Artifact {
  readonly abi: Abi;
  readonly bytecode: Hex;
}

const requireArtifact = createRequire(import.meta.url);

/** The shipped Hardhat artifact of one @cryptoalgebra/core contract (creation code with no link references). */
export function algebraArtifact(name: 'AlgebraPool' | 'AlgebraFactory' | 'DataStorageOperator'): Artifact {
  const json = requireArtifact(`@cryptoalgebra/core/artifacts/contracts/${name}.sol/${name}.json`) as { abi: Abi; bytecode: Hex };
  return { abi: json.abi, bytecode: json.bytecode };
}

/** Deploys the factory, our pool deployer and our router: once per chain, shared by every pool. */
export async function deployAlgebraKit(c: AlgebraClients, fixtures?: Fixtures): Promise<AlgebraKit> {
  const compiled = fixtures ?? (await compileFixtures());
  const owner = c.walletClient.account.address;
  const poolDeployer = await deploy(c, 'AlgebraTestPoolDeployer', compiled.AlgebraTestPoolDeployer, []);
  const factory = await deploy(c, 'AlgebraFactory', algebraArtifact('AlgebraFactory'), [poolDeployer, owner]);
  const router = await deploy(c, 'AlgebraTestRouter', compiled.AlgebraTestRouter, []);
  return { factory, poolDeployer, router };
}

/**
 * Deploys a real Algebra pool of token0/token1 (sorted by address, as Algebra requires) and initializes it at
 * `sqrtPriceX96` (price of token0 in token1, raw units, Q64.96), which starts its oracle. Its DataStorageOperator
 * gets the factory's default adaptive-fee configuration, as the factory would give it.
 * @param p.kit contracts from deployAlgebraKit; deployed here when absent.
 * @throws RangeError when token0 does not sort below token1.
 */
export async function deployAlgebraPool(
  c: AlgebraClients,
  p: { token0: Address; token1: Address; sqrtPriceX96: bigint; kit?: AlgebraKit; fixtures?: Fixtures },
): Promise<AlgebraPoolDeployment> {
  const token0 = getAddress(p.token0);
  const token1 = getAddress(p.token1);
  if (BigInt(token0) >= BigInt(token1)) throw new RangeError(`token0 ${token0} must sort below token1 ${token1} (Algebra orders a pool's tokens by address)`);
  const kit = p.kit ?? (await deployAlgebraKit(c, p.fixtures));
  const poolArtifact = algebraArtifact('AlgebraPool');

  // The address the pool will really have, computed from the very creation code the deployer will run.
  const salt = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }], [token0, token1]));
  const pool = getContractAddress({ opcode: 'CREATE2', from: kit.poolDeployer, salt, bytecode: poolArtifact.bytecode });

  const dataStorageOperator = await deploy(c, 'DataStorageOperator', algebraArtifact('DataStorageOperator'), [pool]);
  const [alpha1, alpha2, beta1, beta2, gamma1, gamma2, volumeBeta, volumeGamma, baseFee] = await c.publicClient.readContract({
    address: kit.factory,
    abi: algebraFactoryAbi,
    functionName: 'baseFeeConfiguration',
  });
  await send(c, 'DataStorageOperator.changeFeeConfiguration', {
    address: dataStorageOperator,
    abi: dataStorageOperatorAbi,
    functionName: 'changeFeeConfiguration',
    args: [{ alpha1, alpha2, beta1, beta2, gamma1, gamma2, volumeBeta, volumeGamma, baseFee }],
  });

  await send(c, 'AlgebraTestPoolDeployer.deploy', {
    address: kit.poolDeployer,
    abi: algebraTestPoolDeployerAbi,
    functionName: 'deploy',
    args: [poolArtifact.bytecode, dataStorageOperator, kit.factory, token0, token1],
  });
  const code = await c.publicClient.getCode({ address: pool });
  if (!code || code === '0x') throw new Error(`AlgebraTestPoolDeployer.deploy did not create the pool at its computed address ${pool}`);

  await send(c, 'AlgebraPool.initialize', { address: pool, abi: algebraPoolTestAbi, functionName: 'initialize', args: [p.sqrtPriceX96] });
  return { ...kit, pool, dataStorageOperator, token0, token1 };
}

/**
 * Adds `liquidity` between two ticks (multiples of ALGEBRA_TICK_SPACING) for the wallet's account, paid through
 * the router from its token balances (the router is approved for both tokens first, when it is not already).
 * @returns what the pool took of each token, raw units.
 */
export async function mintAlgebraPosition(
  c: AlgebraClients,
  kit: AlgebraKit,
  p: { pool: Address; bottomTick: number; topTick: number; liquidity: bigint },
): Promise<{ amount0: bigint; amount1: bigint }> {
  return routerCall(c, kit, p.pool, 'mint', [p.pool, p.bottomTick, p.topTick, p.liquidity]);
}

/**
 * Sells exactly `amountIn` (raw units) of token0 (`zeroToOne`) or token1 into the pool, stopping early at
 * `limitSqrtPrice` when given, for the wallet's account.
 * @returns the pool's balance changes: positive what it received, negative what it paid out.
 */
export async function swapAlgebra(
  c: AlgebraClients,
  kit: AlgebraKit,
  p: { pool: Address; zeroToOne: boolean; amountIn: bigint; limitSqrtPrice?: bigint },
): Promise<{ amount0: bigint; amount1: bigint }> {
  return routerCall(c, kit, p.pool, 'swapExactIn', [p.pool, p.zeroToOne, p.amountIn, p.limitSqrtPrice ?? 0n]);
}

/** Gas for one router call (a mint or swap with its callback and oracle write uses well under a million). */
const ALGEBRA_CALL_GAS = 3_000_000n;

/** Approves the router for the pool's tokens, then runs one of its callback-paying calls; the pool's two balance changes. */
async function routerCall(
  c: AlgebraClients,
  kit: AlgebraKit,
  pool: Address,
  functionName: 'mint' | 'swapExactIn',
  args: readonly unknown[],
): Promise<{ amount0: bigint; amount1: bigint }> {
  await approveRouter(c, kit, pool);
  const { result, request } = await c.publicClient.simulateContract({
    account: c.walletClient.account,
    address: kit.router,
    abi: algebraTestRouterAbi,
    functionName,
    args,
  } as never);
  // A fixed, ample gas limit, not the estimate: the estimate is taken in the latest block's second, and when the
  // transaction is mined a second later the pool also writes a new oracle timepoint, which the estimate left out.
  await waitFor(c, `AlgebraTestRouter.${functionName}`, await c.walletClient.writeContract({ ...(request as object), gas: ALGEBRA_CALL_GAS } as never));
  const [amount0, amount1] = result as readonly [bigint, bigint];
  return { amount0, amount1 };
}

async function approveRouter(c: AlgebraClients, kit: AlgebraKit, pool: Address): Promise<void> {
  const owner = c.walletClient.account.address;
  for (const side of ['token0', 'token1'] as const) {
    const token = await c.publicClient.readContract({ address: pool, abi: algebraPoolTestAbi, functionName: side });
    const allowance = await c.publicClient.readContract({ address: token, abi: erc20ApproveAbi, functionName: 'allowance', args: [owner, kit.router] });
    if (allowance < maxUint256 / 2n) {
      await send(c, `approve ${side}`, { address: token, abi: erc20ApproveAbi, functionName: 'approve', args: [kit.router, maxUint256] });
    }
  }
}

async function deploy(c: AlgebraClients, name: string, artifact: Artifact, args: readonly unknown[]): Promise<Address> {
  const hash = await c.walletClient.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args });
  const receipt = await c.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new Error(`deploying ${name} failed (tx ${hash}); is the anvil started with disableCodeSizeLimit?`);
  }
  return getAddress(receipt.contractAddress);
}

/** writeContract from the wallet's account, then its receipt; a revert is thrown with the call's name. */
async function send(c: AlgebraClients, what: string, call: Parameters<WalletClient<Transport, Chain, Account>['writeContract']>[0]): Promise<void> {
  await waitFor(c, what, await c.walletClient.writeContract(call));
}

async function waitFor(c: AlgebraClients, what: string, hash: Hash): Promise<void> {
  const receipt = await c.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${what} reverted (tx ${hash})`);
}
