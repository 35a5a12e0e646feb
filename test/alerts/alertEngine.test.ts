import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../src/alerts/alertEngine.ts';
import { figure, missing, type Figure } from '../../src/core/figure.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import type { Config } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { Snapshot, SourceView } from '../../src/figures/figures.ts';
import { TOWER_SOURCE_ID } from '../../src/figures/computeSnapshot.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import { NOW, snapshot as base } from '../commands/snapshotFixture.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

const MIN = 60_000;

/** The fixture with the eMetis/METIS pool at `bps` (spot), last read `ageMs` before `now`; `twap` gives it a 30 min TWAP. */
function withPool(bps: number, now: number, ageMs = 60_000, twap?: Figure): Snapshot {
  const sources = base.sources.map((s): SourceView => {
    const fresh = { ...s, lastRead: { ...s.lastRead!, observedAt: now - 60_000 } };
    if (s.figures?.kind !== 'pool') return fresh;
    // Fair value 1 METIS: a price of 1 + bps / 10,000.
    const withTwap = twap ? { twapSeconds: 1800, twapDepegBps: twap, twapPrice: twap.ok ? figure(1 + twap.value / 10_000) : twap } : {};
    return { ...fresh, lastRead: { ...s.lastRead!, observedAt: now - ageMs }, figures: { ...s.figures, depegBps: figure(bps), price: figure(1 + bps / 10_000), ...withTwap } };
  });
  return { ...base, sources };
}

/** The fixture, every source fresh, with the tower at `leverage` against 1.119× 24 h earlier. */
function withLeverage(leverage: number, now: number): Snapshot {
  const tower = { ...base.tower, leverage: figure(leverage), leverage24hAgo: figure(1.119), leverageRelativeChange24h: figure(leverage / 1.119 - 1) };
  return { ...withPool(0, now), tower };
}

