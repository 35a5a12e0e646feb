import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { DEVNET_INITIAL } from '../../src/devnet/devnetInitial.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import type { FakeBotApi } from '../fakes/fakeBotApi.ts';
import type { FakeDiscord } from '../fakes/fakeDiscord.ts';
import { playEightDays } from '../helpers/eightDays.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const YEAR = 31_536_000;
const DAY = 86_400;
const E18 = 10n ** 18n;
const Q96 = 2n ** 96n;
const CHAT = 1088;

// Formatting of our own, so the test does not check the bot's formatter against itself.
const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const thousands = (n: number) => `${(n / 1000).toFixed(2)}k`;
/** Every figure in a text, in order: percents, ratios, amounts with separators, compact amounts, bps. */
const figures = (text: string) => text.match(/[+−±]?\d[\d,]*(?:\.\d+)?(?:%| bps|×|[kMB]\b)?/g) ?? [];

describe('/simulate and /leverage on a devnet, on Telegram, Discord and the console', () => {
  let bot: DevnetApp;
  let devnet: Devnet;
  let telegram: FakeBotApi;
  let discord: FakeDiscord;
  let app: App;
  /** Per cycle: the L2 head time (windows of the share price) and the newest block time of any source (the tower's clock). */
  const l2Times: number[] = [];
  const towerTimes: number[] = [];
  const leverageAt: number[] = [];
  let wall = 1_700_000_000_000;

  /** The tower as the test computes it from the state it set: eMetis + seMetis × pps + artMetis × rate over the METIS locked. */
  function leverageNow(): number {
    const s = devnet.scenario.state();
    const pps = Number((s.l2.seMetisTotalAssets * 10n ** 9n) / s.l2.seMetisTotalSupply) / 1e9;
    const artRate = Number((s.l2.artemisTotalDeposits * 10n ** 9n) / s.l2.artMetisSupply) / 1e9;
    const claims = Number(s.l2.eMetisSupply / E18) + (Number(s.l2.seMetisTotalSupply / E18) * pps) + Number(s.l2.artMetisSupply / E18) * artRate;
    return claims / Number(s.l1.totalLocked / E18);
  }

  async function cycle(): Promise<void> {
    await app.poller.runCycle();
    const [l1Head, l2Head] = await Promise.all([devnet.deployment.l1.publicClient.getBlock(), devnet.deployment.l2.publicClient.getBlock()]);
    l2Times.push(Number(l2Head.timestamp));
    towerTimes.push(Math.max(Number(l1Head.timestamp), Number(l2Head.timestamp)));
    leverageAt.push(leverageNow());
  }

  beforeAll(async () => {
    bot = await startDevnetApp({ platforms: ['telegram', 'discord'], now: () => wall });
    ({ devnet, telegram, discord, app } = bot);

    await playEightDays(devnet, async (day) => {
      if (day > 0) wall += DAY * 1000;
      await cycle();
    });
    wall += 90_000; // asked 90 s after the last cycle
  });

  afterAll(() => bot?.stop());

  async function onTelegram(text: string): Promise<string> {
    telegram.sendUserMessage({ chatId: CHAT, text });
    return (await telegram.nextMessageTo(CHAT)).plain;
  }

  /** The V3 pool WMETIS/seMetis: seMetis is token1, its virtual reserve L × √P, in whole seMetis. */
  function seMetisPoolReserve(): number {
    const { sqrtPriceX96 } = devnet.scenario.state().l2.pools.v3WmetisSeMetis;
    return Number((DEVNET_INITIAL.l2.v3WmetisSeMetis.liquidity * sqrtPriceX96! * 10n ** 6n) / Q96 / E18) / 1e6;
  }

  /** The seMetis 7 d APY, from the share prices the test set and the block times of the reads. */
  function seMetisApy7d(): number {
    const t8 = l2Times[8]!;
    const start = l2Times.findLastIndex((t) => t <= t8 - 7 * DAY);
    expect(start).toBe(1); // the newest read at or before 7 d ago: day 1, share price still 1.000000
    return 1.0024 ** (YEAR / (t8 - l2Times[1]!)) - 1;
  }

  it('answers /simulate 1000 1y seMetis with the final amount, gain, stress and data age the test computes', async () => {
    const text = await onTelegram('/simulate 1000 1y seMetis');
    const apy = seMetisApy7d();
    const final = 1000 * (1 + apy);
    expect(text).toContain('Simulate 1,000 METIS for 1 year');
    expect(text).toMatch(new RegExp(`1  ENKI seMetis\\s+${pct(apy)}\\s+${money(final)}\\s+\\+${money(final - 1000)}\\s+1m 30s\\n`));
    const stressed = (drop: number) => 1000 * apy * (1 - drop);
    expect(text).toMatch(new RegExp(`ENKI seMetis\\s+${pct(apy * 0.75)}\\s+\\+${money(stressed(0.25))}\\s+${pct(apy * 0.5)}\\s+\\+${money(stressed(0.5))}`));
    expect(text).toContain(`7 d share-price APY ${pct(apy)} in eMetis`);
    expect(text).toContain('Projections at current rates, not promises');
  });

  it('answers /simulate 1000 with every strategy ranked, the sequencer compounded daily', async () => {
    const text = await onTelegram('/simulate 1000');
    // 0.02 METIS per 4 s L2 block over 1,000,000 locked.
    const apr = (0.02 * (YEAR / 4)) / 1_000_000;
    const seq = 1000 * (1 + apr / 365) ** 365;
    expect(text).toMatch(new RegExp(`1  Sequencer mining\\s+${pct(seq / 1000 - 1)}\\s+${money(seq)}`));
    expect(text).toMatch(/2  ENKI seMetis/);
    // Artemis: deposits equal supply all along, so a 0 % APY, last.
    expect(text).toMatch(/3  Artemis artMETIS\s+0\.00%\s+1,000\.00\s+±0\.00/);
  });

  it('answers a loop with exposure, net APY, liquidating depeg and the seMetis pool\'s exit liquidity', async () => {
    const text = await onTelegram('/simulate 1000 1y seMetis loop ltv=0.7 loops=3 borrow=4.5%');
    const apy = seMetisApy7d();
    const m = 2.533;
    const net = m * apy - (m - 1) * 0.045;
    expect(text).toMatch(new RegExp(`1  ENKI seMetis\\s+${pct(net)}\\s+${money(1000 * (1 + net))}`));
    expect(text).toContain(`Liquidated if seMetis falls ${pct(1 - (m - 1) / (m * 0.8))} against the borrowed METIS (threshold 0.80).`);
    // The V3 pool's virtual reserve of seMetis takes reserve × p / (1 − p); valued at the share price 1.0024.
    const exit1 = (seMetisPoolReserve() * 0.01) / 0.99;
    expect(text).toContain(`Exit: seMetis/METIS takes ${money(exit1)} seMetis at 1 % slippage (${pct((exit1 * 1.0024) / (1000 * m))} of the position)`);
    // Only that pool sells seMetis: the eMetis and METIS/USDC pools repay no METIS debt of a seMetis loop.
    expect(text.match(/• Exit: /g)).toHaveLength(1);
    // The snapshot's 1:1 links come from config/devnet.yaml's tokens: eMetis and WMETIS have a base and no rateFrom.
    expect(app.context.snapshot().parLinks).toEqual(new Map([['eMetis', 'METIS'], ['WMETIS', 'METIS']]));
  });

  it('answers /leverage with the layers, the leverage and its change over 24 h and 7 d, exit liquidity and the exit delay', async () => {
    const text = await onTelegram('/leverage');
    const now = leverageAt[8]!;
    const t8 = towerTimes[8]!;
    const back = (window: number) => towerTimes.findLastIndex((t) => t <= t8 - window);
    expect([back(DAY), back(7 * DAY)]).toEqual([7, 1]);
    const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(4)}×`;
    expect(text).toContain(`Leverage ${now.toFixed(3)}× · change 24h ${signed(now - leverageAt[7]!)} · 7d ${signed(now - leverageAt[1]!)}`);
    // 720 new eMetis in the vault over the week, counted as eMetis and again inside seMetis: (720 + 720) / 1,000,000.
    expect(signed(now - leverageAt[1]!)).toBe('+0.0014×');
    expect(text).toMatch(/METIS locked \(base\)\s+1\.00M\s+1\.00M\s+100\.0%/);
    expect(text).toMatch(/eMetis\s+600\.72k\s+600\.72k\s+60\.1%/);
    expect(text).toMatch(/seMetis\s+300\.00k\s+300\.72k\s+30\.1%/);
    expect(text).toMatch(/artMetis\s+200\.00k\s+200\.00k\s+20\.0%/);
    // V2 eMetis/METIS (eMetis is the pair's token1): 1 % and 5 % of slippage take reserve × p / (1 − p).
    const { assetReserve } = devnet.scenario.state().l2.pools.v2EMetisWmetis;
    const eMetisReserve = Number(assetReserve! / 10n ** 12n) / 1e6;
    expect(text).toMatch(new RegExp(`eMetis/METIS\\s+${thousands((eMetisReserve * 0.01) / 0.99)} eMetis\\s+${thousands((eMetisReserve * 0.05) / 0.95)} eMetis\\s+−37 bps\\s+1m 30s`));
    const seMetisReserve = seMetisPoolReserve();
    expect(text).toMatch(new RegExp(`seMetis/METIS\\s+${thousands((seMetisReserve * 0.01) / 0.99)} seMetis\\s+${thousands((seMetisReserve * 0.05) / 0.95)} seMetis`));
    expect(text).toContain('Exit delay: 21 days');
  });

  it('gives the same figures on the console, Telegram and Discord', async () => {
    const cases: { text: string; discord: { name: string; options?: { name: string; value: string | number }[] } }[] = [
      {
        text: '/simulate 1000 1y seMetis loop ltv=0.7 loops=3 borrow=4.5%',
        discord: { name: 'simulate', options: [{ name: 'amount', value: 1000 }, { name: 'duration', value: '1y' }, { name: 'strategy', value: 'seMetis' }, { name: 'mode', value: 'loop' }, { name: 'ltv', value: 0.7 }, { name: 'loops', value: 3 }, { name: 'borrow', value: 0.045 }] },
      },
      { text: '/leverage', discord: { name: 'leverage' } },
    ];
    for (const c of cases) {
      const output = new PassThrough();
      let consoleText = '';
      output.on('data', (chunk: Buffer) => (consoleText += chunk.toString()));
      await runConsoleChat({ input: Readable.from([`${c.text}\n`]), output, context: app.context, logger: silentLogger });

      const telegramText = await onTelegram(c.text);

      const interaction = discord.dispatchInteraction(c.discord);
      const callback = await discord.waitFor((call) => call.path.startsWith(`/interactions/${interaction.id}/`));
      const embeds = (callback.body as { data: { embeds: { title?: string; description?: string; footer?: { text: string } }[] } }).data.embeds;
      const discordText = embeds.map((e) => [e.title, e.description, e.footer?.text].join('\n')).join('\n').replace(/\\/g, '');

      // The console's line of buttons (their commands) has figures of its own; Telegram and Discord show buttons, not text.
      const expected = figures(consoleText.replace(/^Buttons: .*$/m, ''));
      expect(expected.length, c.text).toBeGreaterThan(15);
      expect(figures(telegramText), c.text).toEqual(expected);
      expect(figures(discordText), c.text).toEqual(expected);
    }
  });
});
