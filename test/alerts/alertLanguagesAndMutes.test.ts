import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import type { AlertEngine } from '../../src/alerts/alertEngine.ts';
import { RULES } from '../../src/alerts/ruleList.ts';
import { depegRule } from '../../src/alerts/rules/depegRule.ts';
import { haltTargetId } from '../../src/alerts/rules/haltRule.ts';
import { chatThresholds } from '../../src/alerts/rules/ruleParams.ts';
import { sequencerAsset } from '../../src/alerts/rules/sequencerNames.ts';
import { muteCommand, UNSUBSCRIBE_ALERTS } from '../../src/alerts/alertButtons.ts';
import { figure } from '../../src/core/figure.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { Snapshot, SourceView } from '../../src/figures/figures.ts';
import { TOWER_SOURCE_ID } from '../../src/figures/leverageChanges.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import { context as fixtureContext, NOW, snapshot as base } from '../commands/snapshotFixture.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

/**
 * The engine in each chat's language, with a chat's mutes and the buttons under every alert: real engine, real
 * SQLite store and outbox, the snapshot fixture (NOW is 2027-01-15 08:00 UTC), cycles 5 min apart, K = 2.
 */
const MIN = 60_000;
const devnet = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
const config = { ...devnet, alerts: { ...devnet.alerts, operatorChat: { platform: 'telegram' as const, chatId: '999' } } };

/** The fixture at `now`, every source read a minute before, the eMetis/METIS pool at `bps` on spot (fair value 1 METIS). */
function withPool(bps: number, now: number): Snapshot {
  const sources = base.sources.map((s): SourceView => {
    const fresh = { ...s, lastRead: { ...s.lastRead!, observedAt: now - MIN } };
    return s.figures?.kind === 'pool' ? { ...fresh, figures: { ...s.figures, depegBps: figure(bps), price: figure(1 + bps / 10_000) } } : fresh;
  });
  return { ...base, sources };
}

