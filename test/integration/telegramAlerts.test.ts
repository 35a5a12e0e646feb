import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { localTime } from '../../src/subscriptions/localTime.ts';
import { utcDayTime } from '../../src/core/utcDayTime.ts';
import type { FakeBotApi, UserMessageParams } from '../fakes/fakeBotApi.ts';
import { waitUntil } from '../helpers/waitUntil.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const CHAT = 5151;
const OTHER = 5252;
const GROUP = -100777;
const CYCLE = 300;

describe('alerts and digests on a devnet, through Telegram (real grammY, fake Bot API)', () => {
  let bot: DevnetApp;
  let devnet: Devnet;
  let telegram: FakeBotApi;
  let app: App;
  let wall = 1_700_000_000_000;

  const open = () => bot.open();

  /** One poll cycle 5 minutes after the last, then waits until the outbox is delivered. */
  async function cycle(): Promise<void> {
    await devnet.scenario.advance(CYCLE);
    wall += CYCLE * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  /** Sends a command and returns the next message to the chat (pushed messages are delivered before asking). */
  async function ask(chatId: number, text: string, from: Pick<UserMessageParams, 'userId' | 'chatType'> = {}): Promise<string> {
    const before = telegram.messagesTo(chatId).length;
    telegram.sendUserMessage({ chatId, text, ...from });
    await waitUntil(() => telegram.messagesTo(chatId).length > before, { what: `an answer to ${text}`, timeoutMs: 5_000 });
    return telegram.messagesTo(chatId)[before]!.plain;
  }

  const depegMessages = (chatId: number) => telegram.messagesTo(chatId).map((m) => m.plain).filter((t) => /Depeg (warning|critical|escalated|over)/.test(t));

  beforeAll(async () => {
    bot = await startDevnetApp({ platforms: ['telegram'], databaseFile: true, now: () => wall });
    ({ devnet, telegram, app } = bot);
    await app.poller.runCycle();
  }, 120_000);

  afterAll(() => bot?.stop());

  it('subscribes a private chat to alerts on one asset', async () => {
    expect(await ask(CHAT, '/subscribe alerts eMetis')).toContain('Subscribed: alerts for eMetis');
    expect(await ask(CHAT, '/alerts')).toContain('Depeg: warning at 50 bps, critical at 200 bps');
  });

  it('answers bad input with a usage line naming the bad part', async () => {
    expect(await ask(CHAT, '/subscribe digest 25:99')).toMatch(/time "25:99" is not valid[\s\S]*Usage: \/subscribe · \/subscribe digest \[HH:MM\|pick\] \[timezone\]/);
    expect(await ask(CHAT, '/subscribe digest 08:00 Mars/Olympus')).toContain('timezone "Mars/Olympus" is not valid');
    expect(await ask(CHAT, '/alerts set wobble 3')).toContain('Unknown rule "wobble"');
    expect(await ask(CHAT, '/alerts set depeg-warning 99999')).toContain('depeg-warning must be between 1 and 5,000, not 99,999');
  });

  it('refuses a non-admin in a group, accepts an admin, and lets anyone read', async () => {
    telegram.setAdmins(GROUP, { 61: 'member', 62: 'administrator' });
    expect(await ask(GROUP, '/subscribe alerts', { userId: 61 })).toContain("Only this group's admins can change this group's subscriptions");
    expect(await ask(GROUP, '/alerts set depeg-warning 80', { userId: 61 })).toContain("Only this group's admins can change this group's subscriptions");
    expect(await ask(GROUP, '/alerts', { userId: 61 })).toContain('Alerts: off');
    expect(await ask(GROUP, '/subscribe alerts', { userId: 62 })).toContain('Subscribed: alerts for every source');
    expect(await ask(GROUP, '/unsubscribe alerts', { userId: 62 })).toContain('Unsubscribed: alerts');
  });

  it('accepts a channel post (only admins post in a channel)', async () => {
    const CHANNEL = -100888;
    expect(await ask(CHANNEL, '/subscribe digest 07:00 UTC', { chatType: 'channel' })).toContain('daily digest at 07:00 UTC');
    expect(app.subscriptions.subscriptions.forChat('telegram', String(CHANNEL)).filter((s) => s.active).map((s) => s.kind)).toEqual(['digest']);
    app.subscriptions.subscriptions.unsubscribe('telegram', String(CHANNEL));
  });

  it('sends exactly one alert after K cycles off peg, none again after a restart, and exactly one recovery', async () => {
    await cycle();
    await devnet.scenario.setDepeg('v2EMetisWmetis', -80);
    await cycle();
    expect(depegMessages(CHAT)).toEqual([]); // K = 2: one cycle is not enough
    await cycle();
    expect(depegMessages(CHAT)).toHaveLength(1);
    // The devnet pool has no TWAP (V2): spot against a fair value of 1 METIS per eMetis.
    expect(depegMessages(CHAT)[0]).toMatch(
      /Depeg warning: eMetis\/METIS\neMetis trades at 0\.99[12]\d METIS, fair value 1\.0000 METIS: −8\d bps on the spot price \(warning at 50 bps, critical at 200 bps\)\.\nPast the 50 bps warning since \d\d:\d\d UTC \(5 min ago\)\.\nMore: \/apy eMetis-METIS\n\nData: block \d+ on chain 1088, read 0 s ago\./,
    );

    // Restart on the same database: the open alert is remembered, not repeated.
    await app.stop();
    app = await open();
    await cycle();
    await cycle();
    expect(depegMessages(CHAT)).toHaveLength(1);
    expect(await ask(CHAT, '/alerts')).toMatch(/Open: depeg eMetis-METIS \(warning\)/);

    await devnet.scenario.setDepeg('v2EMetisWmetis', 0);
    await cycle();
    await cycle();
    await cycle();
    const messages = depegMessages(CHAT);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/Depeg over: eMetis\/METIS\n.*back under the 50 bps warning; cleared at 30 bps as configured\. The depeg lasted \d+ min \(from \d\d:\d\d UTC\), at worst −8\d bps/);
  }, 120_000);

  it('delivers a digest at its local time (controlled clock) to every subscriber, once', async () => {
    expect(await ask(CHAT, '/subscribe digest 08:30 Europe/Berlin')).toContain('daily digest at 08:30 Europe/Berlin');
    expect(await ask(OTHER, '/subscribe digest 8:30 europe/berlin')).toContain('08:30 Europe/Berlin');
    let t = wall + 60_000;
    while (localTime(t, 'Europe/Berlin').minutes !== 8 * 60 + 30) t += 60_000;
    expect(app.subscriptions.digests.tick(t - 60_000)).toBe(0);
    expect(app.subscriptions.digests.tick(t)).toBe(2);
    expect(app.subscriptions.digests.tick(t + 60_000)).toBe(0);
    expect(app.subscriptions.digests.tick(t)).toBe(0);
    await app.subscriptions.worker.drain();
    for (const chat of [CHAT, OTHER]) {
      const digests = telegram.messagesTo(chat).filter((m) => m.plain.includes('Daily digest'));
      expect(digests).toHaveLength(1);
      expect(digests[0]!.plain).toMatch(/^Daily digest · \w{3} \d{1,2} \w{3} \d{4} · 08:30 Europe\/Berlin\n/);
      // The bot has run for minutes of devnet time: the changes say why they are missing.
      expect(digests[0]!.plain).toMatch(/ENKI seMetis: 24 h APY — \(history < 24 h\) · Δ24h — \(history < 24 h\) · Δ7d — \(history < 7 d\)/);
      expect(digests[0]!.plain).toMatch(/Sequencer mining: nominal APY 17\.08% · Δ24h — \(history < 24 h\) · Δ7d — \(history < 7 d\)/);
      expect(digests[0]!.plain).toMatch(/\nData: read [\dhmins ]+ ago\. Δ: change in percentage points \(pp\) over 24 h and 7 d\.$/);
      expect(digests[0]!.plain).toContain('Tower leverage');
      expect(digests[0]!.plain).toContain('Open alerts');
    }
    // The next day's digest is a new one.
    expect(app.subscriptions.digests.tick(t + 86_400_000)).toBe(2);
    await app.subscriptions.worker.drain();
  }, 60_000);

  it('announces a reward change at once, then an APY drop after K cycles (the cut lowered the nominal APR 25 %)', async () => {
    const SEQ = 5353;
    expect(await ask(SEQ, '/subscribe alerts sequencer')).toContain('alerts for sequencer');
    await cycle();
    await devnet.scenario.setRewardPerBlock(15_000_000_000_000_000n);
    await cycle();
    const reward = telegram.messagesTo(SEQ).filter((m) => m.plain.includes('Reward change'));
    expect(reward).toHaveLength(1);
    // 0.015 METIS per 4 s block over 1,000,000 locked: 0.015 × 7,884,000 / 1,000,000 = 11.83 %; at 0.02: 15.77 %.
    // The devnet config has no explorer (local chains): the full hash, unlinked.
    expect(reward[0]!.plain).toMatch(
      /Reward change: Sequencer mining\nReward 0\.0200 → 0\.0150 METIS per L2 block, −25\.0 %\.\nNominal APR 15\.77% → 11\.83% \(locked METIS and block time as now\)\.\nTransaction 0x[0-9a-f]{64} in block \d+ on chain 1, \d\d:\d\d UTC \(\d+ (s|min) ago\)\.\nMore: \/apy sequencer$/,
    );
    expect(reward[0]!.entities.some((e) => e.type === 'text_link')).toBe(false);
    expect(telegram.messagesTo(SEQ).filter((m) => m.plain.includes('APY drop'))).toHaveLength(0);
    await cycle();
    const drops = telegram.messagesTo(SEQ).filter((m) => m.plain.includes('APY drop'));
    expect(drops).toHaveLength(1);
    // The average is of APR × block time over the stored 7 d, at today's block time: mostly the APR before the cut.
    expect(drops[0]!.plain).toMatch(/APY drop: Sequencer mining\nThe nominal APR is 11\.83% now against its 7 d average of 1[45]\.\d\d%: [23]\.\d\d pp \(2\d\.\d %\) lower \(alerts at 20 % or 3 pp below\)\.\nBelow the threshold since \d\d:\d\d UTC \(5 min ago\)\.\nMore: \/apy sequencer/);
    await cycle();
    expect(telegram.messagesTo(SEQ).filter((m) => /Reward change|APY drop/.test(m.plain))).toHaveLength(2);
  }, 60_000);

  it('turns a chat off when Telegram answers 403, and /alerts says when, why and how to turn it back on', async () => {
    const BLOCKER = 5454;
    expect(await ask(BLOCKER, '/subscribe alerts')).toContain('Subscribed: alerts for every source');
    expect(await ask(BLOCKER, '/subscribe digest 10:00 UTC')).toContain('daily digest at 10:00 UTC');
    // The user blocks the bot: the next send to that chat answers 403.
    telegram.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', chatId: BLOCKER });
    let t = wall + 60_000;
    while (localTime(t, 'UTC').minutes !== 10 * 60) t += 60_000;
    const before = Date.now();
    expect(app.subscriptions.digests.tick(t)).toBeGreaterThanOrEqual(1);
    await app.subscriptions.worker.drain();
    const subs = app.subscriptions.subscriptions.forChat('telegram', String(BLOCKER));
    expect(subs.map((s) => [s.kind, s.active, s.deactivated?.reason])).toEqual([
      ['alerts', false, '403 Forbidden: bot was blocked by the user'],
      ['digest', false, '403 Forbidden: bot was blocked by the user'],
    ]);
    // Delivery runs on real time: the deactivation is stamped when the 403 came back.
    const at = subs[0]!.deactivated!.at;
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    // The user unblocks the bot and asks.
    const status = await ask(BLOCKER, '/alerts');
    expect(status).toContain('Alerts: off (/subscribe alerts) · Digest: off (/subscribe digest)');
    expect(status).toContain(
      `Alerts and digest were turned off on ${utcDayTime(at, wall)} because Telegram answered 403: bot was blocked by the user. To turn them back on: /subscribe alerts, /subscribe digest.`,
    );
    // Re-subscribing clears it, kind by kind.
    await ask(BLOCKER, '/subscribe alerts');
    expect(await ask(BLOCKER, '/alerts')).toContain(`Digest was turned off on ${utcDayTime(at, wall)} because Telegram answered 403: bot was blocked by the user. To turn it back on: /subscribe digest.`);
    await ask(BLOCKER, '/subscribe digest 10:00 UTC');
    expect(await ask(BLOCKER, '/alerts')).not.toContain('turned off');
  }, 60_000);

  it('unsubscribes', async () => {
    expect(await ask(OTHER, '/unsubscribe')).toContain('Unsubscribed: digest and alerts');
    expect(app.subscriptions.subscriptions.forChat('telegram', String(OTHER)).map((s) => [s.kind, s.active])).toEqual([['digest', false]]);
  });
});
