import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { AlertEngine } from '../../src/alerts/alertEngine.ts';
import type { HeadTrack } from '../../src/core/chainHalt.ts';
import { figure } from '../../src/core/figure.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import { chainLiveness } from '../../src/figures/chainLiveness.ts';
import type { ChainView, Snapshot, SourceView } from '../../src/figures/figures.ts';
import { renderDiscord } from '../../src/platforms/renderDiscord.ts';
import { renderTelegramHtml } from '../../src/platforms/renderTelegramHtml.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import { NOW, snapshot as base } from '../commands/snapshotFixture.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

/**
 * Golden texts of every alert, recovery and notice, produced by the real engine from the snapshot fixture and
 * rendered by the real renderers. NOW is 2027-01-15 08:00 UTC; cycles are 5 min apart; the config's defaults
 * apply: K = 2 cycles, clear at 60 % of the threshold, depeg 50 / 200 bps, APY drop 20 % or 3 pp, leverage 10 %.
 */
const MIN = 60_000;
const devnet = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
// Mainnet explorers (the defaults for chains 1 and 1088), and an operator chat for stale data.
const config = {
  ...devnet,
  chains: devnet.chains.map(({ explorer: _none, ...chain }) => chain),
  alerts: { ...devnet.alerts, operatorChat: { platform: 'telegram' as const, chatId: '999' } },
};

/**
 * The fixture at `now`, every source read a minute earlier, with the changes given: an APY comes with the
 * snapshot's 7 d average of it, a leverage with its past point 24 h earlier (1.119×) and its relative change.
 */
function at(now: number, change: { pool?: Partial<Extract<SourceView['figures'], { kind: 'pool' }>>; apy24h?: number; apyAverage7d?: number; leverage?: number; seMetisAgeMs?: number } = {}): Snapshot {
  const sources = base.sources.map((s): SourceView => {
    const ageMs = s.id === 'seMetis' && change.seMetisAgeMs !== undefined ? change.seMetisAgeMs : MIN;
    const fresh = { ...s, lastRead: { ...s.lastRead!, observedAt: now - ageMs } };
    if (s.figures?.kind === 'pool' && change.pool) return { ...fresh, figures: { ...s.figures, ...change.pool } };
    if (s.figures?.kind === 'yield' && change.apy24h !== undefined) {
      const average = change.apyAverage7d === undefined ? {} : { apy24hAverage7d: figure(change.apyAverage7d) };
      return { ...fresh, figures: { ...s.figures, apy24h: figure(change.apy24h), ...average } };
    }
    return fresh;
  });
  const past = 1.119;
  const tower =
    change.leverage === undefined
      ? base.tower
      : { ...base.tower, leverage: figure(change.leverage), leverage24hAgo: figure(past), leverageRelativeChange24h: figure(change.leverage / past - 1) };
  return { ...base, sources, tower, chains: base.chains.map((c) => ({ ...c, readAt: now - 1_000 })), lastCycle: { startedAt: now - 2_000, finishedAt: now } };
}

/** A 30 min TWAP at `bps` from the fair value of 1 METIS (price 1 + bps / 10,000), spot near fair. */
const twapAt = (bps: number) => ({ twapSeconds: 1800, twapPrice: figure(1 + bps / 10_000), twapDepegBps: figure(bps), depegBps: figure(-5), price: figure(0.9995) });

/** One reply on every platform: console text, Telegram HTML, Discord embed description and footer. */
function rendered(reply: Reply) {
  const [discord] = renderDiscord(reply);
  const embed = discord?.embeds?.[0];
  return { text: renderText(reply), html: renderTelegramHtml(reply).join('\n---\n'), discord: [embed?.description, embed?.footer?.text].filter(Boolean).join('\n-- footer: ') };
}

