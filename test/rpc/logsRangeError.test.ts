import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicClient, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import type { HttpPost } from '../../src/rpc/httpPost.ts';
import { classifyLogsRangeError, LogsRangeFloorError, type LogsRefusalReason } from '../../src/rpc/logsRangeError.ts';
import { AllEndpointsFailedError, AnswerTooLargeError, EndpointError, JsonRpcError, shortError } from '../../src/rpc/rpcErrors.ts';

interface Row {
  readonly provider: string;
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
  /** HTTP status the provider sends it with (200 unless noted). */
  readonly status?: number;
  readonly reason: LogsRefusalReason;
  readonly suggestedBlocks?: number;
}

/** eth_getLogs refusals as providers word them (messages from their answers, as reported in public issue trackers and docs). */
const REFUSALS: readonly Row[] = [
  { provider: 'Infura', code: -32005, message: 'query returned more than 10000 results. Try with this block range [0x1174D40, 0x1174E6F].', reason: 'results', suggestedBlocks: 0x1174e6f - 0x1174d40 + 1 },
  { provider: 'Infura (range in data)', code: -32005, message: 'query returned more than 10000 results', data: { from: '0xCB3D', limit: 10000, to: '0x7B737' }, reason: 'results', suggestedBlocks: 0x7b737 - 0xcb3d + 1 },
  {
    provider: 'Alchemy (with a suggestion)',
    code: -32602,
    message:
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters and the response size limit, this block range should work: [0x0, 0x87fe9]',
    reason: 'results',
    suggestedBlocks: 0x87fe9 + 1,
  },
  {
    provider: 'Alchemy',
    code: -32602,
    message:
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.',
    reason: 'results',
    suggestedBlocks: 2_000,
  },
  { provider: 'Alchemy (HTTP 400)', code: -32600, message: 'Response size is larger than 150MB limit', status: 400, reason: 'size' },
  { provider: 'QuickNode (HTTP 413)', code: -32614, message: 'eth_getLogs is limited to a 10,000 range', status: 413, reason: 'range', suggestedBlocks: 10_000 },
  { provider: 'QuickNode-style, blocks', code: -32602, message: 'eth_getLogs is limited to a 1000 blocks range', reason: 'range', suggestedBlocks: 1_000 },
  { provider: 'Ankr', code: -32600, message: 'block range is too wide', reason: 'range' },
  { provider: 'publicnode', code: -32000, message: 'exceed maximum block range: 50000', reason: 'range', suggestedBlocks: 50_000 },
  { provider: 'drpc', code: -32000, message: 'ranges over 10000 blocks are not supported on freetier', reason: 'range', suggestedBlocks: 10_000 },
  { provider: 'Cloudflare', code: -32047, message: "Invalid eth_getLogs request. 'fromBlock'-'toBlock' range too large. Max range: 800", reason: 'range', suggestedBlocks: 800 },
  { provider: 'thirdweb', code: -32602, message: 'invalid params', data: 'range 20000 is bigger than range limit 2000', reason: 'range', suggestedBlocks: 2_000 },
  { provider: 'zkSync', code: -32602, message: 'Query returned more than 10000 results. Try with this block range [0x0, 0x30f].', reason: 'results', suggestedBlocks: 0x310 },
  { provider: 'jsonrpsee (zkSync, Forest)', code: -32008, message: 'Response is too big', data: 'Exceeded max limit of 67108864', reason: 'size' },
  { provider: 'reth', code: -32602, message: 'query exceeds max results 20000, retry with the range 19000000-19000911', reason: 'results', suggestedBlocks: 912 },
  { provider: 'reth (block cap)', code: -32602, message: 'query exceeds max block range 1000', reason: 'range', suggestedBlocks: 1_000 },
  { provider: 'Ankr, llamarpc', code: -32000, message: 'query exceeds max results', reason: 'results' },
  { provider: 'Arbitrum', code: -32000, message: 'logs matched by query exceeds limit of 10000', reason: 'results' },
  { provider: 'Avalanche', code: -32000, message: 'requested too many blocks from 0 to 16777216, maximum is set to 2048', reason: 'range', suggestedBlocks: 2_048 },
  { provider: 'thirdweb, Blast', code: -32000, message: 'Maximum allowed number of requested blocks is 10000', reason: 'range', suggestedBlocks: 10_000 },
  { provider: '1rpc', code: -32000, message: 'response size should not greater than 10000000 bytes', reason: 'size' },
  { provider: 'Optimism', code: -32000, message: 'backend response too large', reason: 'size' },
  { provider: 'Optimism', code: -32000, message: 'Block range is too large', reason: 'range' },
  { provider: 'Base', code: -32000, message: 'block range too large', reason: 'range' },
  { provider: 'Chainstack', code: -32000, message: 'Block range limit exceeded.', reason: 'range' },
  { provider: 'Merkle', code: -32000, message: 'eth_getLogs range is too large, max is 10k blocks', reason: 'range', suggestedBlocks: 10_000 },
  { provider: 'Moonriver', code: -32000, message: 'block range is too wide (maximum 1024)', reason: 'range', suggestedBlocks: 1_024 },
  { provider: 'drpc, gateways', code: -32000, message: 'response too big', reason: 'size' },
  { provider: 'a node under load', code: -32000, message: 'request timed out', reason: 'timeout' },
];