describe('AlertEngine with hand-built snapshots', () => {
  let store: Storage;
  let outbox: OutboxStore;
  let subscriptions: SubscriptionStore;
  let engine: AlertEngine;
  let withOperator: Config;

  beforeEach(() => {
    const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    withOperator = { ...config, alerts: { ...config.alerts, operatorChat: { platform: 'telegram' as const, chatId: '999' } } };
    ({ store, outbox, subscriptions, engine } = sqliteAlertEngine(withOperator));
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'alerts' }, 0);
    subscriptions.subscribe({ platform: 'telegram', chatId: '2', kind: 'alerts', assets: ['seMetis'] }, 0);
  });

  afterEach(() => store.close());

  const keys = () => outbox.due(Number.MAX_SAFE_INTEGER, 100).map((m) => `${m.chatId} ${m.key}`);
  const texts = () => outbox.due(Number.MAX_SAFE_INTEGER, 100).map((m) => renderText(m.reply));

  it('GIVEN a stale pool far off peg THEN no rule fires; only the operator hears of the stale source', () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-400, now, 40 * MIN), now);
    expect(keys()).toEqual(['999 stale:eMetis-METIS:1:fire']);
  });

  it('GIVEN a fresh pool off peg for K cycles THEN one alert to the chat that wants it, with its state stored', () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-120, now), now);
    expect(keys()).toEqual(['1 alert:1:depeg:eMetis-METIS:1:fire:warning']);
    expect(engine.openAlerts(subscriptions.forChat('telegram', '1').at(0)!)).toMatchObject([{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'warning' }]);
  });

  it('GIVEN spot far off peg for K cycles but the TWAP near fair THEN nothing fires (spot alone is one block)', () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-400, now, 60_000, figure(-12)), now);
    expect(keys()).toEqual([]);
  });

  it('GIVEN the TWAP off peg for K cycles THEN the alert fires on it and says so', () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-20, now, 60_000, figure(-120)), now);
    expect(keys()).toEqual(['1 alert:1:depeg:eMetis-METIS:1:fire:warning']);
    expect(texts()[0]).toMatch(/eMetis trades at 0\.9880 METIS, fair value 1\.0000 METIS: −120 bps on the 30 min TWAP price/);
  });

  it("GIVEN a pool whose TWAP is missing THEN the alert falls back to spot and says so", () => {
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-120, now, 60_000, missing('oracle-too-short')), now);
    expect(keys()).toEqual(['1 alert:1:depeg:eMetis-METIS:1:fire:warning']);
    expect(texts()[0]).toMatch(/eMetis trades at 0\.9880 METIS, fair value 1\.0000 METIS: −120 bps on the spot price/);
  });

  it('GIVEN a stable pair off peg THEN the alert names it a stable curve', () => {
    const stable = (snapshot: Snapshot): Snapshot => ({
      ...snapshot,
      sources: snapshot.sources.map((s) => (s.figures?.kind === 'pool' ? { ...s, figures: { ...s.figures, stableCurve: true as const } } : s)),
    });
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(stable(withPool(-120, now)), now);
    expect(texts()[0]).toMatch(/Depeg warning: eMetis\/METIS \(stable curve\)/);
  });

  it('GIVEN tower leverage jumping 10× within the outlier window THEN it is held, not alerted on, until it repeats', () => {
    engine.evaluate(withLeverage(1.119, NOW), NOW);
    const report = engine.evaluate(withLeverage(11.19, NOW + 5 * MIN), NOW + 5 * MIN);
    expect(report.held).toEqual([TOWER_SOURCE_ID]);
    expect(engine.heldReadings()).toEqual([TOWER_SOURCE_ID]);
    expect(keys()).toEqual([]);
    engine.evaluate(withLeverage(11.2, NOW + 10 * MIN), NOW + 10 * MIN);
    expect(keys()).toEqual(['1 alert:1:leverage:tower:1:fire:warning']);
  });

  it('GIVEN tower leverage jumping against a reference older than the outlier window THEN it is accepted at once', () => {
    engine.evaluate(withLeverage(1.119, NOW), NOW);
    const later = NOW + 7 * 60 * MIN;
    expect(engine.evaluate(withLeverage(11.19, later), later).held).toEqual([]);
    expect(keys()).toEqual(['1 alert:1:leverage:tower:1:fire:warning']);
  });

  it('GIVEN a chat threshold THEN that chat fires by its own threshold', () => {
    subscriptions.setOverride('telegram', '1', 'depegWarningBps', 150);
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-120, now), now);
    expect(keys()).toEqual([]);
  });

  it('GIVEN chats of one threshold group moved alike THEN each keeps its own message and state, across a restart and a threshold change', () => {
    subscriptions.subscribe({ platform: 'telegram', chatId: '3', kind: 'alerts' }, 0);
    subscriptions.subscribe({ platform: 'discord', chatId: '4', kind: 'alerts' }, 0);
    let now = NOW;
    for (let i = 0; i < 4; i++, now += 5 * MIN) engine.evaluate(withPool(-120, now), now);
    const fired = ['1 alert:1:depeg:eMetis-METIS:1:fire:warning', '3 alert:3:depeg:eMetis-METIS:1:fire:warning', '4 alert:4:depeg:eMetis-METIS:1:fire:warning'];
    expect(keys()).toEqual(fired);
    expect(texts()[1]).toBe(texts()[0]);
    expect(texts()[2]).toBe(texts()[0]);

    // A restart reads the three equal states back; then one chat raises its warning past the depeg.
    const restarted = sqliteAlertEngine(withOperator, store);
    restarted.subscriptions.setOverride('telegram', '3', 'depegWarningBps', 500);
    for (let i = 0; i < 4; i++, now += 5 * MIN) restarted.engine.evaluate(withPool(-120, now), now);
    expect(keys()).toEqual([...fired, '3 alert:3:depeg:eMetis-METIS:1:recover:ok']);
    const open = (chatId: string, platform: 'telegram' | 'discord' = 'telegram') => restarted.engine.openAlerts(restarted.subscriptions.forChat(platform, chatId).at(0)!);
    expect(open('1')).toMatchObject([{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'warning' }]);
    expect(open('3')).toEqual([]);
    expect(open('4', 'discord')).toMatchObject([{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'warning' }]);
  });
});
