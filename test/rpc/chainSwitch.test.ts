import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { forwardRequest, listenLocal, type LocalServer } from '../reliability/localProxy.ts';

/** An address with code on both chains: 42 on Ethereum, a bare revert on the other chain. */
const TARGET = '0x00000000000000000000000000000000000c0de1';
/** PUSH1 42, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN: answers 42 to any call. */
const RETURNS_42 = '0x602a60005260206000f3';
/** PUSH1 0, PUSH1 0, REVERT: reverts every call. */
const REVERTS = '0x60006000fd';
const FORTY_TWO = `0x${'0'.repeat(62)}2a`;

const post = async (url: string, method: string, params: unknown[]) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await response.json()) as { result: unknown }).result;
};

/**
 * A node that is restarted on another chain keeps answering: nothing fails, the answers are the other chain's.
 * Two anvils (chain 1 and chain 1088) behind a proxy on 127.0.0.1 whose upstream the test switches.
 */
describe('an RPC URL that starts serving another chain', () => {
  let mainnet: AnvilHandle;
  let other: AnvilHandle;
  let proxy: LocalServer;
  let upstream: URL;

  beforeAll(async () => {
    [mainnet, other] = await Promise.all([startAnvil({ chainId: 1 }), startAnvil({ chainId: 1088 })]);
    await post(mainnet.url, 'anvil_setCode', [TARGET, RETURNS_42]);
    await post(other.url, 'anvil_setCode', [TARGET, REVERTS]);
    await post(mainnet.url, 'anvil_mine', ['0x5']);
    upstream = new URL(mainnet.url);
    proxy = await listenLocal((req, res) => forwardRequest(upstream, req, res));
  });

  afterAll(async () => {
    await proxy?.close();
    await Promise.all([mainnet?.stop(), other?.stop()]);
  });

  it('GIVEN the switch makes a call revert THEN the chain id is checked at once and the call fails over, not shown as a revert', async () => {
    upstream = new URL(mainnet.url);
    const rpc = createFailoverRpc({ chainId: 1, urls: [proxy.url, mainnet.url], timeoutMs: 5_000, now: () => 0 });
    const call = () => rpc.request('eth_call', [{ to: TARGET, data: '0x' }, 'latest']);
    expect(await call()).toBe(FORTY_TWO);
    upstream = new URL(other.url);
    expect(await call()).toBe(FORTY_TWO);
    const [switched, fallback] = rpc.health().endpoints;
    expect(switched!.lastError).toBe(`RPC ${new URL(proxy.url).host} now serves chain 1088, expected 1`);
    expect(fallback!.lastError).toBeUndefined();
    expect(rpc.health().inUse).toBe(mainnet.url);
  });

  it('GIVEN the switch changes no answer into an error THEN the scheduled recheck finds it and fails over', async () => {
    upstream = new URL(mainnet.url);
    let clock = 0;
    const rpc = createFailoverRpc({ chainId: 1, urls: [proxy.url, mainnet.url], timeoutMs: 5_000, now: () => clock, chainRecheckMs: 600_000 });
    const mainnetHead = (await rpc.request('eth_blockNumber')) as string;
    expect(Number(mainnetHead)).toBeGreaterThanOrEqual(5);
    upstream = new URL(other.url);
    // Inside the interval the other chain answers (the window the schedule bounds): block 0 of chain 1088.
    clock += 599_999;
    expect(await rpc.request('eth_blockNumber')).toBe('0x0');
    clock += 1;
    expect(await rpc.request('eth_blockNumber')).toBe(mainnetHead);
    expect(rpc.health().endpoints[0]!.lastError).toBe(`RPC ${new URL(proxy.url).host} now serves chain 1088, expected 1`);
    expect(rpc.health().inUse).toBe(mainnet.url);
  });
});
