import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
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
import { MULTICALL3_ADDRESS } from '../vocabulary/chains.ts';
import type { CompiledContract, ContractName, Fixtures } from './compileFixtures.ts';
import { DEVNET_PRIVATE_KEY, L1_CHAIN_ID, L2_CHAIN_ID } from './devnetAddresses.ts';
import { multicall3FullAbi } from './fixtureAbis.ts';

export interface DevnetChain {
  readonly chainId: number;
  readonly url: string;
  readonly chain: Chain;
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly walletClient: WalletClient<Transport, Chain, PrivateKeyAccount>;
  readonly testClient: TestClient<'anvil', Transport, Chain>;
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
