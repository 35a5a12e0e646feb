import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevnetChain } from '../../src/devnet/devnetChain.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

/** Waits (bounded) until the chain's head is past `block`; the chain must do it by itself. */
function nextHead(c: DevnetChain, block: bigint, withinMs: number): Promise<bigint> {
  return waitUntil(
    async () => {
      const head = await c.publicClient.getBlockNumber({ cacheTime: 0 });
      return head > block && head;
    },
    { what: `chain ${c.chainId} to move past block ${block}`, timeoutMs: withinMs, intervalMs: 200 },
  );
}

/** The demo's live chains: after the scenario, both anvils mine on their own at their block times, until frozen. */
describe('devnet keepMining and freeze', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await startDevnet();
    await devnet.scenario.advance(3600);
  }, 120_000);

  afterAll(async () => {
    await devnet?.stop();
  });

  it('GIVEN keepMining THEN both chains make blocks by themselves, each at its block time after the last', async () => {
    const { l1, l2 } = devnet.deployment;
    const [h1, h2] = await Promise.all([l1.publicClient.getBlock(), l2.publicClient.getBlock()]);
    await devnet.keepMining();
    expect(await Promise.all([l1.testClient.getAutomine(), l2.testClient.getAutomine()])).toEqual([false, false]);
    const [n1, n2] = await Promise.all([nextHead(l1, h1.number, 30_000), nextHead(l2, h2.number, 30_000)]);
    const [b1, b2] = await Promise.all([l1.publicClient.getBlock({ blockNumber: h1.number + 1n }), l2.publicClient.getBlock({ blockNumber: h2.number + 1n })]);
    expect(n1).toBeGreaterThan(h1.number);
    expect(n2).toBeGreaterThan(h2.number);
    // anvil_setBlockTimestampInterval still sets the timestamps: the chain's cadence, whatever the wall clock did.
    expect(b1.timestamp - h1.timestamp).toBe(BigInt(devnet.deployment.l1BlockTimeSeconds));
    expect(b2.timestamp - h2.timestamp).toBe(BigInt(devnet.deployment.l2BlockTimeSeconds));
  }, 60_000);

  it('GIVEN freeze THEN the chains mine only on demand again, and the scenario advances as before', async () => {
    await devnet.freeze();
    const { l1, l2 } = devnet.deployment;
    expect(await Promise.all([l1.testClient.getAutomine(), l2.testClient.getAutomine()])).toEqual([true, true]);
    const before = await l2.publicClient.getBlockNumber({ cacheTime: 0 });
    const record = await devnet.scenario.advance(3600);
    expect(record.l2BlocksMined).toBeGreaterThan(0n);
    expect(record.startBlock).toBe(before + 1n);
  }, 60_000);
});