/** Errors that a smaller range would not cure: they must not shrink the range (and keep failing over). */
const NOT_REFUSALS: readonly { provider: string; code: number; message: string }[] = [
  { provider: 'Infura rate limit', code: -32005, message: 'daily request count exceeded, request rate limited' },
  { provider: 'Infura rate limit', code: -32005, message: 'project ID request rate exceeded' },
  { provider: 'pruned node', code: -32000, message: 'header not found' },
  { provider: 'pruned node', code: -32000, message: 'missing trie node 5f1c… (path )' },
  { provider: 'method off', code: -32601, message: 'the method eth_getLogs does not exist/is not available' },
  { provider: 'revert', code: 3, message: 'execution reverted' },
  { provider: 'loose words without a server code', code: 1, message: 'connection timed out upstream' },
];

describe('classifyLogsRangeError on JSON-RPC errors', () => {
  it.each(REFUSALS)('$provider: "$message" is a $reason refusal', (row) => {
    const refusal = classifyLogsRangeError(new JsonRpcError(row.code, row.message, row.data));
    expect(refusal?.reason).toBe(row.reason);
    expect(refusal?.suggestedBlocks).toBe(row.suggestedBlocks);
  });

  it.each(NOT_REFUSALS)('$provider: "$message" is not a range refusal', (row) => {
    expect(classifyLogsRangeError(new JsonRpcError(row.code, row.message))).toBeUndefined();
  });

  it('GIVEN our failover gave up THEN timeouts on every URL are a timeout refusal, anything else is not', () => {
    const timeout = new EndpointError('http://a', 'timed out after 5000 ms', { timedOut: true });
    const http500 = new EndpointError('http://b', 'HTTP 500');
    expect(classifyLogsRangeError(new AllEndpointsFailedError(1, ['a', 'a'], [timeout, timeout]))?.reason).toBe('timeout');
    expect(classifyLogsRangeError(new AllEndpointsFailedError(1, ['a', 'b'], [timeout, http500]))).toBeUndefined();
    expect(classifyLogsRangeError(new AllEndpointsFailedError(1, ['b'], [http500]))).toBeUndefined();
    expect(classifyLogsRangeError(new Error('something else'))).toBeUndefined();
  });

  it('GIVEN a single refused block THEN the floor error names the block and the provider words', () => {
    const error = new LogsRangeFloorError(1234n, { reason: 'results', message: 'query returned more than 10000 results' });
    expect(shortError(error)).toBe('eth_getLogs refused even a single block (1234): query returned more than 10000 results; the next cycle reads again from that block');
  });
});

