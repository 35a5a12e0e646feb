import { custom, type Transport } from 'viem';
import { httpPost, type HttpPost } from './httpPost.ts';
import { classifyLogsRangeError } from './logsRangeError.ts';
import { walkCauses } from '../vocabulary/baseError.ts';
import { AllEndpointsFailedError, AnswerTooLargeError, EndpointError, JsonRpcError, shortError, TimeoutError } from './rpcErrors.ts';
import { redactUrl } from '../log/redactUrl.ts';

/** The host (and port) of a URL, which says which node without its key-bearing path. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
};

export interface EndpointHealth {
  readonly url: string;
  readonly lastError?: string;
  readonly lastErrorAt?: number;
  readonly requests: number;
  readonly failures: number;
}

export interface RpcHealth {
  readonly chainId: number;
  /** Redacted URL of the endpoint the next request goes to. */
  readonly inUse: string;
  readonly endpoints: readonly EndpointHealth[];
}

export interface FailoverRpcOptions {
  readonly chainId: number;
  readonly urls: readonly string[];
  readonly timeoutMs: number;
  /** How a request goes over the wire (default node:http(s) with keep-alive). */
  readonly post?: HttpPost;
  /** Told of every JSON-RPC request sent, for metrics and request counting. */
  readonly onRequest?: (event: { chainId: number; url: string; method: string; ok: boolean }) => void;
  readonly now?: () => number;
  /**
   * After failing over, the first URL (usually the operator's own or paid node) is tried again once this long
   * has passed since the switch; a failure there moves on as before and restarts the wait. Default 5 minutes.
   */
  readonly retryFirstAfterMs?: number;
  /**
   * A URL's chain id is checked again when this long has passed since its last check (before the next request
   * to it), and at once when it answers a revert: a node restarted on another chain does not fail, it answers
   * for the wrong chain. Default 10 minutes.
   */
  readonly chainRecheckMs?: number;
}

export interface FailoverRpc {
  request(method: string, params?: readonly unknown[]): Promise<unknown>;
  /** A viem transport over the same endpoints (viem's own retries off: failover is ours). */
  readonly transport: Transport;
  health(): RpcHealth;
}

interface Endpoint {
  readonly url: string;
  chainVerified: boolean;
  /** When the chain id was last found right (ms, options.now). */
  verifiedAt: number;
  requests: number;
  failures: number;
  lastError?: string;
  lastErrorAt?: number;
}

/**
 * JSON-RPC over several URLs of one chain. Each URL's chain id is checked before its first use, again every
 * `chainRecheckMs` and after a revert (a node restarted on another chain answers, it does not fail); a URL that
 * times out, answers an HTTP error or garbage, or serves another chain is skipped for the next one, and the
 * client stays on the URL that answered, going back to the first one now and then (`retryFirstAfterMs`). Reverts are returned as they are: another URL would say the same.
 */
