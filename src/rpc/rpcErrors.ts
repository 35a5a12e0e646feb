import { BaseError, walkCauses } from '../vocabulary/baseError.ts';

/** No HTTP answer within the time given (httpPost). */
export class TimeoutError extends BaseError {
  override name = 'TimeoutError';
}

/** An HTTP answer larger than httpPost takes (a broken or hostile endpoint must not exhaust memory). */
export class AnswerTooLargeError extends BaseError {
  override name = 'AnswerTooLargeError';
}

/** The endpoint itself misbehaved (timeout, HTTP error, garbage, wrong chain): another URL may do better. */
export class EndpointError extends BaseError {
  override name = 'EndpointError';
  constructor(
    readonly url: string,
    shortMessage: string,
    options?: { cause?: unknown; timedOut?: boolean },
  ) {
    super(shortMessage, { cause: options?.cause, metaMessages: [`URL: ${url}`] });
    this.timedOut = options?.timedOut === true;
  }

  /** No answer within the timeout: the URL may be down, or the request (a wide eth_getLogs) too heavy. */
  readonly timedOut: boolean;
}

/** geth's message for a revert that carries no data (the same pattern viem's ExecutionRevertedError matches). */
const EXECUTION_REVERTED = /execution reverted/i;

/**
 * JSON-RPC codes that nodes other than geth's newer ones answer a revert with (older geth and its forks, Nethermind
 * -32015, Hardhat -32603): a revert only when the revert data comes along, as these codes also mean other failures.
 */
const REVERT_WITH_DATA_CODES: ReadonlySet<number> = new Set([-32000, -32015, -32603]);

/** A JSON-RPC error object returned by an endpoint (`{ error: { code, message, data } }`). */
export class JsonRpcError extends BaseError {
  override name = 'JsonRpcError';
  constructor(
    readonly code: number,
    shortMessage: string,
    readonly data?: unknown,
  ) {
    super(shortMessage);
  }

  /**
   * A revert is the call's own answer: every honest endpoint would give the same one, so it is not a reason to
   * fail over. Code 3 is EIP-1474's execution error (geth, anvil, reth, erigon); see REVERT_WITH_DATA_CODES.
   */
  get isRevert(): boolean {
    if (this.code === 3) return true;
    if (!REVERT_WITH_DATA_CODES.has(this.code)) return false;
    if (typeof this.data === 'string' && this.data.startsWith('0x')) return true;
    // geth (and Metis' l2geth) answer a revert without revert data as -32000 "execution reverted": the node's
    // words are the protocol's only signal there, so they are read as viem's ExecutionRevertedError reads them.
    return this.code === -32000 && EXECUTION_REVERTED.test(this.shortMessage);
  }
}

/** Every configured URL of a chain failed for one request. */
export class AllEndpointsFailedError extends BaseError {
  override name = 'AllEndpointsFailedError';
  constructor(
    readonly chainId: number,
    readonly failures: readonly string[],
    /** What each URL threw, in the order of `failures`. */
    readonly causes: readonly unknown[] = [],
  ) {
    super(`chain ${chainId}: every RPC failed (${failures.join('; ')})`);
  }
}

const isOurRpcError = (error: unknown): error is AllEndpointsFailedError | EndpointError | JsonRpcError =>
  error instanceof AllEndpointsFailedError || error instanceof EndpointError || error instanceof JsonRpcError;

/** One line for logs and /status, whatever was thrown. viem wraps transport errors, so our own cause is looked for first. */
export function shortError(error: unknown): string {
  const ours = walkCauses(error, isOurRpcError);
  if (ours) return ours.shortMessage;
  // viem's errors and ours (BaseError) carry their one line; anything else gives the first line of its message.
  if (error && typeof error === 'object' && 'shortMessage' in error && typeof error.shortMessage === 'string') return error.shortMessage;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
