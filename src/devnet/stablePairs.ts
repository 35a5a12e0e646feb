import { getAddress, parseAbi, type Account, type Address, type Chain, type Hex, type PublicClient, type Transport, type WalletClient } from 'viem';
import type { CompiledContract, Fixtures } from './compileFixtures.ts';

/**
 * Stable-pair fixtures for tests and the benchmark: a Camelot-style pair (Hercules V2) and a Solidly-style
 * pair (Hermes V2), with the mainnet ABIs of the views the bot reads. No maintained package ships their
 * bytecode, so they are our own Solidity (src/devnet/contracts/MockCamelotPair.sol, MockSolidlyPair.sol),
 * compiled with the other fixtures but not part of the standard devnet tower.
 */

/** Typed ABI of MockCamelotPair: the mainnet views plus the test's setters. */
export const mockCamelotPairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function stableSwap() view returns (bool)',
  'function getReserves() view returns (uint112 _reserve0, uint112 _reserve1, uint16 _token0FeePercent, uint16 _token1FeePercent)',
  'function precisionMultiplier0() view returns (uint256)',
  'function precisionMultiplier1() view returns (uint256)',
  'function token0FeePercent() view returns (uint16)',
  'function token1FeePercent() view returns (uint16)',
  'function getAmountOut(uint256 amountIn, address tokenIn) view returns (uint256)',
  'function setReserves(uint112 reserve0_, uint112 reserve1_)',
  'function setFeePercent(uint16 newToken0FeePercent, uint16 newToken1FeePercent)',
  'function setStableSwap(bool stable, uint112 expectedReserve0, uint112 expectedReserve1)',
]);

/** Typed ABI of MockSolidlyPair: the mainnet views plus the test's setter. */
export const mockSolidlyPairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function tokens() view returns (address, address)',
  'function stable() view returns (bool)',
  'function getReserves() view returns (uint256 _reserve0, uint256 _reserve1, uint256 _blockTimestampLast)',
  'function metadata() view returns (uint256 dec0, uint256 dec1, uint256 r0, uint256 r1, bool st, address t0, address t1)',
  'function setReserves(uint256 reserve0_, uint256 reserve1_)',
]);

/** The wallet and reader of the chain to deploy on (a devnet chain has both). */
export interface DeployClients {
  readonly walletClient: WalletClient<Transport, Chain, Account>;
  readonly publicClient: PublicClient<Transport, Chain>;
}

/** A pair to deploy: its tokens (ERC-20s with `decimals()`), curve and raw reserves. */
export interface StablePairSpec {
  readonly token0: Address;
  readonly token1: Address;
  /** `stableSwap` for Camelot (switchable later with setStableSwap), `stable` for Solidly (fixed). */
  readonly stable: boolean;
  readonly reserve0: bigint;
  readonly reserve1: bigint;
}

/** Deploys a Camelot-style pair with `stableSwap` and reserves as given; resolves to its address. */
export async function deployCamelotPair(c: DeployClients, fixtures: Fixtures, spec: StablePairSpec): Promise<Address> {
  const pair = await deploy(c, fixtures.MockCamelotPair, [spec.token0, spec.token1, spec.stable], 'MockCamelotPair');
  await send(c, await c.walletClient.writeContract({ address: pair, abi: mockCamelotPairAbi, functionName: 'setReserves', args: [spec.reserve0, spec.reserve1] }), 'setReserves');
  return pair;
}

/** Deploys a Solidly-style pair with `stable` and reserves as given; resolves to its address. */
export async function deploySolidlyPair(c: DeployClients, fixtures: Fixtures, spec: StablePairSpec): Promise<Address> {
  const pair = await deploy(c, fixtures.MockSolidlyPair, [spec.token0, spec.token1, spec.stable], 'MockSolidlyPair');
  await send(c, await c.walletClient.writeContract({ address: pair, abi: mockSolidlyPairAbi, functionName: 'setReserves', args: [spec.reserve0, spec.reserve1] }), 'setReserves');
  return pair;
}

async function deploy(c: DeployClients, compiled: CompiledContract, args: readonly unknown[], name: string): Promise<Address> {
  const hash = await c.walletClient.deployContract({ abi: compiled.abi, bytecode: compiled.bytecode, args });
  const receipt = await c.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${name} failed (tx ${hash})`);
  return getAddress(receipt.contractAddress);
}

async function send(c: DeployClients, hash: Hex, what: string): Promise<void> {
  const receipt = await c.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${what} reverted (tx ${hash})`);
}