describe('alert, recovery and notice texts (golden)', () => {
  let store: Storage;
  let outbox: OutboxStore;
  let subscriptions: SubscriptionStore;
  let engine: AlertEngine;

  beforeEach(() => {
    ({ store, outbox, subscriptions, engine } = sqliteAlertEngine(config));
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'alerts' }, 0);
  });

  afterEach(() => store.close());

  /** The messages queued so far (for chat `chatId`), oldest first, with their keys. */
  const queued = (chatId = '1') => outbox.due(Number.MAX_SAFE_INTEGER, 100).filter((m) => m.chatId === chatId);
  const texts = (chatId = '1') => queued(chatId).map((m) => rendered(m.reply));

  it('depeg: warning, escalation and recovery on the TWAP, with price, fair value, start, worst and clear level', () => {
    // 08:00 crosses (−120 bps), 08:05 fires (K = 2), 08:10 −250 crosses critical, 08:15 −320 escalates,
    // 08:20–08:30 back to −40 (still above the 30 bps clear line), 08:35 −10 and 08:40 −12 recover.
    const readings = [-120, -130, -250, -320, -40, -40, -40, -10, -12];
    readings.forEach((bps, i) => engine.evaluate(at(NOW + i * 5 * MIN, { pool: twapAt(bps) }), NOW + i * 5 * MIN));
    expect(queued().map((m) => m.key)).toEqual([
      'alert:1:depeg:eMetis-METIS:1:fire:warning',
      'alert:1:depeg:eMetis-METIS:1:escalate:critical',
      'alert:1:depeg:eMetis-METIS:1:recover:ok',
    ]);
    const [fire, escalate, recover] = texts();
    // 1 − 130 / 10,000 = 0.9870 METIS; first crossed at 08:00, fired at 08:05: 5 min ago.
    expect(fire!.text).toBe(
      [
        '⚠️ Depeg warning: eMetis/METIS',
        'eMetis trades at 0.9870 METIS, fair value 1.0000 METIS: −130 bps on the 30 min TWAP price (warning at 50 bps, critical at 200 bps).',
        'Past the 50 bps warning since 08:00 UTC (5 min ago).',
        'More: /apy eMetis-METIS',
        '',
        '(Data: block 200 on chain 1088, read 1 min ago.)',
      ].join('\n'),
    );
    expect(fire!.html).toBe(
      '<b>⚠️ Depeg warning: eMetis/METIS</b>\neMetis trades at 0.9870 METIS, fair value 1.0000 METIS: −130 bps on the 30 min TWAP price (warning at 50 bps, critical at 200 bps).\nPast the 50 bps warning since 08:00 UTC (5 min ago).\nMore: /apy eMetis-METIS\n\n<i>Data: block 200 on chain 1088, read 1 min ago.</i>',
    );
    expect(fire!.discord).toBe(
      '**⚠️ Depeg warning: eMetis/METIS**\neMetis trades at 0.9870 METIS, fair value 1.0000 METIS: −130 bps on the 30 min TWAP price (warning at 50 bps, critical at 200 bps).\nPast the 50 bps warning since 08:00 UTC (5 min ago).\nMore: /apy eMetis-METIS\n-- footer: Data: block 200 on chain 1088, read 1 min ago.',
    );
    // Escalated at 08:15 on −320 (0.9680 METIS), the worst so far; the episode started at 08:00, 15 min before.
    expect(escalate!.text).toBe(
      [
        '🚨 Depeg escalated to critical: eMetis/METIS',
        'eMetis trades at 0.9680 METIS, fair value 1.0000 METIS: −320 bps on the 30 min TWAP price (warning at 50 bps, critical at 200 bps).',
        'Past the 50 bps warning since 08:00 UTC (15 min ago), at worst −320 bps (08:15 UTC).',
        'More: /apy eMetis-METIS',
        '',
        '(Data: block 200 on chain 1088, read 1 min ago.)',
      ].join('\n'),
    );
    // Cleared at 08:40 (−12 bps = 0.9988 METIS, the second cycle under 30 bps): 40 min after 08:00, worst −320 at 08:15.
    expect(recover!.text).toBe(
      [
        '✅ Depeg over: eMetis/METIS',
        'eMetis trades at 0.9988 METIS, fair value 1.0000 METIS: −12 bps on the 30 min TWAP price, back under the 50 bps warning; cleared at 30 bps as configured. The depeg lasted 40 min (from 08:00 UTC), at worst −320 bps (08:15 UTC).',
        'More: /apy eMetis-METIS',
        '',
        '(Data: block 200 on chain 1088, read 1 min ago.)',
      ].join('\n'),
    );
  });

  it('depeg: critical at once on spot (no TWAP), with the spot price', () => {
    // −300 bps of 1 METIS fair: 0.9700.
    for (let i = 0; i < 2; i++) engine.evaluate(at(NOW + i * 5 * MIN, { pool: { depegBps: figure(-300), price: figure(0.97) } }), NOW + i * 5 * MIN);
    expect(texts().map((t) => t.text)).toEqual([
      [
        '🚨 Depeg critical: eMetis/METIS',
        'eMetis trades at 0.9700 METIS, fair value 1.0000 METIS: −300 bps on the spot price (warning at 50 bps, critical at 200 bps).',
        'Past the 50 bps warning since 08:00 UTC (5 min ago).',
        'More: /apy eMetis-METIS',
        '',
        '(Data: block 200 on chain 1088, read 1 min ago.)',
      ].join('\n'),
    ]);
  });

  it('APY drop and recovery: the 24 h APY then (7 d average) and now, the drop in pp and %, the thresholds', () => {
    // A 7 d average of 26.55 % (the snapshot's; test/figures/sevenDayFigures.test.ts computes it from the history).
    // 18.20 % is 8.35 pp and 8.35 / 26.55 = 31.45 % under 26.55 %: past both 20 % and 3 pp. 25.10 % is 1.45 pp
    // (5.5 %) under: within the clear lines of 12 % and 1.8 pp.
    const apys = [0.182, 0.182, 0.19, 0.251, 0.251];
    apys.forEach((apy, i) => engine.evaluate(at(NOW + i * 5 * MIN, { apy24h: apy, apyAverage7d: 0.2655, seMetisAgeMs: 2 * MIN }), NOW + i * 5 * MIN));
    const [fire, recover] = texts();
    expect(fire!.text).toBe(
      [
        '⚠️ APY drop: seMetis <vault> & co',
        'The 24 h APY is 18.20% now against its 7 d average of 26.55%: 8.35 pp (31.5 %) lower (alerts at 20 % or 3 pp below).',
        'Below the threshold since 08:00 UTC (5 min ago).',
        'More: /apy seMetis',
        '',
        '(Data: block 200 on chain 1088, read 2 min ago.)',
      ].join('\n'),
    );
    // The label is escaped on each platform: < > & in HTML, nothing to escape for Discord but the markdown.
    expect(fire!.html.split('\n')[0]).toBe('<b>⚠️ APY drop: seMetis &lt;vault&gt; &amp; co</b>');
    expect(fire!.discord.split('\n')[0]).toBe('**⚠️ APY drop: seMetis \\<vault> & co**');
    expect(recover!.text).toBe(
      [
        '✅ APY recovered: seMetis <vault> & co',
        'The 24 h APY is 25.10% now against its 7 d average of 26.55%: back within 20 % or 3 pp of it; cleared within 12 % or 1.8 pp as configured. The drop lasted 20 min (from 08:00 UTC); lowest 18.20% (08:00 UTC).',
        'More: /apy seMetis',
        '',
        '(Data: block 200 on chain 1088, read 2 min ago.)',
      ].join('\n'),
    );
  });

  it('tower leverage moved and settled: then and now, the change, the trigger, the largest move', () => {
    // 1.278 / 1.119 − 1 = +14.21 %; 1.150 / 1.119 − 1 = +2.77 % (under the 6 % clear line). K = 1 for leverage.
    [1.278, 1.3, 1.15].forEach((leverage, i) => engine.evaluate(at(NOW + i * 5 * MIN, { leverage }), NOW + i * 5 * MIN));
    const [moved, settled] = texts();
    expect(moved!.text).toBe(
      [
        '⚠️ Tower leverage moved',
        'Leverage 1.278× now against 1.119× 24 h earlier: +14.2 % (alerts at ±10 % in 24 h).',
        'Past ±10 % since 08:00 UTC (just now).',
        'More: /leverage',
        '',
        '(Data: block 100 on chain 1, read 1 min ago.)',
      ].join('\n'),
    );
    // 1.300 / 1.119 − 1 = +16.2 % at 08:05 is the largest move.
    expect(settled!.text).toBe(
      [
        '✅ Tower leverage settled',
        'Leverage 1.150× now against 1.119× 24 h earlier: +2.8 %, back under the 10 % trigger; cleared at 6 % as configured. The move lasted 10 min (from 08:00 UTC); largest move +16.2 % (08:05 UTC).',
        'More: /leverage',
        '',
        '(Data: block 100 on chain 1, read 1 min ago.)',
      ].join('\n'),
    );
  });

  it('reward change: rounded METIS per block, the change in %, old → new nominal APR, the transaction linked per platform', () => {
    const event = (oldReward: bigint, newReward: bigint, txHash: string, block: bigint) => ({
      sourceId: 'sequencer', chainId: 1, name: 'RewardUpdate', blockNumber: block, blockTime: NOW / 1000 - 600, logIndex: 0, txHash, args: { oldReward, newReward },
    });
    engine.evaluate(at(NOW), NOW); // sets the cursor: history before the bot ran is not news
    const tx = `0x${'ab'.repeat(31)}cd`;
    store.addEvents([event(12_478_422_370_000_000n, 15_000_000_000_000_000n, tx, 101n)]);
    // The snapshot says 0.015 METIS per block now at a nominal APR of 23.55 %: 0.0125 METIS gives 23.55 × 0.01247842237 / 0.015 = 19.59 %.
    const sequencer = { rewardPerBlock: figure(0.015), nominalApr: figure(0.2355) };
    const snapshot = at(NOW + 5 * MIN);
    const withReward = { ...snapshot, sources: snapshot.sources.map((s) => (s.figures?.kind === 'sequencer' ? { ...s, figures: { ...s.figures, ...sequencer } } : s)) };
    engine.evaluate(withReward, NOW + 5 * MIN);
    const [notice] = texts();
    const url = `https://etherscan.io/tx/${tx}`;
    // 0.015 / 0.01247842237 − 1 = +20.21 %; the event's block time is 07:50 UTC, 15 min before 08:05.
    expect(notice!.text).toBe(
      [
        '🔔 Reward change: Sequencer mining',
        'Reward 0.0125 → 0.0150 METIS per L2 block, +20.2 %.',
        'Nominal APR 19.59% → 23.55% (locked METIS and block time as now).',
        `Transaction ${url} in block 101 on chain 1, 07:50 UTC (15 min ago).`,
        'More: /apy sequencer',
      ].join('\n'),
    );
    expect(notice!.html).toContain(`Transaction <a href="${url}">0xababab…ababcd</a> in block 101 on chain 1`);
    expect(notice!.discord).toContain(`Transaction [0xababab…ababcd](${url}) in block 101 on chain 1`);
  });

  it('reward change on a chain with no explorer: the full hash, no link', () => {
    const noExplorer = { ...config, chains: config.chains.map((c) => (c.id === 1 ? { ...c, explorer: false as const } : c)) };
    const plain = sqliteAlertEngine(noExplorer, store).engine;
    plain.evaluate(at(NOW), NOW);
    const tx = `0x${'12'.repeat(32)}`;
    // 0.02 → 0.01 METIS (three significant digits of the smaller: 0.0100): −50.0 %; the fixture's 15.768 % APR at 0.02 is 7.884 % at 0.01.
    store.addEvents([{ sourceId: 'sequencer', chainId: 1, name: 'RewardUpdate', blockNumber: 102n, blockTime: NOW / 1000, logIndex: 3, txHash: tx, args: { oldReward: 2n * 10n ** 16n, newReward: 10n ** 16n } }]);
    plain.evaluate(at(NOW + 5 * MIN), NOW + 5 * MIN);
    const [notice] = texts();
    expect(notice!.text.split('\n').slice(1, 4)).toEqual([
      'Reward 0.0200 → 0.0100 METIS per L2 block, −50.0 %.',
      'Nominal APR 15.77% → 7.88% (locked METIS and block time as now).',
      `Transaction ${tx} in block 102 on chain 1, 08:00 UTC (5 min ago).`,
    ]);
    expect(notice!.html).toContain(`Transaction <code>${tx}</code>`);
    expect(notice!.html).not.toContain('<a ');
  });

  it('stale data to the operator: how long without a read, the last block, the last error; fresh again with the worst age', () => {
    // seMetis read 40 min before each of two cycles (stale after 30 min), then a minute before the third.
    [40, 45, 1].forEach((ageMin, i) => engine.evaluate(at(NOW + i * 5 * MIN, { seMetisAgeMs: ageMin * MIN }), NOW + i * 5 * MIN));
    const [stale, fresh] = texts('999');
    expect(stale!.text).toBe(
      [
        '⚠️ Stale data: seMetis <vault> & co',
        'No good read for 40 min (last at 07:20 UTC, block 200 on chain 1088); stale after 30 min. No alert uses it until it is fresh.',
        'Last error: convertToAssets reverted: <boom>',
        'More: /status',
      ].join('\n'),
    );
    expect(fresh!.text).toBe(
      [
        '✅ Data fresh again: seMetis <vault> & co',
        'Read 1 min ago at block 200 on chain 1088; back under the 30 min stale limit. It was stale for 10 min (from 08:00 UTC); at worst no good read for 45 min.',
        'More: /status',
      ].join('\n'),
    );
  });

  it('chain halt and recovery: the head, since when, the limit, how long it stood', () => {
    const l2 = (now: number, stoodSince: number): ChainView => {
      const readAt = now - 1_000;
      const track: HeadTrack = { number: 237n, time: Math.floor(stoodSince / 1000), seenAt: stoodSince, advanceSeen: true, readAt, previousReadAt: readAt - 5 * MIN };
      return { id: 1088, name: 'Devnet L2', rpc: { chainId: 1088, inUse: 'http://127.0.0.1:9545', endpoints: [] }, head: { number: 237n, time: track.time }, readAt, liveness: chainLiveness(track, 300) };
    };
    const stop = NOW - 5 * MIN;
    // Stood since 07:55: 299 s at the read of 08:00 (not yet), 599 s and 899 s; moves at the read of 08:15.
    for (let i = 0; i < 6; i++) {
      const now = NOW + i * 5 * MIN;
      const snapshot = at(now);
      engine.evaluate({ ...snapshot, chains: [...snapshot.chains, l2(now, i < 3 ? stop : now - 2_000)] }, now);
    }
    const [halt, resumed] = texts();
    expect(halt!.text).toBe(
      [
        '⚠️ Devnet L2 has produced no block for 14 min',
        'Head #237 (chain 1088), unchanged since 07:55 UTC (15 min ago): the RPC answers, the chain does not move (halt after 5 min).',
        'Figures from it are as old as that block.',
        'More: /status',
        '',
        '(Data: chain read 1 s ago.)',
      ].join('\n'),
    );
    // The longest reading: 899 s at 08:10 − 1 s, so the head stopped at 07:55:00.
    expect(resumed!.text).toBe(
      [
        '✅ Devnet L2 produces blocks again',
        'New head #237 (chain 1088), back under the 5 min halt limit; its figures are current again. The head had stood still for at least 14 min (from 07:55 UTC).',
        'More: /status',
        '',
        '(Data: chain read 1 s ago.)',
      ].join('\n'),
    );
  });
});
