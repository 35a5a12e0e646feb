import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { chatThresholds } from '../../src/alerts/rules/ruleParams.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import type { SequencersView } from '../../src/figures/sequencersViewTypes.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import type { SequencerRecord } from '../../src/sources/sequencerRecord.ts';
import { context as fixtureContext } from '../commands/snapshotFixture.ts';
import { config as fixtureConfig, DAY, E18, NOW, record, source, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

const HOUR = 3_600;
const MIN = 60_000;

describe("one sequencer's own alerts (/subscribe alerts sequencer <name>)", () => {
  const store = storeWithHistory();
  const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
  const { subscriptions, outbox } = sqliteAlertEngine(config, store);
  // Chat 1 wants everything, chat 2 sequencer 2 only, chat 3 everything and sequencer 4.
  subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'alerts', assets: [] }, 0);
  subscriptions.subscribe({ platform: 'telegram', chatId: '2', kind: 'alerts', assets: ['sequencer:2'] }, 0);
  subscriptions.subscribe({ platform: 'telegram', chatId: '3', kind: 'alerts', assets: ['all', 'sequencer:4'] }, 0);
  const engine = () => sqliteAlertEngine(config, store).engine; // a new engine each time: what a restart does
  const snapshotOf = (view: SequencersView): Snapshot => ({
    sources: [{ id: 'sequencer', label: 'Sequencer mining', kind: 'sequencer', chainId: 1, lastRead: { blockNumber: 1n, blockTime: view.blockTime, observedAt: view.blockTime * 1000 - MIN }, staleAfterSeconds: 900 }],
    tower,
    sequencers: view,
    chains: [],
  });
  /** Reads at `time`: sequencer 1 and 2 earn `earned` (METIS), sequencer 4 earns `of4`; sequencer 2 with `status2`. */
  const observe = (time: number, earned: bigint, of4: bigint, status2 = 2): SequencerRecord[] => {
    const sequencers = [record(1, 2, 310_000n, 500n + earned), record(2, status2, 200_000n, earned, status2 === 1 ? time + 21 * DAY : 0), record(3, 1, 150_000n, 0n, NOW + 21 * DAY), record(4, 2, 340_000n, of4), record(5, 3, 0n, 0n)];
    store.addObservation({ sourceId: 'sequencer', chainId: 1, blockNumber: BigInt(time), blockTime: time, observedAt: time * 1000, values: { totalLocked: 1_000_000n * E18 }, sequencers });
    return sequencers;
  };
  const evaluateAt = (time: number) => {
    const view = sequencersView({ config: fixtureConfig, source, observation: store.latestObservation('sequencer')!, store, tower })!;
    engine().evaluate(snapshotOf(view), time * 1000);
    return view;
  };
  const sent = () => outbox.due(Number.MAX_SAFE_INTEGER, 1_000).map((m) => ({ chat: m.chatId, key: m.key, text: renderText(m.reply) }));
  const ownOnly = () => sent().filter((m) => /^(alert:\d+:reward-stall|sequencer-status|sequencer-claim)/.test(m.key));

  it('GIVEN sequencer 4 earning nothing for over a day while active THEN after K cycles one alert, only to the chat that named it', () => {
    evaluateAt(NOW); // places the cursors
    // Hourly reads: sequencers 1 and 2 earn 10 METIS an hour, sequencer 4 nothing since NOW.
    let t = NOW;
    for (let h = 1; h <= 26; h++) {
      t = NOW + h * HOUR;
      observe(t, BigInt(10 * h), 0n);
      const view = evaluateAt(t);
      if (h === 24) expect(view.rows.find((r) => r.seqId === 4)!.rewardFlatSince).toBe(NOW);
    }
    // 24 h flat at the 24th read (the first cycle at the threshold), 25 h at the 25th (K = 2): fired once, to chat 3 only.
    const stall = ownOnly();
    expect(stall.map((m) => m.chat)).toEqual(['3']);
    expect(stall[0]!.text).toContain('⏸️ Sequencer 0x4444…4444: reward not growing');
    expect(stall[0]!.text).toContain('has not grown for 25 h since 2025-10-09 08:53 UTC (alert at 24 h)');
    // Sequencers 1 and 2 kept earning: no stall for them anywhere.
    expect(sent().filter((m) => m.key.includes('reward-stall:sequencer:1') || m.key.includes('reward-stall:sequencer:2'))).toEqual([]);
  });

  it('GIVEN its reward growing again THEN one recovery with the worst hours, to the same chat only', () => {
    const before = ownOnly().length;
    for (let h = 27; h <= 29; h++) {
      const t = NOW + h * HOUR;
      observe(t, BigInt(10 * h), BigInt(h));
      evaluateAt(t);
    }
    const recovery = ownOnly().slice(before);
    expect(recovery.map((m) => m.chat)).toEqual(['3']);
    expect(recovery[0]!.text).toContain('✅ Sequencer 0x4444…4444: its reward grows again');
    expect(recovery[0]!.text).toContain('Its reward had stood still for up to 26 h (alert at 24 h).');
  });

  it('GIVEN sequencer 2 starting its exit and claiming THEN both at once, only to chat 2, and not again after a restart', () => {
    const before = ownOnly().length;
    const t = NOW + 30 * HOUR;
    observe(t, 300n, 30n, 1);
    store.addEvents([{ sourceId: 'sequencer', chainId: 1, name: 'ClaimRewards', blockNumber: 5_000n, blockTime: t, logIndex: 1, txHash: '0xc1', args: { sequencerId: 2n, recipient: 0x2222n, amount: 120n * E18, totalAmount: 120n * E18 } }]);
    evaluateAt(t);
    const news = ownOnly().slice(before);
    expect(news.map((m) => [m.chat, m.text.split('\n')[0]])).toEqual([
      ['2', '🔁 Sequencer Beta: active → exiting (claimable from 2025-10-31 UTC)'],
      ['2', '💰 Sequencer Beta claimed 120 METIS'],
    ]);
    expect(news[1]!.text).toContain('Paid to 0x0000000000000000000000000000000000002222; 300 METIS stays unclaimed.');
    evaluateAt(t + 300);
    expect(ownOnly().slice(before)).toHaveLength(2);
  });

  it('GIVEN 60 claims between two cycles (a catch-up) THEN every one is announced, once', () => {
    const before = ownOnly().length;
    const t = NOW + 31 * HOUR;
    observe(t, 400n, 40n, 1);
    store.addEvents(
      Array.from({ length: 60 }, (_, i) => ({ sourceId: 'sequencer', chainId: 1, name: 'ClaimRewards', blockNumber: 6_000n + BigInt(i), blockTime: t - 600 + i, logIndex: 0, txHash: `0xd${i}`, args: { sequencerId: 2n, recipient: 0x2222n, amount: BigInt(i + 1) * E18, totalAmount: 0n } })),
    );
    evaluateAt(t);
    evaluateAt(t + 300);
    const claims = ownOnly().slice(before).filter((m) => m.key.startsWith('sequencer-claim'));
    expect(claims).toHaveLength(60);
    expect(claims.map((m) => m.text.split('\n')[0])).toEqual(Array.from({ length: 60 }, (_, i) => `💰 Sequencer Beta claimed ${i + 1} METIS`));
  });
});

