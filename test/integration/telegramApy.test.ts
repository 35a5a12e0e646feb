import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import type { App } from '../../src/app.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import type { FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startCountingProxy, type CountingProxy } from '../helpers/countingProxy.ts';
import { playEightDays } from '../helpers/eightDays.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const YEAR = 31_536_000;
const DAY = 86_400;
const E18 = 10n ** 18n;
const CHAT = 4242;

/** Percent with two decimals, as the reply prints it; computed here, not by the bot's formatter. */
const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

describe('the spine on a devnet: /apy through Telegram', () => {
  let bot: DevnetApp<CountingProxy>;
  let devnet: Devnet;
  let l1: CountingProxy;
  let l2: CountingProxy;
  let telegram: FakeBotApi;
  let app: App;
  const l2Times: number[] = [];
  const ppsAt: bigint[] = [];
  let wall = 1_700_000_000_000;

  /** One poll cycle, remembering the L2 head time it read at (what every window is measured in). */
  async function cycle(): Promise<void> {
    await app.poller.runCycle();
    const head = await devnet.deployment.l2.publicClient.getBlock();
    l2Times.push(Number(head.timestamp));
    const { seMetisTotalAssets, seMetisTotalSupply } = devnet.scenario.state().l2;
    ppsAt.push((seMetisTotalAssets * E18) / seMetisTotalSupply);
  }

  beforeAll(async () => {
    // The test sets every rate itself (STILL_DEVNET): no automatic growth or wobble.
    bot = await startDevnetApp({ platforms: ['telegram'], rpcProxy: startCountingProxy, now: () => wall });
    ({ devnet, telegram, app } = bot);
    ({ l1, l2 } = bot.rpc!);

    await playEightDays(devnet, async (day) => {
      if (day > 0) wall += DAY * 1000;
      await cycle();
    });
    wall += 90_000; // the answer is read 90 s after the last cycle
  });

  afterAll(() => bot?.stop());

  it('publishes the command list from the command definitions', () => {
    expect(telegram.getCommands()).toEqual(commands.map((c) => ({ command: c.name, description: expect.any(String) })));
  });

  it('answers /apy with the figures the test computes from the state it set', async () => {
    telegram.sendUserMessage({ chatId: CHAT, text: '/apy' });
    const reply = await telegram.nextMessageTo(CHAT);
    expect(reply.parse_mode).toBe('HTML');
    const text = reply.plain;

    // Sequencer: 0.02 METIS per L2 block, 4 s blocks, 1,000,000 METIS locked.
    const nominalApr = (0.02 * (YEAR / 4)) / 1_000_000;
    const nominalApy = (1 + nominalApr / 365) ** 365 - 1;
    expect(text).toContain(`nominal APR ${pct(nominalApr)} (APY ${pct(nominalApy)}, compounded daily)`);
    expect(text).toContain('L2 block 4.00 s');

    // Realized: every DistributeReward the scenario emitted inside the trailing 7 days of L1 time.
    const l1Head = await devnet.deployment.l1.publicClient.getBlock();
    const logs = await devnet.deployment.l1.publicClient.getContractEvents({
      address: devnet.deployment.addresses.l1.lockingPool,
      abi: [{ type: 'event', name: 'DistributeReward', inputs: [
        { name: 'batchId', type: 'uint256', indexed: true }, { name: 'startEpoch', type: 'uint256', indexed: false },
        { name: 'endEpoch', type: 'uint256', indexed: false }, { name: 'amount', type: 'uint256', indexed: false },
        { name: 'rpb', type: 'uint256', indexed: false }] }],
      eventName: 'DistributeReward',
      fromBlock: 0n,
    });
    let paid = 0n;
    for (const log of logs) {
      const block = await devnet.deployment.l1.publicClient.getBlock({ blockNumber: log.blockNumber });
      if (Number(block.timestamp) > Number(l1Head.timestamp) - 7 * DAY) paid += (log.args as { amount: bigint }).amount;
    }
    const realizedApr7d = (Number(paid) / 1e18 / 1_000_000) * (YEAR / (7 * DAY));
    expect(text).toContain(`realized APR 7 d ${pct(realizedApr7d)}`);

    // seMetis: share price 1.000000 until day 7, 1.002000 on day 7, 1.002400 on day 8. A window starts at the
    // newest read at or before (now − window): day 7 for 24 h, day 1 (still 1.000000) for 7 d.
    const t8 = l2Times[8]!;
    const startOf = (window: number) => l2Times.findLastIndex((t) => t <= t8 - window);
    expect([startOf(DAY), startOf(7 * DAY)]).toEqual([7, 1]);
    expect(ppsAt[8]).toBe(1_002_400_000_000_000_000n);
    const apy24h = (1.0024 / 1.002) ** (YEAR / (t8 - l2Times[7]!)) - 1;
    const apy7d = 1.0024 ** (YEAR / (t8 - l2Times[1]!)) - 1;
    expect(text).toMatch(new RegExp(`ENKI seMetis\\s+${pct(apy24h)} 24 h\\s+${pct(apy7d)}`));

    // The V2 pool was traded to 37 bps under fair (eMetis is a 1:1 claim on METIS): WMETIS reserve over eMetis reserve.
    const { assetReserve, quoteReserve } = devnet.scenario.state().l2.pools.v2EMetisWmetis;
    const price = Number((quoteReserve! * 10n ** 12n) / assetReserve!) / 1e12;
    expect(text).toContain(`eMetis/METIS ${price.toFixed(4)} (−${Math.round((1 - price) * 10_000)} bps)`);

    // Tower: eMetis (600,720 with the vault's growth) × 1 + seMetis 300,000 × 1.0024 + artMetis 200,000 × 1 over 1,000,000 locked.
    const { eMetisSupply, seMetisTotalSupply, artMetisSupply } = devnet.scenario.state().l2;
    expect(eMetisSupply).toBe(600_720n * E18);
    const leverage = (Number(eMetisSupply / E18) + Number(seMetisTotalSupply / E18) * 1.0024 + Number(artMetisSupply / E18)) / 1_000_000;
    expect(text).toContain(`Tower leverage: ${leverage.toFixed(3)}×`);
    // Data age: the last good read was 90 s before the question.
    expect(text).toMatch(/ENKI seMetis.*\s1m 30s\n/);
  });

  it('answers a bad argument with the usage line and the known assets', async () => {
    telegram.sendUserMessage({ chatId: CHAT, text: '/apy dogecoin' });
    const reply = await telegram.nextMessageTo(CHAT);
    expect(reply.plain).toContain('Unknown asset "dogecoin". Known: sequencer, eMetis, seMetis, artMetis, eMetis-METIS');
    expect(reply.plain).not.toContain('sequencerSet'); // who signs the L2 epoch: in /sequencers, no asset of its own
    expect(reply.plain).toContain('Usage: /apy [asset]');
  });

  it('answers /chart with a PNG photo drawn from the history the cycles stored', async () => {
    telegram.sendUserMessage({ chatId: CHAT, text: '/chart seMetis 30d' });
    const reply = await telegram.nextMessageTo(CHAT);
    expect(reply.method).toBe('sendPhoto');
    expect(Buffer.isBuffer(reply.photo) && reply.photo.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(reply.plain).toContain('ENKI seMetis — APY, last 30 d');
    // One 24 h APY stored per cycle from day 1: 0 % while the share price stood still (days 1 to 6), then
    // 1.000000 → 1.002000 on day 7 and 1.002000 → 1.002400 on day 8 over each day's block times.
    const apy24hOn = (day: number, from: number, to: number) => (to / from) ** (YEAR / (l2Times[day]! - l2Times[day - 1]!)) - 1;
    const latest = apy24hOn(8, 1.002, 1.0024);
    const high = apy24hOn(7, 1, 1.002);
    expect(reply.plain).toContain(`24 h APY: latest ${pct(latest)}, low 0.00%, high ${pct(high)} over the last 30 d.`);
  });

  it('costs one eth_call per chain in a steady cycle', async () => {
    await devnet.scenario.advance(3600);
    l1.reset();
    l2.reset();
    await app.poller.runCycle();
    const count = (methods: string[], method: string) => methods.filter((m) => m === method).length;
    expect(count(l1.methods, 'eth_call')).toBe(1);
    expect(count(l2.methods, 'eth_call')).toBe(1);
    // L1: logs from the cursor, plus the block time of the one new reward event when the node does not put it on logs.
    expect(count(l1.methods, 'eth_getLogs')).toBe(1);
    expect(l1.methods.length).toBeLessThanOrEqual(3);
    // L2: the block at the start of the block-time window.
    expect(l2.methods).toEqual(['eth_call', 'eth_getBlockByNumber']);
  });
});