describe('alerts in each chat language, mutes and buttons', () => {
  let store: Storage;
  let outbox: OutboxStore;
  let subscriptions: SubscriptionStore;
  let engine: AlertEngine;

  beforeEach(() => {
    ({ store, outbox, subscriptions, engine } = sqliteAlertEngine(config));
    // Three chats with the default thresholds (one group): 1 and 3 in English, 2 chose Chinese with /lang.
    for (const chatId of ['1', '2', '3']) subscriptions.subscribe({ platform: 'telegram', chatId, kind: 'alerts' }, 0);
    subscriptions.setLanguage('telegram', '2', 'zh-CN');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    store.close();
  });

  const rows = (chatId: string) => outbox.due(Number.MAX_SAFE_INTEGER, 100).filter((m) => m.chatId === chatId);
  const keys = (chatId: string) => rows(chatId).map((m) => m.key);
  const cycle = (bps: number, i: number) => engine.evaluate(withPool(bps, NOW + i * 5 * MIN), NOW + i * 5 * MIN);

  it('GIVEN two chats of one group in different languages THEN one cycle gives each its own text, each language built once', () => {
    const built = vi.spyOn(depegRule, 'message');
    cycle(-120, 0);
    cycle(-130, 1);
    expect(['1', '2', '3'].map(keys)).toEqual([['alert:1:depeg:eMetis-METIS:1:fire:warning'], ['alert:2:depeg:eMetis-METIS:1:fire:warning'], ['alert:3:depeg:eMetis-METIS:1:fire:warning']]);
    // Three chats, two languages: two messages built, in English and in Chinese.
    expect(built.mock.calls.map((call) => call[4].locale)).toEqual(['en', 'zh-CN']);
    const [english] = rows('1');
    const [chinese] = rows('2');
    expect(renderText(english!.reply).split('\n')[0]).toBe('⚠️ Depeg warning: eMetis/METIS');
    expect(renderText(chinese!.reply).split('\n')).toEqual([
      '⚠️ 脱锚警告：eMetis/METIS',
      'eMetis 成交价 0.9870 METIS，公允价值 1.0000 METIS：以现货价格计脱锚 −130 bps（警告线 50 bps，严重线 200 bps）。',
      '自 08:00 UTC（5 min 前）起超过 50 bps 警告线。',
      '更多：/apy eMetis-METIS',
      '',
      '(数据：链 1088 的区块 200，1 min 前读取。)',
    ]);
    expect(rows('3')[0]!.reply).toEqual(english!.reply);
  });

  it('GIVEN a chat that picks a language between cycles THEN its next message is in that language', () => {
    cycle(-120, 0);
    subscriptions.setLanguage('telegram', '3', 'zh-CN');
    cycle(-130, 1);
    expect(renderText(rows('3')[0]!.reply)).toMatch(/^⚠️ 脱锚警告：eMetis\/METIS/);
  });

  it('GIVEN the operator chat chose Chinese THEN its stale-data notice is in Chinese', () => {
    subscriptions.setLanguage('telegram', '999', 'zh-CN');
    const stale = withPool(0, NOW);
    const old = { ...stale, sources: stale.sources.map((s) => (s.id === 'seMetis' ? { ...s, lastRead: { ...s.lastRead!, observedAt: NOW - 40 * MIN } } : s)) };
    engine.evaluate(old, NOW);
    expect(renderText(rows('999')[0]!.reply).split('\n').slice(0, 2)).toEqual([
      '⚠️ 数据过期：seMetis <vault> & co',
      '已 40 min 没有成功读取（最后一次在 07:20 UTC，链 1088 的区块 200）；超过 30 min 即视为过期。恢复之前任何预警都不使用它。',
    ]);
  });

  it('GIVEN a chat that muted the depeg of a pool THEN it gets nothing while another chat gets the alert; after the mute it hears the next transition, not a replay', () => {
    cycle(-120, 0); // the crossing is pending (K = 2)
    // What `/alerts mute depeg eMetis-METIS 0.5` stores: chat 2 until 08:30; chat 3 mutes another pool.
    subscriptions.mute('telegram', '2', { rule: 'depeg', sourceId: 'eMetis-METIS', until: NOW + 30 * MIN });
    subscriptions.mute('telegram', '3', { rule: 'depeg', sourceId: 'seMetis-METIS', until: NOW + 30 * MIN });
    cycle(-130, 1); // fires at 08:05
    cycle(-250, 2);
    cycle(-320, 3); // escalates at 08:15
    expect(keys('1')).toEqual(['alert:1:depeg:eMetis-METIS:1:fire:warning', 'alert:1:depeg:eMetis-METIS:1:escalate:critical']);
    expect(keys('3')).toEqual(['alert:3:depeg:eMetis-METIS:1:fire:warning', 'alert:3:depeg:eMetis-METIS:1:escalate:critical']);
    expect(keys('2')).toEqual([]);
    // Its state stepped all the same: the alert is open at critical in chat 2.
    expect(engine.openAlerts(subscriptions.forChat('telegram', '2')[0]!)).toMatchObject([{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'critical' }]);
    // 08:30: the mute has ended (no write needed); 08:35 and 08:40 under the clear line: the recovery comes to every chat.
    for (let i = 4; i <= 8; i++) cycle(i < 7 ? -320 : -10, i);
    expect(keys('2')).toEqual(['alert:2:depeg:eMetis-METIS:1:recover:ok']);
    expect(renderText(rows('2')[0]!.reply).split('\n')[0]).toBe('✅ 脱锚解除：eMetis/METIS');
    expect(keys('1')).toHaveLength(3);
  });

  it('GIVEN an alert THEN "Mute 24 h" and "Unsubscribe" under it, in the chat language, stored with the reply in the outbox row', () => {
    cycle(-120, 0);
    cycle(-130, 1);
    const [row] = rows('1');
    expect(row).toMatchObject({ key: 'alert:1:depeg:eMetis-METIS:1:fire:warning', platform: 'telegram', chatId: '1', subscriptionId: 1 });
    expect(row!.reply.controls).toEqual([
      {
        kind: 'buttons',
        actions: [
          { label: 'Mute 24 h', command: '/alerts mute depeg eMetis-METIS' },
          { label: 'Unsubscribe', command: '/unsubscribe alerts' },
        ],
      },
    ]);
    expect(rows('2')[0]!.reply.controls?.[0]?.actions.map((a) => a.label)).toEqual(['静音 24 h', '取消订阅']);
    // New messages, not edits: each answer comes as its own message.
    for (const action of row!.reply.controls![0]!.actions) expect(encodeAction(action)).toBe(`1n${action.command}`);
  });

  it('GIVEN a notice (a reward change) THEN it has the same buttons, muting the reward rule of its source', () => {
    engine.evaluate(withPool(0, NOW), NOW); // places the cursors
    store.addEvents([{ sourceId: 'sequencer', chainId: 1, name: 'RewardUpdate', blockNumber: 101n, blockTime: NOW / 1000, logIndex: 0, txHash: `0x${'ab'.repeat(32)}`, args: { oldReward: 10n ** 16n, newReward: 2n * 10n ** 16n } }]);
    engine.evaluate(withPool(0, NOW + 5 * MIN), NOW + 5 * MIN);
    expect(rows('2')[0]!.reply.controls?.[0]?.actions.map((a) => a.command)).toEqual(['/alerts mute reward sequencer', '/unsubscribe alerts']);
    expect(renderText(rows('2')[0]!.reply).split('\n')[0]).toBe('🔔 奖励变更：Sequencer mining');
    // A muted notice stays away from that chat only.
    subscriptions.mute('telegram', '1', { rule: 'reward', sourceId: 'sequencer', until: NOW + 60 * MIN });
    store.addEvents([{ sourceId: 'sequencer', chainId: 1, name: 'RewardUpdate', blockNumber: 102n, blockTime: NOW / 1000 + 300, logIndex: 0, txHash: `0x${'cd'.repeat(32)}`, args: { oldReward: 2n * 10n ** 16n, newReward: 10n ** 16n } }]);
    engine.evaluate(withPool(0, NOW + 10 * MIN), NOW + 10 * MIN);
    expect([keys('1').length, keys('2').length]).toEqual([1, 2]);
  });

  it('GIVEN the Unsubscribe button THEN its command, run as typed, stops the chat alerts: the next alert goes to the others only', () => {
    cycle(-120, 0);
    cycle(-130, 1);
    const unsubscribe = rows('1')[0]!.reply.controls![0]!.actions[1]!;
    const context: CommandContext = {
      ...fixtureContext,
      chat: { platform: 'telegram', chatId: '1', userId: '1', kind: 'private', isAdmin: () => true },
      subscriptions: { store: subscriptions, openAlerts: () => [], thresholds: () => chatThresholds(config.alerts, {}), heldReadings: () => [], digestDefaults: { time: '09:00', timeZone: 'UTC' } },
    };
    expect(renderText(handleCommandText(unsubscribe.command, context)!)).toMatch(/alerts/i);
    expect(subscriptions.forChat('telegram', '1').filter((s) => s.active)).toEqual([]);
    for (let i = 2; i <= 3; i++) cycle(-320, i); // escalates
    expect(keys('1')).toHaveLength(1);
    expect(keys('3')).toEqual(['alert:3:depeg:eMetis-METIS:1:fire:warning', 'alert:3:depeg:eMetis-METIS:1:escalate:critical']);
  });

  it.each([
    ['devnet', 'config/devnet.yaml'],
    ['default', 'config/default.yaml'],
  ])("GIVEN the %s config THEN every rule's mute button about every source it can alert on fits Telegram's 64 bytes", (_name, file) => {
    const c = loadConfig(file, { METIS_BOT_DB: ':memory:' });
    const sources = [...c.sources.map((s) => s.id), TOWER_SOURCE_ID, ...c.chains.map((ch) => haltTargetId(ch.id)), sequencerAsset(99_999)];
    const commands = RULES.flatMap((rule) => sources.map((sourceId) => muteCommand(rule.name, sourceId)));
    expect(commands.filter((command) => encodeAction({ command }) === undefined)).toEqual([]);
    expect(encodeAction({ command: UNSUBSCRIBE_ALERTS })).toBeDefined();
  });
});
