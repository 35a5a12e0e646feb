import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { commands } from '../../commands/registry.ts';
import { configSchema, type Config } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { DEVNET_ADDRESSES } from '../../src/devnet/devnetAddresses.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { isStale } from '../../src/figures/figures.ts';
import { Poller } from '../../src/poller/poller.ts';
import { runDoctor } from '../../src/doctor.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy.ts';

describe('poll cycles under faults', () => {
  let devnet: Devnet;
  let l1: CountingProxy;
  let l2: CountingProxy;
  let config: Config;
  let poller: Poller;
  let wall = 1_750_000_000_000;

  beforeAll(async () => {
    devnet = await startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } });
    [l1, l2] = await Promise.all([startCountingProxy(devnet.l1.url), startCountingProxy(devnet.l2.url)]);
    const base = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: l1.url, DEVNET_L2_RPC: l2.url, METIS_BOT_DB: ':memory:' });
    // A "vault" that is really a plain ERC-20: convertToAssets and asset() revert inside the multicall.
    config = configSchema.parse({
      ...base,
      tokens: { ...base.tokens, broken: { base: 'METIS' } },
      sources: [...base.sources, { id: 'broken', kind: 'erc4626', chain: 1088, token: 'broken', vault: DEVNET_ADDRESSES.l2.usdc }],
    });
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 2_000 })]));
    poller = new Poller({ config, store: openSqliteStore(':memory:'), rpcs, logger: silentLogger, now: () => wall });
  });

  afterAll(async () => {
    await Promise.all([l1?.close(), l2?.close()]);
    await devnet?.stop();
  });

  const context = () => ({ snapshot: () => poller.snapshot(), now: () => wall, commands: () => commands });
  const view = (id: string) => poller.snapshot().sources.find((s) => s.id === id)!;

  it('GIVEN one source that reverts THEN the others still update and /status names the failure', async () => {
    const report = await poller.runCycle();
    expect(report.failures.map((f) => f.sourceId)).toEqual(['broken']);
    expect(report.observations).toBe(config.sources.length - 1);
    expect(view('broken').lastError?.message).toMatch(/^metadata: /);
    expect(view('seMetis').figures?.kind).toBe('yield');
    expect(renderText(handleCommandText('/status', context())!)).toMatch(/broken\s+no data/);
  });

  it('GIVEN two cycles asked for at once THEN they are one cycle (no overlap)', async () => {
    l1.reset();
    const [a, b] = [poller.runCycle(), poller.runCycle()];
    expect(a).toBe(b);
    await a;
    expect(l1.methods.filter((m) => m === 'eth_call')).toHaveLength(1);
  });

  it('GIVEN the L2 RPC answers HTTP 500 THEN L2 sources go stale with the error shown, L1 stays fresh, nothing throws', async () => {
    wall += 60_000;
    await poller.runCycle();
    wall += 20 * 60_000; // past staleAfter (15 min) for anything not read again
    l2.fail(10, { status: 500, body: 'upstream exploded' });
    const report = await poller.runCycle();
    expect(report.failures.map((f) => f.sourceId)).toContain('seMetis');
    expect(report.failures.map((f) => f.sourceId)).not.toContain('sequencer');
    expect(isStale(view('seMetis'), wall)).toBe(true);
    expect(isStale(view('sequencer'), wall)).toBe(false);
    expect(view('seMetis').lastError?.message).toContain('HTTP 500');
    const status = renderText(handleCommandText('/status', context())!);
    expect(status).toMatch(/seMetis\s+STALE/);
    expect(status).toMatch(/sequencer\s+ok/);
    expect(status).toContain('HTTP 500');
    // Figures from the last good read are still answered, marked stale.
    expect(renderText(handleCommandText('/apy', context())!)).toMatch(/ENKI seMetis.*20m ⚠/);
  });

  it('GIVEN the RPC recovers THEN the next cycle clears the staleness', async () => {
    l2.heal();
    const report = await poller.runCycle();
    expect(report.failures.map((f) => f.sourceId)).toEqual(['broken']);
    expect(isStale(view('seMetis'), wall)).toBe(false);
    expect(view('seMetis').lastError).toBeUndefined();
  });

  it('GIVEN a dead URL and a broken source THEN the doctor names each, and why, and reads the rest', async () => {
    const lines: string[] = [];
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const withDeadUrl = configSchema.parse({ ...config, chains: config.chains.map((c) => (c.id === 1 ? { ...c, rpc: [`http://127.0.0.1:${deadPort}/`, ...c.rpc] } : c)) });
    const problems = await runDoctor(withDeadUrl, (line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain(`FAIL  RPC http://127.0.0.1:${deadPort}: unreachable`);
    expect(text).toMatch(/ok {4}RPC http:\/\/127\.0\.0\.1:\d+: head block \d+/);
    expect(text).toMatch(/ok {4}sequencer: rewardPerBlock=20000000000000000 exitDelay=1814400 totalLocked=1000000000000000000000000/);
    expect(text).toMatch(/ok {4}seMetis: pps=/);
    expect(text).toMatch(/FAIL {2}broken: metadata: /);
    expect(text).toContain('average block time over 2000 blocks: 4.000 s');
    // A fresh devnet pool has less oracle history than its TWAP window: the doctor says what that means.
    expect(text).toMatch(/note  METIS-USDC: observe\(\) reverted "OLD": the pool.s oracle does not reach back 1800 s/);
    expect(problems).toBe(2);
  });
});
