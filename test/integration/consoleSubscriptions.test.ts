import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { localTime } from '../../src/subscriptions/localTime.ts';
import { consoleBot } from '../helpers/consoleBot.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const CYCLE = 300;

/**
 * The console is a chat like any other: the operator subscribes from the keyboard and the outbox prints
 * digests and alerts there, through the same rules, keys and worker as Telegram and Discord.
 */
describe('subscriptions on the console chat, on a devnet', () => {
  let devnetApp: DevnetApp;
  let devnet: Devnet;
  let app: App;
  let wall = 1_700_000_000_000;
  const bot = consoleBot((output) => devnetApp.open({ consoleOutput: output }));
  const type = bot.type;
  const open = async () => {
    app = await bot.open();
  };

  async function cycle(): Promise<void> {
    await devnet.scenario.advance(CYCLE);
    wall += CYCLE * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  const count = bot.count;

  beforeAll(async () => {
    devnetApp = await startDevnetApp({ databaseFile: true, now: () => wall, startApp: false });
    devnet = devnetApp.devnet;
    await open();
    await app.poller.runCycle();
  }, 120_000);

  afterAll(async () => {
    await bot.close();
    await devnetApp?.stop();
  });

  it('subscribes the console to alerts and a digest (the operator is its own admin)', async () => {
    expect(await type('/subscribe alerts eMetis')).toContain('Subscribed: alerts for eMetis');
    expect(await type('/subscribe digest 07:15 Asia/Tokyo')).toContain('daily digest at 07:15 Asia/Tokyo');
    expect(await type('/subscribe digest 7:75')).toContain('time "7:75" is not valid');
    expect(app.subscriptions.subscriptions.forChat('console', 'console').filter((s) => s.active)).toHaveLength(2);
  });

  it('prints exactly one depeg alert after K cycles, none again after a restart, and one recovery', async () => {
    await cycle();
    await devnet.scenario.setDepeg('v2EMetisWmetis', -80);
    await cycle();
    expect(count(/Depeg warning/)).toBe(0);
    await cycle();
    expect(count(/Depeg warning: eMetis\/METIS/)).toBe(1);

    // A restart on the same database remembers the open alert.
    await app.stop();
    await open();
    await cycle();
    await cycle();
    expect(count(/Depeg warning/)).toBe(1);
    expect(await type('/alerts')).toMatch(/Open: depeg eMetis-METIS \(warning\)/);

    await devnet.scenario.setDepeg('v2EMetisWmetis', 0);
    await cycle();
    await cycle();
    expect(count(/Depeg over: eMetis\/METIS\n.*back under the 50 bps warning; cleared at 30 bps as configured\./)).toBe(1);
    expect(count(/Depeg (warning|critical|escalated)/)).toBe(1);
  }, 120_000);

  it('prints the digest once at 07:15 Tokyo time (controlled clock), with fresh figures', async () => {
    let t = wall + CYCLE * 1000 + 60_000;
    while (localTime(t, 'Asia/Tokyo').minutes !== 7 * 60 + 15) t += 60_000;
    wall = t - CYCLE * 1000 - 60_000;
    await cycle(); // the last read a minute before the digest
    expect(app.subscriptions.digests.tick(t - 60_000)).toBe(0);
    expect(app.subscriptions.digests.tick(t)).toBe(1);
    expect(app.subscriptions.digests.tick(t)).toBe(0);
    await app.subscriptions.worker.drain();
    const title = /Daily digest · \w{3} \d{1,2} \w{3} \d{4} · 07:15 Asia\/Tokyo/i;
    const digest = bot.printed().slice(bot.printed().search(title));
    expect(count(title)).toBe(1);
    // 0.02 METIS per 4 s block over 1,000,000 locked: APR 15.768 %, compounded daily 17.08 %.
    expect(digest).toMatch(/Sequencer mining: nominal APY 17\.08% · Δ24h .* · Δ7d — \(history < 7 d\)/);
    expect(digest).toContain('ENKI seMetis: 24 h APY');
    expect(digest).toContain('eMetis/METIS: depeg');
    expect(digest).toContain('Tower leverage');
    expect(digest).not.toContain('(stale');
    expect(digest).toMatch(/\(Data: read 1 min ago\./);
  });

  it('unsubscribes: no more digests', async () => {
    expect(await type('/unsubscribe')).toContain('Unsubscribed: digest and alerts');
    let t = wall + 2 * 86_400_000;
    while (localTime(t, 'Asia/Tokyo').minutes !== 7 * 60 + 15) t += 60_000;
    expect(app.subscriptions.digests.tick(t)).toBe(0);
  });
});