describe('/subscribe alerts sequencer <name>', () => {
  const store = storeWithHistory();
  const view = sequencersView({ config: fixtureConfig, source, observation: store.latestObservation('sequencer')!, store, tower })!;
  const base = fixtureContext;
  const context: CommandContext = {
    ...base,
    snapshot: () => ({ ...base.snapshot(), sequencers: view }),
    chat: { platform: 'telegram', chatId: '42', userId: '42', kind: 'private', isAdmin: () => true },
    subscriptions: { store: store.subscriptions, openAlerts: () => [], thresholds: () => chatThresholds(fixtureConfig.alerts, { rewardStallHours: 36 }), heldReadings: () => [], digestDefaults: { time: '09:00', timeZone: 'UTC' } },
  };
  const say = (text: string) => renderText(handleCommandText(text, context)!);
  const assets = () => store.subscriptions.forChat('telegram', '42').find((s) => s.kind === 'alerts')?.assets;

  it('GIVEN a chat with every source THEN naming a sequencer keeps everything and adds it', () => {
    expect(say('/subscribe alerts')).toContain('alerts for every source');
    // The reply names the chat's own stall threshold (36 h here, the default is 24).
    expect(say('/subscribe alerts sequencer Beta')).toContain('alerts for sequencer Beta (2): its status changes, its reward claims, and its reward not growing for 36 h while active.');
    expect(assets()).toEqual(['all', 'sequencer:2']);
    expect(say('/subscribe alerts sequencer 4')).toContain('alerts for sequencer 0x4444…4444 (4)');
    expect(assets()).toEqual(['all', 'sequencer:2', 'sequencer:4']);
  });

  it('GIVEN no match or several THEN the same answer /sequencers gives, and nothing changes', () => {
    expect(say('/subscribe alerts sequencer Zeta')).toContain('No sequencer matches "Zeta". Sequencers: 1 Alpha, 2 Beta, 3 Gamma, 4 0x4444…4444, 5 0x5555…5555');
    expect(say('/subscribe alerts sequencer Artemis')).toContain('"Artemis" matches 2 sequencers: 2 Beta, 3 Gamma. Give the id.');
    expect(assets()).toEqual(['all', 'sequencer:2', 'sequencer:4']);
  });
});
