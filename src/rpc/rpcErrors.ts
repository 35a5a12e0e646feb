/** The endpoint itself misbehaved (timeout, HTTP error, garbage, wrong chain): another URL may do better. */
export class EndpointError extends Error {
  constructor(
    readonly url: string,
    readonly shortMessage: string,
    options?: { cause?: unknown; timedOut?: boolean },
  ) {
    super(`${url}: ${shortMessage}`, options);
    this.name = 'EndpointError';
    this.timedOut = options?.timedOut === true;
  }

  /** No answer within the timeout: the URL may be down, or the request (a wide eth_getLogs) too heavy. */
  readonly timedOut: boolean;
}

/** A JSON-RPC error object returned by an endpoint (`{ error: { code, message, data } }`). */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    readonly shortMessage: string,
    readonly data?: unknown,
  ) {
    super(shortMessage);
    this.name = 'JsonRpcError';
  }

  /** A revert is the call's own answer: every honest endpoint would give the same one, so it is not a reason to fail over. */
  get isRevert(): boolean {
    return this.code === 3 || /revert/i.test(this.shortMessage);
  }
}

/** Every configured URL of a chain failed for one request. */
export class AllEndpointsFailedError extends Error {
  constructor(
    readonly chainId: number,
    readonly failures: readonly string[],
    /** What each URL threw, in the order of `failures`. */
    readonly causes: readonly unknown[] = [],
  ) {
    super(`chain ${chainId}: every RPC failed (${failures.join('; ')})`);
    this.name = 'AllEndpointsFailedError';
  }
}

/** One line for logs and /status, whatever was thrown. viem wraps transport errors, so our own cause is looked for first. */
export function shortError(error: unknown): string {
  for (let cause: unknown = error, depth = 0; cause && depth < 8; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof AllEndpointsFailedError) return cause.message;
    if (cause instanceof EndpointError) return cause.shortMessage;
    if (cause instanceof JsonRpcError) return cause.shortMessage;
  }
  if (error && typeof error === 'object' && 'shortMessage' in error && typeof error.shortMessage === 'string') return error.shortMessage;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
