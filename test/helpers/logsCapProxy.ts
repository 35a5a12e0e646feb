import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from '../reliability/localProxy.ts';

/** How a provider caps eth_getLogs, each in the words and codes of one real provider. */
export type LogsCap =
  /** Alchemy-like: more than `maxBlocks` blocks refused with -32602 and its "up to a N block range" sentence. */
  | { readonly style: 'block-range'; readonly maxBlocks: number }
  /** Infura: more than `maxResults` logs refused with -32005 and a suggested range, in the message and in `data`. */
  | { readonly style: 'result-count'; readonly maxResults: number }
  /** jsonrpsee / gateways: an answer over `maxBytes` refused with -32008 "Response is too big" and no hint. */
  | { readonly style: 'response-size'; readonly maxBytes: number }
  /** A node that never answers a request over `maxBlocks` blocks (the client's timeout ends it). */
  | { readonly style: 'timeout'; readonly maxBlocks: number }
  /** eth_getLogs switched off (-32601): not a range problem at all. */
  | { readonly style: 'disabled' }
  | { readonly style: 'none' };

/** One eth_getLogs request as the proxy saw it. */
export interface GetLogsRecord {
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
  readonly outcome: 'served' | 'refused' | 'unanswered';
  /** Logs in the answer (served) or that the node had (refused after asking it). */
  readonly logs: number;
  /** Bytes of the node's answer, when the proxy asked it. */
  readonly bytes?: number;
  /** The range the refusal suggested (result-count style). */
  readonly suggested?: readonly [bigint, bigint];
}

export interface LogsCapProxy {
  readonly url: string;
  /** Every eth_getLogs request, in order. */
  readonly requests: GetLogsRecord[];
  setCap(cap: LogsCap): void;
  close(): Promise<void>;
}

interface RpcRequest {
  readonly id: number | string;
  readonly method: string;
  readonly params?: [{ fromBlock?: string; toBlock?: string }];
}

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of a node (anvil) that enforces an eth_getLogs cap the way a
 * public provider does, and records every eth_getLogs it saw. Everything else is forwarded untouched.
 */
export async function startLogsCapProxy(upstream: string, initial: LogsCap = { style: 'none' }): Promise<LogsCapProxy> {
  let cap = initial;
  const requests: GetLogsRecord[] = [];

  const forward = async (body: string) => {
    const answer = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: answer.status, text: await answer.text() };
  };

  const refuse = (id: RpcRequest['id'], code: number, message: string, data?: unknown) =>
    JSON.stringify({ jsonrpc: '2.0', id, error: { code, message, ...(data === undefined ? {} : { data }) } });

  async function answerGetLogs(request: RpcRequest, raw: string): Promise<string> {
    const fromBlock = BigInt(request.params?.[0]?.fromBlock ?? '0x0');
    const toBlock = BigInt(request.params?.[0]?.toBlock ?? '0x0');
    const span = Number(toBlock - fromBlock + 1n);
    if (cap.style === 'disabled') return refuse(request.id, -32601, 'the method eth_getLogs does not exist/is not available');
    if (cap.style === 'timeout' && span > cap.maxBlocks) {
      requests.push({ fromBlock, toBlock, outcome: 'unanswered', logs: 0 });
      return new Promise<string>(() => {}); // held until the client gives up and the proxy closes
    }
    if (cap.style === 'block-range' && span > cap.maxBlocks) {
      requests.push({ fromBlock, toBlock, outcome: 'refused', logs: 0 });
      const limit = cap.maxBlocks % 1000 === 0 ? `${cap.maxBlocks / 1000}K` : String(cap.maxBlocks);
      return refuse(
        request.id,
        -32602,
        `Log response size exceeded. You can make eth_getLogs requests with up to a ${limit} block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.`,
      );
    }
    const node = await forward(raw);
    const logs = (JSON.parse(node.text) as { result?: { blockNumber: string }[] }).result ?? [];
    const bytes = Buffer.byteLength(node.text);
    if (cap.style === 'result-count' && logs.length > cap.maxResults) {
      // Infura suggests the widest range from the same start that stays within the limit.
      const firstOver = BigInt(logs[cap.maxResults]!.blockNumber);
      const suggestedTo = firstOver - 1n >= fromBlock ? firstOver - 1n : fromBlock;
      const hex = (n: bigint) => `0x${n.toString(16).toUpperCase()}`;
      requests.push({ fromBlock, toBlock, outcome: 'refused', logs: logs.length, bytes, suggested: [fromBlock, suggestedTo] });
      return refuse(request.id, -32005, `query returned more than ${cap.maxResults} results. Try with this block range [${hex(fromBlock)}, ${hex(suggestedTo)}].`, {
        from: hex(fromBlock),
        limit: cap.maxResults,
        to: hex(suggestedTo),
      });
    }
    if (cap.style === 'response-size' && bytes > cap.maxBytes) {
      requests.push({ fromBlock, toBlock, outcome: 'refused', logs: logs.length, bytes });
      return refuse(request.id, -32008, 'Response is too big', `Exceeded max limit of ${cap.maxBytes}`);
    }
    requests.push({ fromBlock, toBlock, outcome: 'served', logs: logs.length, bytes });
    return node.text;
  }

  const server = await listenLocal((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      let request: RpcRequest | undefined;
      try {
        const parsed = JSON.parse(raw) as RpcRequest | RpcRequest[];
        request = Array.isArray(parsed) ? undefined : parsed;
      } catch {
        request = undefined;
      }
      const work = request?.method === 'eth_getLogs' ? answerGetLogs(request, raw).then((text) => ({ status: 200, text })) : forward(raw);
      work
        .then(({ status, text }) => {
          res.statusCode = status;
          res.setHeader('content-type', 'application/json');
          res.end(text);
        })
        .catch(() => {
          res.statusCode = 502;
          res.end();
        });
    });
  });

  return {
    url: server.url,
    requests,
    setCap(next) {
      cap = next;
    },
    close: () => server.close(),
  };
}
