import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { DEVNET_ADDRESSES } from '../../src/devnet/devnetAddresses.ts';
import { DEVNET_SEQUENCERS } from '../../src/devnet/devnetSequencers.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { lockingInfoEvents, lockingPoolSequencersAbi, metisSequencerSetAbi } from '../../src/sources/abis.ts';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy.ts';
import { consoleBot } from '../helpers/consoleBot.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const STEP = 6 * 3600;
const DAY = 86_400;
const YEAR = 31_536_000;
const E18 = 10n ** 18n;
const seqNamed = (name: string) => DEVNET_SEQUENCERS.find((s) => s.name === name)!;

/** What the bot's amount cell shows, written out again: two decimals, k above a thousand, M above a million. */
function amountText(n: number): string {
  if (n === 0) return '0';
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(2)}k`;
  return n.toFixed(2).replace(/\.?0+$/, '');
}
const pct = (fraction: number, digits = 2) => `${(fraction * 100).toFixed(digits)}%`;

/**
 * One read of the bot: the L1 and L2 blocks it saw (the chains do not move between an advance and the cycle) and
 * the LockingPool's sequencers there, read by the test itself (the devnet's anvil keeps no past states).
 */
interface Read {
  readonly time: number;
  readonly l1Block: bigint;
  readonly l2Block: bigint;
  readonly seqs: Awaited<ReturnType<typeof sequencersNow>>;
}

/** The fixture's sequencer structs at the L1 head, straight from the LockingPool. */
async function sequencersNow(devnet: Devnet) {
  const client = devnet.deployment.l1.publicClient;
  const total = await client.readContract({ address: DEVNET_ADDRESSES.l1.lockingPool, abi: lockingPoolSequencersAbi, functionName: 'totalSequencers' });
  return client.multicall({
    allowFailure: false,
    contracts: Array.from({ length: Number(total) }, (_, i) => ({
      address: DEVNET_ADDRESSES.l1.lockingPool,
      abi: lockingPoolSequencersAbi,
      functionName: 'sequencers' as const,
      args: [BigInt(i + 1)] as const,
    })),
  });
}

/**
 * /sequencers on the devnet's LockingPool: eight sequencers in all four statuses (DEVNET_SEQUENCERS), reward
 * batches every 6 h, a claim, a finalised exit (the base falls 10 %) and a started exit, polled by the real bot
 * through its console chat. Every figure is computed here from the fixtures' own state at the blocks the bot read.
 */
describe('/sequencers on a devnet', () => {
  let devnetApp: DevnetApp<CountingProxy>;
  let devnet: Devnet;
  let app: App;
  let wall = 1_700_000_000_000;
  const reads: Read[] = [];
  const bot = consoleBot((output) => devnetApp.open({ consoleOutput: output }));
  const type = bot.type;
  const open = async () => {
    app = await bot.open();
  };

  async function cycle(): Promise<void> {
    await devnet.scenario.advance(STEP);
    wall += STEP * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
    const [b1, l2Block] = await Promise.all([devnet.deployment.l1.publicClient.getBlock(), devnet.deployment.l2.publicClient.getBlockNumber()]);
    reads.push({ time: Number(b1.timestamp), l1Block: b1.number, l2Block, seqs: await sequencersNow(devnet) });
  }

  const count = bot.count;

  beforeAll(async () => {
    devnetApp = await startDevnetApp({ databaseFile: true, rpcProxy: startCountingProxy, now: () => wall, startApp: false });
    devnet = devnetApp.devnet;
    await open();
    expect(await type('/subscribe alerts sequencers')).toContain('Subscribed: alerts for sequencers');
    // Nine cycles (54 h): Leaving's exit, started at deployment under a 2-day delay, is claimable.
    for (let i = 0; i < 9; i++) await cycle();
    // One sequencer's own alerts need its name, which the first read brings.
    expect(await type('/subscribe alerts sequencer ENKI0')).toContain('Subscribed: alerts for sequencer ENKI0 (2)');
    expect(await type('/subscribe alerts sequencer bedrock')).toContain('Subscribed: alerts for sequencer Bedrock (5)');
  }, 180_000);

  afterAll(async () => {
    await bot.close();
    await devnetApp?.stop();
  });

  it('alerts once when the base falls 10 % (an exit claimed) and once when it recovers', async () => {
    await devnet.scenario.claimSequencerRewards(seqNamed('ENKI0').seqId);
    await devnet.scenario.unlockSequencer(seqNamed('Leaving').seqId);
    expect(devnet.scenario.state().l1.totalLocked).toBe(900_000n * E18);
    await cycle();
    expect(count(/The base is falling/)).toBe(0); // K = 2 cycles
    await cycle();
    expect(count(/The base is falling\nMETIS locked by sequencers: 900\.00k, 10\.0% below 1\.00M 24 h earlier \(alert at 5%\)\./)).toBe(1);
    // 24 h after the fall the base stands where it stood a day before: the measure is 0, two cycles clear it.
    for (let i = 0; i < 5; i++) await cycle();
    expect(count(/The base recovered/)).toBe(1);
    expect(count(/The base is falling/)).toBe(1);
    // ENKI0's claim, to this chat that named it, once; Leaving's exit is not this chat's sequencer.
    const [claim] = await devnet.deployment.l1.publicClient.getLogs({ address: DEVNET_ADDRESSES.l1.lockingInfo, event: lockingInfoEvents[4], fromBlock: 0n, strict: true });
    // The amount as formatAmount writes a whole number of METIS under 1,000 (the devnet's claim is one).
    expect(claim!.args.amount % 10n ** 18n).toBe(0n);
    const amount = String(claim!.args.amount / 10n ** 18n);
    expect(count(new RegExp(`💰 Sequencer ENKI0 claimed ${amount} METIS\nPaid to ${claim!.args.recipient};`))).toBe(1);
    expect(count(/💰 Sequencer/)).toBe(1);
    expect(count(/🔁 Sequencer Leaving/)).toBe(0);
  }, 120_000);

  it('announces a started exit once, and nothing again across a restart', async () => {
    const bedrock = seqNamed('Bedrock');
    await devnet.scenario.unlockInitSequencer(bedrock.seqId);
    await cycle();
    const [, , , , , , unlockClaimTime] = reads.at(-1)!.seqs[bedrock.seqId - 1]!;
    const claimable = new Date(Number(unlockClaimTime) * 1000).toISOString().slice(0, 10);
    expect(count(new RegExp(`Sequencer exiting: Bedrock\\nStarted its exit with 150\\.00k METIS locked, 16\\.7% of the base; claimable from ${claimable} UTC\\.`))).toBe(1);
    await cycle();
    await app.stop();
    await open();
    await cycle();
    await cycle();
    expect(count(/Sequencer exiting/)).toBe(1);
    expect(count(/The base (is falling|recovered)/)).toBe(2);
    // Bedrock is this chat's own sequencer: its status change came once too, with the same claimable date.
    expect(count(new RegExp(`🔁 Sequencer Bedrock: active → exiting \\(claimable from ${claimable} UTC\\)`))).toBe(1);
    expect(count(/🔁 Sequencer/)).toBe(1);
    // Fill the 7 d window behind the last read.
    while (reads.at(-1)!.time - reads[0]!.time < 8 * DAY) await cycle();
  }, 180_000);

  it('answers /sequencers with status, METIS locked, share, 7 d income and APR, and the L2 signer, as the fixtures say', async () => {
    wall += 60_000;
    const text = await type('/sequencers');
    const last = reads.at(-1)!;
    const weekAgo = [...reads].reverse().find((r) => r.time <= last.time - 7 * DAY)!;
    const [now, then] = [last.seqs, weekAgo.seqs];
    const client = devnet.deployment.l1.publicClient;
    const totalLocked = await client.readContract({ address: DEVNET_ADDRESSES.l1.lockingInfo, abi: [{ type: 'function', name: 'totalLocked', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint256' }] }], functionName: 'totalLocked' });
    expect(totalLocked).toBe(900_000n * E18);
    const claims = await client.getLogs({ address: DEVNET_ADDRESSES.l1.lockingInfo, event: lockingInfoEvents[4], fromBlock: weekAgo.l1Block + 1n, toBlock: last.l1Block, strict: true });
    expect(claims.map((c) => c.args.sequencerId)).toEqual([BigInt(seqNamed('ENKI0').seqId)]);
    const signer = await devnet.deployment.l2.publicClient.readContract({ address: DEVNET_ADDRESSES.l2.sequencerSet, abi: metisSequencerSetAbi, functionName: 'getMetisSequencer', args: [last.l2Block] });

    // The epoch's signer is one of the active sequencers, so exactly one row says "signing".
    expect(now.filter((q) => q[9] === signer && q[12] === 2)).toHaveLength(1);
    expect(text.match(/ signing\n/g)).toHaveLength(1);
    const statusWord = ['unavailable', 'exiting', 'active', 'exited'] as const;
    const lines = text.split('\n');
    for (const s of DEVNET_SEQUENCERS) {
      const [amount, reward, , , , , unlockClaimTime, , , seqSigner, , , status] = now[s.seqId - 1]!;
      const rewardThen = then[s.seqId - 1]![1];
      const claimed = claims.filter((c) => c.args.sequencerId === BigInt(s.seqId)).reduce((sum, c) => sum + c.args.amount, 0n);
      const income = Number(reward - rewardThen + claimed) / 1e18;
      const locked = Number(amount) / 1e18;
      const inBase = status === 1 || status === 2;
      const apr = locked > 0 ? (income / locked) * (YEAR / (last.time - weekAgo.time)) : undefined;
      const statusCell = status === 1 ? `exiting until ${new Date(Number(unlockClaimTime) * 1000).toISOString().slice(0, 10)}` : statusWord[status];
      const row = lines.find((l) => new RegExp(`^\\W*${s.seqId}\\W+${s.name}\\b`).test(l));
      expect(row, `row of ${s.name}`).toBeDefined();
      const cells = row!.split(/\s{2,}|\s*[│|]\s*/).map((c) => c.trim()).filter((c) => c !== '');
      expect(cells, s.name).toContain(statusCell);
      expect(cells, s.name).toContain(amountText(locked));
      expect(cells, s.name).toContain(inBase ? pct(locked / 900_000, 1) : '0.0%');
      expect(cells, s.name).toContain(amountText(income));
      if (apr !== undefined) expect(cells, s.name).toContain(pct(apr));
      expect(row!.includes('signing'), s.name).toBe(seqSigner === signer);
    }
    // Every active sequencer earned: 0.02 METIS per 4 s L2 block, pro rata to its lock among the active ones.
    expect(now[seqNamed('Genesis1').seqId - 1]![1]).toBeGreaterThan(0n);
    expect(text).toMatch(/4 active of 8 sequencers; 900\.00k METIS locked \(the base\)/);
    expect(text).toMatch(/ENKI runs 38\.9% of the base \(2 sequencers, 350\.00k METIS\)/);
    expect(text).toMatch(/Artemis runs 22\.2% of the base \(1 sequencer, 200\.00k METIS\)/);
  });

  it('answers /sequencers <name> with the sequencer in detail: its claim, its exit', async () => {
    const enki = await type('/sequencers ENKI0');
    expect(enki).toMatch(/^SEQUENCER ENKI0\n/);
    expect(enki).toMatch(/Id 2 · run by ENKI/);
    expect(enki).toMatch(/Status active/);
    expect(enki).toMatch(/Locked 200\.00k METIS, 22\.22% of the base/);
    expect(enki).toMatch(/locked\s+200\.00k/);
    expect(enki).toMatch(/claimed reward/);
    const bedrock = await type('/sequencers bedrock');
    expect(bedrock).toMatch(/Status exiting until \d{4}-\d{2}-\d{2}; exit claimable from/);
    expect(bedrock).toMatch(/started exit of \(claimable \d{4}-\d{2}-\d{2}\)\s+150\.00k/);
    expect(await type('/sequencers nobody')).toContain('No sequencer matches "nobody"');
  });

  it('charts the base by operator and one sequencer from the reads it stored, with the shares /sequencers shows', async () => {
    const base = await type('/chart sequencers');
    expect(base).toMatch(/^METIS LOCKED BY OPERATOR — LAST 7 D\n/);
    expect(base).toMatch(/By operator at the last read: [^\n]*ENKI 38\.9%/);
    expect(base).toMatch(/By operator at the last read: [^\n]*Artemis 22\.2%/);
    expect(base).toMatch(/Picture written to \S+chart-sequencers-7d\.png/);
    const enki = await type('/chart ENKI0');
    expect(enki).toMatch(/ENKI0: locked: latest 200\.00k METIS \(22\.2% of the base\)/);
    expect(enki).toMatch(/Picture written to \S+chart-seq2-7d\.png/);
  });

  it('reads ten sequencers in the one L1 eth_call of a cycle', async () => {
    await devnet.scenario.lockSequencer('0x191F22F8a40e04D7F693E3ee3060054819736823', '0xeFb109a3E37640043632DB964fCa2D02E55029BF', 60_000n * E18);
    await devnet.scenario.lockSequencer('0x784E866482c0c4867ab78303A5B7ECBA6b34E65f', '0x025978B766151E9e7caD4FE3D74332665c78Eed4', 40_000n * E18);
    await cycle(); // sees totalSequencers() = 10: the next cycle's calls read all ten
    const { l1: l1Proxy, l2: l2Proxy } = devnetApp.rpc!;
    l1Proxy.reset();
    l2Proxy.reset();
    await cycle();
    const calls = (methods: string[], method: string) => methods.filter((m) => m === method).length;
    expect(calls(l1Proxy.methods, 'eth_call')).toBe(1);
    expect(calls(l2Proxy.methods, 'eth_call')).toBe(1);
    const view = app.context.snapshot().sequencers!;
    expect(view.rows.map((r) => r.seqId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(view.base.ok && view.base.value).toBe(1_000_000);
  });
});
