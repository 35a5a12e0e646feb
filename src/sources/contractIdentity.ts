import {
  AbiDecodingDataSizeTooSmallError,
  AbiDecodingZeroDataError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  type Address,
  type PublicClient,
} from 'viem';
import { shortError } from '../rpc/rpcErrors.ts';
import { walkCauses } from '../vocabulary/baseError.ts';
import { erc20Abi } from './abis.ts';
import { SourceReadError } from './sourceReader.ts';

/**
 * Checks, once at prepare, that a configured address is what the config says it is. Every failure is one
 * sentence naming the address, the chain and what was found, so a wrong address in a config is found at the
 * first cycle (and by `npm run doctor`) instead of producing figures from the wrong contract.
 */

/** Where a check runs: the source it fails, and the chain its addresses live on. */
export interface IdentityScope {
  readonly sourceId: string;
  readonly chainId: number;
}

/** `0x… on chain 1088`: how every identity message names an address. */
export const onChain = (address: Address, chainId: number) => `${address} on chain ${chainId}`;

/**
 * True when the node ran the call and the contract answered: a revert, or data that does not decode (no data
 * at all from an address without code). False for transport failures (timeouts, HTTP errors), which say
 * nothing about the address.
 */
export function callAnswered(error: unknown): boolean {
  const answered = (e: unknown) =>
    e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError || e instanceof AbiDecodingZeroDataError || e instanceof AbiDecodingDataSizeTooSmallError;
  return walkCauses(error, answered) !== undefined;
}

/** The revert reason or decoding problem of a failed call, in a few words. */
export function callFailureReason(error: unknown): string {
  const reverted = walkCauses(error, (e): e is ContractFunctionRevertedError => e instanceof ContractFunctionRevertedError);
  if (reverted) return reverted.reason ? `reverted "${reverted.reason}"` : 'reverted';
  if (walkCauses(error, (e) => e instanceof ContractFunctionZeroDataError || e instanceof AbiDecodingZeroDataError) !== undefined) return 'returned no data';
  return shortError(error);
}

/**
 * Throws "no contract at <address> on chain <id>" when the address holds no code. A failing `eth_getCode`
 * is thrown as it is: it says nothing about the address.
 */
export async function requireContract(client: PublicClient, scope: IdentityScope, address: Address): Promise<void> {
  const code = await client.getCode({ address });
  if (code === undefined || code === '0x') throw new SourceReadError(scope.sourceId, `no contract at ${onChain(address, scope.chainId)}`);
}

/**
 * Awaits a read of `address`. When the contract answered with a failure, the error becomes "no contract at …"
 * for an address without code, else `explain(reason)`; a transport failure is rethrown unchanged.
 */
export async function identityRead<T>(client: PublicClient, scope: IdentityScope, address: Address, read: Promise<T>, explain: (reason: string) => string): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (!callAnswered(error)) throw error;
    await requireContract(client, scope, address);
    throw new SourceReadError(scope.sourceId, explain(callFailureReason(error)), { cause: error });
  }
}

/** What a token answered: decimals always, symbol when it was asked for. */
export interface TokenIdentity {
  readonly decimals: number;
  readonly symbol?: string;
}

/**
 * Reads a token's `decimals()` (0 to 36, else it is not a token) and, when the config names one, checks its
 * `symbol()`.
 * @param p.where how messages name the address and its chain, default "token 0x… on chain N"
 *   (for example "token0 0x… of pool 0x… on chain N").
 */
export async function readTokenIdentity(
  client: PublicClient,
  scope: IdentityScope,
  p: { address: Address; where?: string; expectedSymbol?: string },
): Promise<TokenIdentity> {
  const where = p.where ?? `token ${onChain(p.address, scope.chainId)}`;
  const [rawDecimals, symbol] = await Promise.all([
    identityRead(client, scope, p.address, client.readContract({ address: p.address, abi: erc20Abi, functionName: 'decimals' }), (reason) => `${where} does not answer decimals() (${reason}): not an ERC-20 token`),
    p.expectedSymbol === undefined
      ? undefined
      : identityRead(client, scope, p.address, client.readContract({ address: p.address, abi: erc20Abi, functionName: 'symbol' }), (reason) => `${where} does not answer symbol() as a string (${reason}), so it cannot be checked against "${p.expectedSymbol}"`),
  ]);
  const decimals = Number(rawDecimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 36) throw new SourceReadError(scope.sourceId, `${where} answers decimals() = ${String(rawDecimals)}: not an ERC-20 token`);
  if (p.expectedSymbol !== undefined && symbol !== p.expectedSymbol) {
    throw new SourceReadError(scope.sourceId, `${where} is ${JSON.stringify(symbol)} (its symbol()), not "${p.expectedSymbol}" as configured`);
  }
  return { decimals, ...(symbol === undefined ? {} : { symbol }) };
}

/** `0x… (WMETIS)`, or the bare address when its symbol() does not answer: for messages about what was found. */
export async function describeToken(client: PublicClient, address: Address): Promise<string> {
  try {
    const symbol = await client.readContract({ address, abi: erc20Abi, functionName: 'symbol' });
    return `${address} (${symbol})`;
  } catch {
    return address;
  }
}