export function createFailoverRpc(options: FailoverRpcOptions): FailoverRpc {
  const post = options.post ?? httpPost;
  const now = options.now ?? Date.now;
  const endpoints: Endpoint[] = options.urls.map((url) => ({ url, chainVerified: false, verifiedAt: 0, requests: 0, failures: 0 }));
  const retryFirstAfterMs = options.retryFirstAfterMs ?? 5 * 60_000;
  const chainRecheckMs = options.chainRecheckMs ?? 10 * 60_000;
  let current = 0;
  let switchedAt = 0;
  let nextId = 1;

  const use = (index: number) => {
    if (index !== current) switchedAt = now();
    current = index;
  };

  async function send(endpoint: Endpoint, method: string, params: readonly unknown[]): Promise<unknown> {
    endpoint.requests += 1;
    let ok = false;
    try {
      let answer: { status: number; body: string };
      try {
        answer = await post(endpoint.url, JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }), options.timeoutMs);
      } catch (error) {
        // Our own answer-size cap on eth_getLogs is a range refusal like a provider's: fewer blocks will do.
        if (method === 'eth_getLogs' && error instanceof AnswerTooLargeError) throw new JsonRpcError(-32008, `response too big: ${error.message}`);
        const timedOut = error instanceof TimeoutError;
        // The innermost cause names the socket's trouble (ECONNREFUSED, a TLS failure).
        throw new EndpointError(redactUrl(endpoint.url), timedOut ? `timed out after ${options.timeoutMs} ms` : `unreachable (${shortError(walkCauses(error))})`, { cause: error, timedOut });
      }
      const text = answer.body;
      if (answer.status < 200 || answer.status > 299) {
        // Some providers send their eth_getLogs caps with an HTTP error status (QuickNode, Alchemy's 400): the
        // JSON-RPC error inside is the answer, and the reader shrinks its range on it.
        const refusal = method === 'eth_getLogs' ? jsonRpcErrorIn(text) : undefined;
        if (refusal && classifyLogsRangeError(refusal)) throw refusal;
        throw new EndpointError(redactUrl(endpoint.url), `HTTP ${answer.status}`);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new EndpointError(redactUrl(endpoint.url), 'answered malformed JSON');
      }
      if (!body || typeof body !== 'object') throw new EndpointError(redactUrl(endpoint.url), 'answered something that is not JSON-RPC');
      if ('error' in body && body.error && typeof body.error === 'object') {
        const error = body.error as { code?: unknown; message?: unknown; data?: unknown };
        throw new JsonRpcError(Number(error.code ?? 0), String(error.message ?? 'error'), error.data);
      }
      if (!('result' in body)) throw new EndpointError(redactUrl(endpoint.url), 'answered without a result');
      ok = true;
      return body.result;
    } finally {
      options.onRequest?.({ chainId: options.chainId, url: endpoint.url, method, ok });
    }
  }

  /**
   * Checks the URL's chain id before its first use and again once chainRecheckMs has passed (or when `force`d):
   * one eth_chainId ahead of the request it guards. A URL that served the right chain and now serves another
   * says so in words.
   */
  async function verifyChain(endpoint: Endpoint, force = false): Promise<boolean> {
    if (endpoint.chainVerified && !force && now() - endpoint.verifiedAt < chainRecheckMs) return false;
    const wasVerified = endpoint.chainVerified;
    const answer = await send(endpoint, 'eth_chainId', []);
    const served = typeof answer === 'string' && /^0x[0-9a-f]+$/i.test(answer) ? Number(BigInt(answer)) : Number.NaN;
    if (served !== options.chainId) {
      const what = Number.isNaN(served) ? JSON.stringify(answer) : served;
      throw new EndpointError(
        redactUrl(endpoint.url),
        wasVerified ? `RPC ${hostOf(endpoint.url)} now serves chain ${what}, expected ${options.chainId}` : `serves chain ${what}, not ${options.chainId}`,
      );
    }
    endpoint.chainVerified = true;
    endpoint.verifiedAt = now();
    return true;
  }

  /** After a revert: the error that shows the URL no longer serves our chain (or cannot say), else undefined. */
  async function wrongChainAfterRevert(endpoint: Endpoint): Promise<unknown> {
    try {
      await verifyChain(endpoint, true);
      return undefined;
    } catch (error) {
      return error;
    }
  }

  async function request(method: string, params: readonly unknown[] = []): Promise<unknown> {
    const failures: string[] = [];
    const causes: unknown[] = [];
    let lastRpcError: JsonRpcError | undefined;
    if (current !== 0 && now() - switchedAt >= retryFirstAfterMs) {
      current = 0;
      switchedAt = now();
    }
    for (let attempt = 0; attempt < endpoints.length; attempt++) {
      const index = (current + attempt) % endpoints.length;
      const endpoint = endpoints[index]!;
      let checkedNow = false;
      try {
        checkedNow = await verifyChain(endpoint);
        const result = await send(endpoint, method, params);
        use(index);
        return result;
      } catch (error) {
        let failure = error;
        // An eth_getLogs range the provider refuses (too many blocks, results or bytes) is not the URL's fault:
        // the URL is healthy and keeps its place, and the reader asks again for fewer blocks. Failing over instead
        // would move the bot off its preferred (often paid, uncapped) URL onto public fallbacks that cap tighter,
        // mark a working URL as failed in /status and metrics, and hide the provider's suggested range inside an
        // all-URLs-failed error. A timeout still fails over: it cannot tell a heavy range from a dead URL.
        if (error instanceof JsonRpcError && method === 'eth_getLogs' && classifyLogsRangeError(error)) {
          use(index);
          throw error;
        }
        if (error instanceof JsonRpcError && error.isRevert) {
          // A revert is the call's own answer, but a node switched to another chain answers reverts, not errors:
          // check the chain before passing one on (unless it was checked for this very request).
          const wrongChain = checkedNow ? undefined : await wrongChainAfterRevert(endpoint);
          if (wrongChain === undefined) {
            use(index);
            throw error;
          }
          failure = wrongChain;
        }
        if (failure instanceof JsonRpcError) lastRpcError = failure;
        endpoint.failures += 1;
        endpoint.lastError = shortError(failure);
        endpoint.lastErrorAt = now();
        // A URL that failed may serve another chain after a restart: check again before trusting it.
        endpoint.chainVerified = false;
        failures.push(`${redactUrl(endpoint.url)}: ${endpoint.lastError}`);
        causes.push(error);
      }
    }
    if (lastRpcError && failures.length === 1) throw lastRpcError;
    throw new AllEndpointsFailedError(options.chainId, failures, causes);
  }

  /** The JSON-RPC error object in a body, if it holds one. */
  function jsonRpcErrorIn(text: string): JsonRpcError | undefined {
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; data?: unknown } };
      const error = body?.error;
      return error && typeof error === 'object' ? new JsonRpcError(Number(error.code ?? 0), String(error.message ?? 'error'), error.data) : undefined;
    } catch {
      return undefined;
    }
  }

  const transport = custom(
    {
      async request({ method, params }: { method: string; params?: unknown }) {
        try {
          return await request(method, Array.isArray(params) ? params : params === undefined ? [] : [params]);
        } catch (error) {
          // viem maps errors carrying a JSON-RPC `code` to its own types (reverts decode through them).
          if (error instanceof JsonRpcError) throw Object.assign(new Error(error.shortMessage), { code: error.code, data: error.data });
          throw error;
        }
      },
    },
    { retryCount: 0 },
  );

  return {
    request,
    transport,
    health: () => ({
      chainId: options.chainId,
      inUse: redactUrl(endpoints[current]!.url),
      endpoints: endpoints.map(({ url, lastError, lastErrorAt, requests, failures }) => ({
        url: redactUrl(url),
        requests,
        failures,
        ...(lastError === undefined ? {} : { lastError }),
        ...(lastErrorAt === undefined ? {} : { lastErrorAt }),
      })),
    }),
  };
}
