import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import type { App } from '../../src/app.ts';
import { configSchema, type Config } from '../../src/config/configSchema.ts';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { isStale } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

/**
 * RPC faults on live cycles of the whole app (createApp: failover RPC, poller, metrics, health), against the
 * devnet. test/integration/pollFaults.test.ts covers a reverting source, HTTP 500 and recovery; this covers
 * what is left: a URL on the wrong chain, a timeout and malformed JSON, with failover to the next URL.
 */
describe('RPC faults on a live cycle', () => {
  let bot: DevnetApp<CountingProxy>;
  let devnet: Devnet;
  let otherChain: AnvilHandle;
  let l1: CountingProxy;
  let l2a: CountingProxy;
  let l2b: CountingProxy;
  let base: Config;
  let app: App | undefined;

  beforeAll(async () => {
    [bot, otherChain] = await Promise.all([
      startDevnetApp({ devnet: { scenario: { maxL2BlocksPerAdvance: 2_100 } }, rpcProxy: startCountingProxy, startApp: false }),
      startAnvil({ chainId: 5 }),
    ]);
    ({ devnet, config: base } = bot);
    ({ l1, l2: l2a } = bot.rpc!);
    l2b = await startCountingProxy(devnet.l2.url);
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    for (const proxy of [l1, l2a, l2b]) {
      proxy.heal();
      proxy.reset();
    }
  });

  afterAll(async () => {
    await l2b?.close();
    await Promise.all([bot?.stop(), otherChain?.stop()]);
  });

  /** The app with these L2 URLs, in failover order, and this per-request timeout (seconds). */
  async function start(l2Urls: string[], timeout = 5, withHttp = false): Promise<App> {
    const config = configSchema.parse({
      ...base,
      rpc: { timeout },
      chains: base.chains.map((c) => (c.id === 1088 ? { ...c, rpc: l2Urls } : c)),
      ...(withHttp ? { http: { port: 0, host: '127.0.0.1' } } : {}),
    });
    app = await bot.open({ config });
    return app;
  }

  const status = (a: App) => renderText(handleCommandText('/status', a.context)!);
  const l2Sources = () => base.sources.filter((s) => s.chain === 1088).map((s) => s.id);
  const view = (a: App, id: string) => a.poller.snapshot().sources.find((s) => s.id === id)!;
  const l2Health = (a: App) => a.poller.snapshot().chains.find((c) => c.id === 1088)!.rpc;
  const metric = async (a: App, name: string, labels: string) => {
    const line = (await a.metrics.render()).body.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };

  it('GIVEN the first L2 URL serves another chain THEN the cycle fails over to the next, every source is fresh, and /status and the metrics show it', async () => {
    const a = await start([otherChain.url, l2a.url]);
    const report = await a.poller.runCycle();
    expect(report.failures).toEqual([]);
    expect(report.observations).toBe(base.sources.length);
    expect(l2Health(a).inUse).toBe(l2a.url);
    expect(l2Health(a).endpoints[0]!.lastError).toBe(`serves chain 5, not 1088`);
    expect(status(a)).toContain(`Devnet L2 (1088): RPC ${l2a.url}`);
    // Reads that started in parallel each tried the wrong URL once before moving on.
    const skipped = await metric(a, 'metis_bot_rpc_endpoint_failures_total', `chain="1088",endpoint="${otherChain.url}"`);
    expect(skipped).toBeGreaterThanOrEqual(1);
    expect(await metric(a, 'metis_bot_rpc_endpoint_in_use', `chain="1088",endpoint="${otherChain.url}"`)).toBe(0);
    expect(await metric(a, 'metis_bot_rpc_endpoint_in_use', `chain="1088",endpoint="${l2a.url}"`)).toBe(1);
    expect(await metric(a, 'metis_bot_rpc_requests_total', `chain="1088",endpoint="${otherChain.url}",method="eth_chainId"`)).toBe(skipped);
    expect(await metric(a, 'metis_bot_rpc_requests_total', `chain="1088",endpoint="${l2a.url}",method="eth_call"`)).toBeGreaterThanOrEqual(1);
    // The next cycle goes straight to the URL that answered.
    const second = await a.poller.runCycle();
    expect(second.failures).toEqual([]);
    expect(await metric(a, 'metis_bot_rpc_endpoint_failures_total', `chain="1088",endpoint="${otherChain.url}"`)).toBe(skipped);
  });

  it('GIVEN the URL in use stops answering THEN the request times out, the cycle fails over, and the sources stay fresh', async () => {
    const a = await start([l2a.url, l2b.url], 1);
    expect((await a.poller.runCycle()).failures).toEqual([]);
    expect(l2Health(a).inUse).toBe(l2a.url);
    l2a.fail(1, 'hang');
    const report = await a.poller.runCycle();
    expect(report.failures).toEqual([]);
    expect(report.observations).toBe(base.sources.length);
    expect(l2Health(a).inUse).toBe(l2b.url);
    expect(l2Health(a).endpoints[0]!.lastError).toBe('timed out after 1000 ms');
    expect(await metric(a, 'metis_bot_rpc_errors_total', `chain="1088",endpoint="${l2a.url}",method="eth_call"`)).toBe(1);
    for (const id of l2Sources()) expect(isStale(view(a, id), Date.now())).toBe(false);
    expect(status(a)).toContain(`Devnet L2 (1088): RPC ${l2b.url}`);
    expect(a.health().status).toBe('ok');
  });

  it('GIVEN malformed JSON from the first URL THEN the cycle fails over to the next URL', async () => {
    const a = await start([l2a.url, l2b.url]);
    l2a.fail(1_000, { status: 200, body: '{"jsonrpc":"2.0","id":1,"result":"0x' });
    const report = await a.poller.runCycle();
    expect(report.failures).toEqual([]);
    expect(l2Health(a).inUse).toBe(l2b.url);
    expect(l2Health(a).endpoints[0]!.lastError).toBe('answered malformed JSON');
  });

  it('GIVEN malformed JSON from the only L2 URL THEN L2 sources fail with the reason in /status, L1 stays fresh, /healthz says degraded; with L1 down too, 503', async () => {
    const a = await start([l2a.url], 5, true);
    l2a.fail(1_000, { status: 200, body: '<html>502 Bad Gateway</html>' });
    const report = await a.poller.runCycle();
    expect(report.failures.map((f) => f.sourceId).sort()).toEqual(l2Sources().sort());
    expect(view(a, 'seMetis').lastError?.message).toContain('answered malformed JSON');
    expect(isStale(view(a, 'sequencer'), Date.now())).toBe(false);
    expect(status(a)).toMatch(/sequencer\s+ok/);
    expect(status(a)).toMatch(/seMetis\s+no data/);
    expect(status(a)).toContain('answered malformed JSON');
    const degraded = await fetch(`${a.ops!.url}/healthz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({ status: 'degraded', staleSources: l2Sources() });

    // Both chains down from the start of an app: nothing was ever read, every source is stale.
    await a.stop();
    const b = await start([l2a.url], 5, true);
    l1.fail(1_000, { status: 200, body: 'not json' });
    await b.poller.runCycle();
    const down = await fetch(`${b.ops!.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('every source is stale') });
    expect(await metric(b, 'metis_bot_source_stale', 'source="sequencer"')).toBe(1);
  });
});
