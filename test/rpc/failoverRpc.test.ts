import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { AllEndpointsFailedError, JsonRpcError } from '../../src/rpc/rpcErrors.ts';

type Handler = (body: { method: string; id: number }, res: ServerResponse) => void;
const servers: Server[] = [];

/** A JSON-RPC endpoint on 127.0.0.1 whose behaviour the test chooses (the network is all we fake). */
async function endpoint(handler: Handler): Promise<{ url: string; methods: string[] }> {
  const methods: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { method: string; id: number };
      methods.push(body.method);
      handler(body, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret-key`, methods };
}

const answer = (chainId: number, result: unknown): Handler => (body, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, result: body.method === 'eth_chainId' ? `0x${chainId.toString(16)}` : result }));
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.closeAllConnections() ?? s.close(resolve))));
});

describe('createFailoverRpc', () => {
  it('GIVEN a healthy URL THEN it checks the chain id once and then answers', async () => {
    const a = await endpoint(answer(1, '0x10'));
    const rpc = createFailoverRpc({ chainId: 1, urls: [a.url], timeoutMs: 1000 });
    expect(await rpc.request('eth_blockNumber')).toBe('0x10');
    expect(await rpc.request('eth_blockNumber')).toBe('0x10');
    expect(a.methods).toEqual(['eth_chainId', 'eth_blockNumber', 'eth_blockNumber']);
    expect(rpc.health().inUse).toBe(`${new URL(a.url).origin}/…`);
  });

  it.each([
    ['HTTP 500', ((_b, res) => { res.statusCode = 500; res.end('oops'); }) as Handler, 'HTTP 500'],
    ['malformed JSON', ((_b, res) => res.end('{not json')) as Handler, 'answered malformed JSON'],
    ['the wrong chain', answer(5, '0x1'), 'serves chain 5, not 1'],
    ['a timeout', (() => {}) as Handler, 'timed out after 200 ms'],
  ])('GIVEN the first URL fails with %s THEN the second answers and the failure is recorded', async (_name, failing, message) => {
    const bad = await endpoint(failing);
    const good = await endpoint(answer(1, '0x2a'));
    const rpc = createFailoverRpc({ chainId: 1, urls: [bad.url, good.url], timeoutMs: 200 });
    expect(await rpc.request('eth_blockNumber')).toBe('0x2a');
    const [first, second] = rpc.health().endpoints;
    expect(first!.lastError).toBe(message);
    expect(second!.lastError).toBeUndefined();
    expect(rpc.health().inUse).toBe(`${new URL(good.url).origin}/…`);
    // It stays on the URL that works.
    await rpc.request('eth_blockNumber');
    expect(bad.methods.length).toBe(1);
  });

  it('GIVEN a failover THEN the first URL is tried again after retryFirstAfterMs, and kept once it answers', async () => {
    let firstDown = true;
    const first = await endpoint((body, res) => {
      if (firstDown) {
        res.statusCode = 503;
        return res.end();
      }
      answer(1, '0x1')(body, res);
    });
    const second = await endpoint(answer(1, '0x2'));
    let clock = 0;
    const rpc = createFailoverRpc({ chainId: 1, urls: [first.url, second.url], timeoutMs: 500, now: () => clock, retryFirstAfterMs: 60_000 });
    expect(await rpc.request('eth_blockNumber')).toBe('0x2');
    clock += 59_999;
    expect(await rpc.request('eth_blockNumber')).toBe('0x2');
    expect(first.methods).toHaveLength(1); // not retried before its time

    clock += 1; // still down: one try, back to the second URL, and the wait starts over
    expect(await rpc.request('eth_blockNumber')).toBe('0x2');
    expect(first.methods).toHaveLength(2);
    clock += 30_000;
    await rpc.request('eth_blockNumber');
    expect(first.methods).toHaveLength(2);

    firstDown = false;
    clock += 30_000;
    expect(await rpc.request('eth_blockNumber')).toBe('0x1');
    expect(rpc.health().inUse).toBe(`${new URL(first.url).origin}/…`);
    clock += 600_000;
    expect(await rpc.request('eth_blockNumber')).toBe('0x1');
    expect(second.methods.filter((m) => m === 'eth_blockNumber')).toHaveLength(4);
  });

  it('GIVEN a revert THEN it is returned without failing over (another URL would say the same)', async () => {
    const reverting = await endpoint((body, res) => {
      if (body.method === 'eth_chainId') return answer(1, null)(body, res);
      res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, error: { code: 3, message: 'execution reverted', data: '0x' } }));
    });
    const other = await endpoint(answer(1, '0x1'));
    const rpc = createFailoverRpc({ chainId: 1, urls: [reverting.url, other.url], timeoutMs: 500 });
    await expect(rpc.request('eth_call', [{}, 'latest'])).rejects.toBeInstanceOf(JsonRpcError);
    expect(other.methods).toEqual([]);
  });

  it('GIVEN a URL that starts serving another chain without failing THEN the scheduled recheck finds it and fails over', async () => {
    let served = 1;
    const switching = await endpoint((body, res) => answer(served, served === 1 ? '0x1' : '0x5')(body, res));
    const other = await endpoint(answer(1, '0x2'));
    let clock = 0;
    const rpc = createFailoverRpc({ chainId: 1, urls: [switching.url, other.url], timeoutMs: 500, now: () => clock, chainRecheckMs: 600_000 });
    expect(await rpc.request('eth_blockNumber')).toBe('0x1');
    served = 5;
    clock += 599_999; // within the recheck interval the switch is not seen yet (one eth_chainId per interval)
    expect(await rpc.request('eth_blockNumber')).toBe('0x5');
    expect(switching.methods).toEqual(['eth_chainId', 'eth_blockNumber', 'eth_blockNumber']);
    clock += 1;
    expect(await rpc.request('eth_blockNumber')).toBe('0x2');
    expect(switching.methods.slice(3)).toEqual(['eth_chainId']);
    expect(rpc.health().endpoints[0]!.lastError).toBe(`RPC ${new URL(switching.url).host} now serves chain 5, expected 1`);
    expect(rpc.health().inUse).toBe(`${new URL(other.url).origin}/…`);
  });

  it('GIVEN a URL that switched chains answers a revert THEN the chain is checked at once and the request fails over, not shown as a revert', async () => {
    let served = 1;
    const switching = await endpoint((body, res) => {
      if (body.method === 'eth_chainId' || served === 1) return answer(served, '0xc0ffee')(body, res);
      res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, error: { code: 3, message: 'execution reverted', data: '0x' } }));
    });
    const other = await endpoint(answer(1, '0xc0ffee'));
    const rpc = createFailoverRpc({ chainId: 1, urls: [switching.url, other.url], timeoutMs: 500, now: () => 0 });
    expect(await rpc.request('eth_call', [{}, 'latest'])).toBe('0xc0ffee');
    served = 1088;
    expect(await rpc.request('eth_call', [{}, 'latest'])).toBe('0xc0ffee');
    expect(switching.methods).toEqual(['eth_chainId', 'eth_call', 'eth_call', 'eth_chainId']);
    expect(other.methods).toEqual(['eth_chainId', 'eth_call']);
    expect(rpc.health().endpoints[0]!.lastError).toBe(`RPC ${new URL(switching.url).host} now serves chain 1088, expected 1`);
  });

  it('GIVEN a revert from a URL still on the right chain THEN the revert is returned after one chain check', async () => {
    const reverting = await endpoint((body, res) => {
      if (body.method === 'eth_chainId') return answer(1, null)(body, res);
      res.end(JSON.stringify({ jsonrpc: '2.0', id: body.id, error: { code: 3, message: 'execution reverted', data: '0x' } }));
    });
    const other = await endpoint(answer(1, '0x1'));
    const rpc = createFailoverRpc({ chainId: 1, urls: [reverting.url, other.url], timeoutMs: 500, now: () => 0 });
    await expect(rpc.request('eth_call', [{}, 'latest'])).rejects.toBeInstanceOf(JsonRpcError);
    await expect(rpc.request('eth_call', [{}, 'latest'])).rejects.toBeInstanceOf(JsonRpcError);
    expect(reverting.methods).toEqual(['eth_chainId', 'eth_call', 'eth_call', 'eth_chainId']);
    expect(other.methods).toEqual([]);
  });

  it('GIVEN every URL fails THEN the error lists each with the key redacted', async () => {
    const a = await endpoint((_b, res) => { res.statusCode = 502; res.end(); });
    const b = await endpoint((_b, res) => res.end('garbage'));
    const rpc = createFailoverRpc({ chainId: 1, urls: [a.url, b.url], timeoutMs: 500 });
    const error = await rpc.request('eth_blockNumber').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllEndpointsFailedError);
    expect((error as Error).message).toContain('HTTP 502');
    expect((error as Error).message).toContain('answered malformed JSON');
    expect((error as Error).message).not.toContain('secret-key');
  });
});