describe('classifyLogsRangeError through the failover RPC and viem (as the reader sees it)', () => {
  let capped: Server;
  let backup: Server;
  const backupMethods: string[] = [];
  let row: Row | { code: number; message: string; status?: number } = REFUSALS[0]!;
  let client: PublicClient;
  let rpc: ReturnType<typeof createFailoverRpc>;

  const listen = async (handle: (body: { id: number; method: string }, res: ServerResponse) => void) => {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => handle(JSON.parse(raw) as { id: number; method: string }, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  };
  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  beforeAll(async () => {
    // The first URL refuses every eth_getLogs in the current row's words; the second would answer.
    capped = await listen((body, res) => {
      res.setHeader('content-type', 'application/json');
      if (body.method === 'eth_chainId') return res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, result: '0x1' }));
      res.statusCode = row.status ?? 200;
      res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, error: { code: row.code, message: row.message, ...('data' in row && row.data !== undefined ? { data: row.data } : {}) } }));
    });
    backup = await listen((body, res) => {
      backupMethods.push(body.method);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, result: body.method === 'eth_chainId' ? '0x1' : [] }));
    });
    rpc = createFailoverRpc({ chainId: 1, urls: [urlOf(capped), urlOf(backup)], timeoutMs: 2_000 });
    client = createPublicClient({ transport: rpc.transport }) as PublicClient;
  });

  afterAll(async () => {
    for (const server of [capped, backup]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each(REFUSALS)('$provider: classified the same after viem wrapped it, and the URL is not failed over', async (current) => {
    row = current;
    const error = await client.getLogs({ fromBlock: 100n, toBlock: 20_000n }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeDefined();
    const refusal = classifyLogsRangeError(error);
    expect(refusal?.reason).toBe(current.reason);
    expect(refusal?.suggestedBlocks).toBe(current.suggestedBlocks);
    expect(rpc.health().endpoints[0]!.failures).toBe(0);
    expect(rpc.health().inUse).toBe(urlOf(capped));
    expect(backupMethods).not.toContain('eth_getLogs');
  });

  it('GIVEN a rate limit on eth_getLogs THEN it is no refusal and the next URL answers', async () => {
    row = NOT_REFUSALS[0]!;
    expect(await client.getLogs({ fromBlock: 100n, toBlock: 200n })).toEqual([]);
    expect(backupMethods).toContain('eth_getLogs');
    expect(rpc.health().endpoints[0]!.lastError).toBe('daily request count exceeded, request rate limited');
  });
});

describe('our own answer-size cap on eth_getLogs', () => {
  it('GIVEN an eth_getLogs answer over MAX_ANSWER_BYTES THEN it is a size refusal on the same URL, while other methods still fail over', async () => {
    const sent: string[] = [];
    const tooLarge = new AnswerTooLargeError('answer larger than 64 MB');
    const post: HttpPost = async (url, body) => {
      const { id, method } = JSON.parse(body) as { id: number; method: string };
      sent.push(`${url} ${method}`);
      if (method === 'eth_chainId') return { status: 200, body: JSON.stringify({ jsonrpc: '2.0', id, result: '0x1' }) };
      if (url === 'http://first' && method !== 'eth_chainId') throw tooLarge;
      return { status: 200, body: JSON.stringify({ jsonrpc: '2.0', id, result: '0x10' }) };
    };
    const rpc = createFailoverRpc({ chainId: 1, urls: ['http://first', 'http://second'], timeoutMs: 1_000, post });
    const error = await rpc.request('eth_getLogs', [{ fromBlock: '0x0', toBlock: '0x2710' }]).catch((caught: unknown) => caught);
    expect(classifyLogsRangeError(error)).toEqual({ reason: 'size', message: 'response too big: answer larger than 64 MB' });
    expect(sent).not.toContain('http://second eth_getLogs');
    expect(rpc.health().endpoints[0]!.failures).toBe(0);
    // Any other method with an oversized answer is the URL's problem: the next one answers.
    expect(await rpc.request('eth_blockNumber')).toBe('0x10');
    expect(rpc.health().endpoints[0]!.failures).toBe(1);
  });
});

