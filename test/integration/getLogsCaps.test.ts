import { encodeFunctionData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { DEVNET_ADDRESSES } from '../../src/devnet/devnetAddresses.ts';
import { sendBatch } from '../../src/devnet/devnetChain.ts';
import { mockLockingPoolAbi } from '../../src/devnet/fixtureAbis.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { runDoctor } from '../../src/doctor.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { Poller } from '../../src/poller/poller.ts';
import { eventCursorKey } from '../../src/store/eventCursorKey.ts';
import { MAX_TIMEOUT_RETRIES } from '../../src/poller/readEvents.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { startLogsCapProxy, type GetLogsRecord, type LogsCap, type LogsCapProxy } from '../helpers/logsCapProxy.ts';

const LOGS_MAX_RANGE = 64;
/** Most DistributeReward logs the test puts in one block (every cap below lets one block through). */
const MOST_LOGS_PER_BLOCK = 3;

describe('eth_getLogs against providers that cap it: the first start reads every reward event once', () => {
  let devnet: Devnet;
  let proxy: LogsCapProxy;
  let config: Config;
  /** Counted straight from anvil, not through the bot: block number of every LockingPool log, in order. */
  let emitted: bigint[];
  /** Of them, the LockingPool's. */
  let poolLogs: number;
  let head: bigint;
  let batches: bigint;

  beforeAll(async () => {
    devnet = await startDevnet();
    const l1 = devnet.deployment.l1;
    const lockingPool = DEVNET_ADDRESSES.l1.lockingPool;
    // Forty rounds of empty blocks and a block of one to three reward batches (several logs in one tx).
    for (let round = 0; round < 40; round++) {
      const gap = (round * 7) % 23;
      if (gap > 0) await l1.testClient.mine({ blocks: gap });
      const count = (round % MOST_LOGS_PER_BLOCK) + 1;
      const calls = Array.from({ length: count }, (_, i) => ({
        target: lockingPool,
        callData: encodeFunctionData({ abi: mockLockingPoolAbi, functionName: 'distributeReward', args: [BigInt(round * 10 + i), BigInt(round * 10 + i + 1), 10n ** 18n + BigInt(round)] }),
      }));
      await sendBatch(l1, calls);
      if (round === 20) await devnet.scenario.setRewardPerBlock(3n * 10n ** 16n); // a RewardUpdate among them
    }
    head = await l1.publicClient.getBlockNumber({ cacheTime: 0 }); // not a block number cached from before the last batch
    // What the bot reads: the LockingPool's reward logs and LockingInfo's sequencer logs (the deployed sequencers').
    const logs = await l1.publicClient.getLogs({ address: [lockingPool, DEVNET_ADDRESSES.l1.lockingInfo], fromBlock: 0n, toBlock: head });
    emitted = logs.map((log) => log.blockNumber!);
    poolLogs = logs.filter((log) => log.address.toLowerCase() === lockingPool.toLowerCase()).length;
    batches = await l1.publicClient.readContract({ address: lockingPool, abi: mockLockingPoolAbi, functionName: 'currentBatch' });

    proxy = await startLogsCapProxy(devnet.l1.url);
    const base = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: proxy.url, DEVNET_L2_RPC: devnet.l2.url, METIS_BOT_DB: ':memory:' });
    config = configSchema.parse({
      ...base,
      chains: base.chains.map((c) => (c.id === 1 ? { ...c, logsMaxRange: LOGS_MAX_RANGE } : c)),
      // Further back than the chain is long: the first start reads from block 0, in many chunks.
      sources: base.sources.map((s) => (s.kind === 'sequencer' ? { ...s, logsLookbackBlocks: 100_000 } : s)),
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await devnet?.stop();
  });

  const newPoller = (store: HistoryStore, timeoutMs = 10_000) => {
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs })]));
    return new Poller({ config, store, rpcs, logger: silentLogger, now: () => 1_750_000_000_000 });
  };

  /** The blocks the served requests covered, in order: contiguous from `from` to the head, none twice. */
  const expectContiguous = (served: readonly GetLogsRecord[], from: bigint) => {
    const ordered = [...served].sort((a, b) => (a.fromBlock < b.fromBlock ? -1 : 1));
    let next = from;
    for (const record of ordered) {
      expect(record.fromBlock).toBe(next);
      expect(record.toBlock).toBeGreaterThanOrEqual(record.fromBlock);
      next = record.toBlock + 1n;
    }
    expect(next).toBe(head + 1n);
  };

  /** One first start with an empty store behind `cap`; returns what it stored and what crossed the wire. */
  async function firstStart(cap: LogsCap, timeoutMs?: number) {
    proxy.setCap(cap);
    proxy.requests.length = 0;
    const store = openSqliteStore(':memory:');
    const report = await newPoller(store, timeoutMs).runCycle();
    const served = proxy.requests.filter((r) => r.outcome === 'served');
    const refused = proxy.requests.filter((r) => r.outcome === 'refused');
    return { store, report, served, refused };
  }

  /** Every DistributeReward the devnet emitted is in the store once: batch ids 1…currentBatch, none missing, none twice. */
  const expectEveryBatchOnce = (store: HistoryStore) => {
    const stored = store.recentEvents('sequencer', 'DistributeReward', 10_000).map((e) => e.args.batchId!);
    expect(stored.length).toBe(Number(batches));
    expect([...stored].sort((a, b) => (a < b ? -1 : 1))).toEqual(Array.from({ length: Number(batches) }, (_, i) => BigInt(i + 1)));
  };

  it('the devnet holds enough events for the caps to bite', () => {
    expect(batches).toBeGreaterThanOrEqual(75n);
    expect(poolLogs).toBe(Number(batches) + 1); // and one RewardUpdate
    expect(emitted.length).toBeGreaterThan(poolLogs); // and the sequencers' Locked, UnlockInit, Unlocked
    expect(head).toBeGreaterThan(BigInt(5 * LOGS_MAX_RANGE));
  });

  it('GIVEN a block-range cap in Alchemy words THEN it jumps to the stated range, grows back, and reads each event once', async () => {
    const { store, report, served, refused } = await firstStart({ style: 'block-range', maxBlocks: 40 });
    expect(report.failures.filter((f) => f.sourceId === 'sequencer')).toEqual([]);
    expect(report.newEvents).toBe(emitted.length);
    expectEveryBatchOnce(store);
    expectContiguous(served, 0n);
    expect(served.reduce((sum, r) => sum + r.logs, 0)).toBe(emitted.length); // each log crossed the wire once
    expect(refused.length).toBeGreaterThan(0);
    for (const record of served) expect(Number(record.toBlock - record.fromBlock + 1n)).toBeLessThanOrEqual(40);
    // The first refusal (64 blocks) is followed by exactly the stated 40, and after successes it tries 64 again.
    const first = proxy.requests.findIndex((r) => r.outcome === 'refused');
    expect(Number(proxy.requests[first + 1]!.toBlock - proxy.requests[first + 1]!.fromBlock + 1n)).toBe(40);
    expect(refused.filter((r) => r.toBlock - r.fromBlock + 1n === BigInt(LOGS_MAX_RANGE)).length).toBeGreaterThan(1);
    expect(store.getCursor(eventCursorKey('sequencer'))?.nextBlock).toBe(head + 1n);
  });

  it('GIVEN a result-count cap with Infura\'s -32005 and a suggested range THEN it asks for exactly that range, and reads each event once', async () => {
    const { store, report, served, refused } = await firstStart({ style: 'result-count', maxResults: 5 });
    expect(report.failures.filter((f) => f.sourceId === 'sequencer')).toEqual([]);
    expect(report.newEvents).toBe(emitted.length);
    expectEveryBatchOnce(store);
    expectContiguous(served, 0n);
    expect(served.reduce((sum, r) => sum + r.logs, 0)).toBe(emitted.length);
    expect(refused.length).toBeGreaterThan(0);
    for (const record of served) expect(record.logs).toBeLessThanOrEqual(5);
    // Every refusal is followed by a request for the range it suggested, from the same block.
    proxy.requests.forEach((record, i) => {
      if (record.outcome !== 'refused') return;
      const next = proxy.requests[i + 1]!;
      expect([next.fromBlock, next.toBlock]).toEqual(record.suggested);
    });
  });

  it('GIVEN a response-size cap ("Response is too big", no hint) THEN it halves, grows back, and reads each event once', async () => {
    // Room for one block of MOST_LOGS_PER_BLOCK logs, not for many more.
    const oneLog = 700; // a DistributeReward log is about 750 bytes of JSON: 4 × 700 holds three logs, not four
    const { store, report, served, refused } = await firstStart({ style: 'response-size', maxBytes: (MOST_LOGS_PER_BLOCK + 1) * oneLog });
    expect(report.failures.filter((f) => f.sourceId === 'sequencer')).toEqual([]);
    expect(report.newEvents).toBe(emitted.length);
    expectEveryBatchOnce(store);
    expectContiguous(served, 0n);
    expect(served.reduce((sum, r) => sum + r.logs, 0)).toBe(emitted.length);
    expect(refused.length).toBeGreaterThan(0);
    for (const record of served) expect(record.bytes).toBeLessThanOrEqual((MOST_LOGS_PER_BLOCK + 1) * oneLog);
    // Halving: each refusal is followed by a request from the same block over half the refused span.
    proxy.requests.forEach((record, i) => {
      if (record.outcome !== 'refused') return;
      const next = proxy.requests[i + 1]!;
      expect(next.fromBlock).toBe(record.fromBlock);
      expect(next.toBlock - next.fromBlock + 1n).toBe((record.toBlock - record.fromBlock + 1n) / 2n);
    });
    // And it grows back: some later request is wider than the first one served after shrinking.
    const span = (r: GetLogsRecord) => r.toBlock - r.fromBlock + 1n;
    const firstServed = proxy.requests.findIndex((r, i) => r.outcome === 'served' && i > proxy.requests.findIndex((q) => q.outcome === 'refused'));
    expect(proxy.requests.slice(firstServed + 1).some((r) => span(r) > span(proxy.requests[firstServed]!))).toBe(true);
  });

  it('GIVEN a block the provider refuses even alone THEN the event read stops there with a clear error, keeps the cursor, and resumes once it passes', async () => {
    // Two results at most: the first block with three reward batches cannot be read.
    const stuckAt = emitted.find((block) => emitted.filter((b) => b === block).length > 2)!;
    const { store, report, served } = await firstStart({ style: 'result-count', maxResults: 2 });
    const failure = report.failures.find((f) => f.sourceId === 'sequencer');
    expect(failure?.error).toBe(`events: eth_getLogs refused even a single block (${stuckAt}): query returned more than 2 results. Try with this block range [0x${stuckAt.toString(16).toUpperCase()}, 0x${stuckAt.toString(16).toUpperCase()}].; the next cycle reads again from that block`);
    expect(store.getCursor(eventCursorKey('sequencer'))?.nextBlock).toBe(stuckAt);
    const before = emitted.filter((block) => block < stuckAt).length;
    expect(report.newEvents).toBe(before);
    expect(served.every((r) => r.toBlock < stuckAt)).toBe(true);
    // The other sources of the chain are unharmed.
    expect(report.failures).toHaveLength(1);

    proxy.setCap({ style: 'none' });
    proxy.requests.length = 0;
    const poller = newPoller(store);
    const next = await poller.runCycle();
    expect(next.failures).toEqual([]);
    expect(next.newEvents).toBe(emitted.length - before);
    expectEveryBatchOnce(store);
    expectContiguous(proxy.requests, stuckAt);
  });

  it('GIVEN a node that times out on wide ranges THEN it halves on the timeout, and reads each event once', async () => {
    // 1 s: long enough for every other request of the cycle on a loaded machine, short enough to wait for.
    const { store, report, served } = await firstStart({ style: 'timeout', maxBlocks: 40 }, 1_000);
    expect(report.failures.filter((f) => f.sourceId === 'sequencer')).toEqual([]);
    expect(report.newEvents).toBe(emitted.length);
    expectEveryBatchOnce(store);
    expectContiguous(served, 0n);
    const spans = proxy.requests.slice(0, 3).map((r) => [r.outcome, Number(r.toBlock - r.fromBlock + 1n)]);
    expect(spans).toEqual([['unanswered', 64], ['served', 32], ['served', 32]]);
    expect(proxy.requests.filter((r) => r.outcome === 'unanswered').length).toBeGreaterThan(1); // it tried 64 again after successes
  });

  it(`GIVEN a node that never answers eth_getLogs THEN the read gives up after ${MAX_TIMEOUT_RETRIES} smaller tries and keeps the cursor`, async () => {
    const { store, report } = await firstStart({ style: 'timeout', maxBlocks: 0 }, 1_000);
    expect(report.failures.find((f) => f.sourceId === 'sequencer')?.error).toMatch(/^events: chain 1: every RPC failed \(http:\/\/127\.0\.0\.1:\d+: timed out after 1000 ms\)$/);
    expect(proxy.requests.map((r) => Number(r.toBlock - r.fromBlock + 1n))).toEqual([64, 32, 16]);
    expect(store.getCursor(eventCursorKey('sequencer'))?.nextBlock).toBe(0n);
    expect(report.newEvents).toBe(0);
  });

  it('GIVEN capped URLs THEN the doctor prints the largest range each accepted, and fails a URL without eth_getLogs', async () => {
    const [alchemyLike, sizeCapped, disabled] = await Promise.all([
      startLogsCapProxy(devnet.l1.url, { style: 'block-range', maxBlocks: 40 }),
      startLogsCapProxy(devnet.l1.url, { style: 'response-size', maxBytes: 4 * 700 }),
      startLogsCapProxy(devnet.l1.url, { style: 'disabled' }),
    ]);
    try {
      const lines: string[] = [];
      const doctorConfig = configSchema.parse({
        ...config,
        chains: config.chains.map((c) => (c.id === 1 ? { ...c, rpc: [alchemyLike.url, sizeCapped.url, disabled.url] } : c)),
      });
      const problems = await runDoctor(doctorConfig, (line) => lines.push(line));
      const text = lines.join('\n');
      const asked = Number(head + 1n).toLocaleString('en-US');
      expect(text).toContain(`  ok    eth_getLogs: ${alchemyLike.url} accepted 40 blocks (asked ${asked})`);
      expect(text).toContain(`  note  eth_getLogs: ${alchemyLike.url} takes fewer blocks than logsMaxRange (64)`);
      // Halving down from the whole chain: the accepted range was served, twice that (or one more) was refused.
      const last = sizeCapped.requests.at(-1)!;
      const accepted = Number(last.toBlock - last.fromBlock + 1n);
      expect(last.outcome).toBe('served');
      expect(last.toBlock).toBe(head);
      const before = sizeCapped.requests.at(-2)!;
      expect(before.outcome).toBe('refused');
      expect(Math.floor(Number(before.toBlock - before.fromBlock + 1n) / 2)).toBe(accepted);
      expect(text).toContain(`  ok    eth_getLogs: ${sizeCapped.url} accepted ${accepted.toLocaleString('en-US')} blocks (asked ${asked})`);
      expect(text).toContain(`  FAIL  eth_getLogs: ${disabled.url} over ${asked} blocks: The method "eth_getLogs" does not exist / is not available.`);
      expect(problems).toBe(1);
    } finally {
      await Promise.all([alchemyLike.close(), sizeCapped.close(), disabled.close()]);
    }
  });
});
