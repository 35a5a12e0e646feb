import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../src/alerts/alertEngine.ts';
import { haltInputs } from '../../src/alerts/rules/haltRule.ts';
import type { HeadTrack } from '../../src/core/chainHalt.ts';
import type { OutboxStore } from '../../src/store/outboxStore.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { chainLiveness } from '../../src/figures/chainLiveness.ts';
import type { ChainView, Snapshot } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { SubscriptionStore } from '../../src/store/subscriptionStore.ts';
import { NOW, snapshot as base } from '../commands/snapshotFixture.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

const MIN = 60_000;
const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });

/**
 * The fixture at `now`, its L2 (1088) head standing since `stoodSince` (bot clock) as read at `readAt` (default:
 * in this cycle), every source read a minute ago (fresh) unless `sourceAgeMs` says otherwise.
 */
function snapshotAt(now: number, stoodSince: number, opts: { readAt?: number; sourceAgeMs?: number } = {}): Snapshot {
  const readAt = opts.readAt ?? now - 1_000;
  const track: HeadTrack = { number: 237n, time: Math.floor(stoodSince / 1000), seenAt: stoodSince, advanceSeen: true, readAt, previousReadAt: readAt - 5 * MIN };
  const l2: ChainView = {
    id: 1088, name: 'Devnet L2', rpc: { chainId: 1088, inUse: 'http://127.0.0.1:9545', endpoints: [] },
    head: { number: track.number, time: track.time }, readAt, liveness: chainLiveness(track, 300),
  };
  const l1 = { ...base.chains[0]!, readAt: now - 1_000 };
  return {
    ...base,
    sources: base.sources.map((s) => ({ ...s, lastRead: { ...s.lastRead!, observedAt: now - (opts.sourceAgeMs ?? MIN) } })),
    chains: [l1, l2],
    lastCycle: { startedAt: now - 2_000, finishedAt: now },
  };
}

describe('the chain halt rule', () => {
  let store: Storage;
  let outbox: OutboxStore;
  let subscriptions: SubscriptionStore;
  let engine: AlertEngine;

  beforeEach(() => {
    ({ store, outbox, subscriptions, engine } = sqliteAlertEngine(config));
    subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'alerts', assets: ['sequencer'] }, 0);
    subscriptions.subscribe({ platform: 'telegram', chatId: '2', kind: 'alerts', assets: ['seMetis'] }, 0);
    subscriptions.subscribe({ platform: 'telegram', chatId: '3', kind: 'alerts', assets: ['tower'] }, 0);
  });

  afterEach(() => store.close());

  const keys = () => outbox.due(Number.MAX_SAFE_INTEGER, 100).map((m) => `${m.chatId} ${m.key}`);
  const texts = (chatId: string) => outbox.due(Number.MAX_SAFE_INTEGER, 100).filter((m) => m.chatId === chatId).map((m) => renderText(m.reply));

  it('GIVEN the sequencer earning on 1088 and sources on it THEN the chain is named for the sequencer and those sources, not the tower', () => {
    const [input] = haltInputs(snapshotAt(NOW, NOW - 10 * MIN), config).filter((h) => h.chainId === 1088);
    expect(input).toMatchObject({ sourceId: 'chain:1088', chainName: 'Devnet L2', haltSeconds: 599, haltAfterSeconds: 300 });
    expect([...input!.names].sort()).toEqual(['artmetis', 'artmetis-wmetis', 'emetis', 'emetis-metis', 'emetis-wmetis-stable', 'metis-usdc', 'semetis', 'semetis-metis', 'sequencer', 'sequencerset']);
  });

  it('GIVEN L2 stood still for K = 2 cycles past haltAfter, every source fresh THEN one alert each to the sequencer and seMetis chats, none to the tower chat', () => {
    const stop = NOW - 5 * MIN;
    // Read at now − 1 s: the head had stood 299 s (not yet), then 599 s and 899 s.
    for (let i = 0; i < 3; i++) engine.evaluate(snapshotAt(NOW + i * 5 * MIN, stop), NOW + i * 5 * MIN);
    expect(keys()).toEqual(['1 alert:1:halt:chain:1088:1:fire:warning', '2 alert:2:halt:chain:1088:1:fire:warning']);
    // NOW is 2027-01-15 08:00 UTC: the head stood since 07:55; at the read of 08:10 − 1 s that is 899 s, 14 whole minutes.
    expect(texts('1')[0]).toBe(
      '⚠️ Devnet L2 has produced no block for 14 min\nHead #237 (chain 1088), unchanged since 07:55 UTC (15 min ago): the RPC answers, the chain does not move (halt after 5 min).\nFigures from it are as old as that block.\nMore: /status\n\n(Data: chain read 1 s ago.)',
    );
    // Still halted: nothing more.
    for (let i = 3; i < 6; i++) engine.evaluate(snapshotAt(NOW + i * 5 * MIN, stop), NOW + i * 5 * MIN);
    expect(keys()).toHaveLength(2);
  });

  it('GIVEN every source stale but the chain read in this cycle THEN the halt still fires: it is the chain, not the data', () => {
    const stop = NOW - 20 * MIN;
    for (let i = 0; i < 2; i++) engine.evaluate(snapshotAt(NOW + i * 5 * MIN, stop, { sourceAgeMs: 40 * MIN }), NOW + i * 5 * MIN);
    expect(keys()).toContain('1 alert:1:halt:chain:1088:1:fire:warning');
  });

  it('GIVEN the chain not read in the latest cycle (its RPC failed) THEN that cycle neither counts nor clears', () => {
    const stop = NOW - 20 * MIN;
    engine.evaluate(snapshotAt(NOW, stop), NOW); // 1 of K
    engine.evaluate(snapshotAt(NOW + 5 * MIN, stop, { readAt: NOW - 1_000 }), NOW + 5 * MIN); // old read: skipped
    expect(keys()).toEqual([]);
    engine.evaluate(snapshotAt(NOW + 10 * MIN, stop), NOW + 10 * MIN); // 2 of K
    expect(keys()).toHaveLength(2);
  });

  it('GIVEN blocks resume THEN one recovery after K cycles, below the clear line (60 % of 300 s)', () => {
    const stop = NOW - 20 * MIN;
    for (let i = 0; i < 2; i++) engine.evaluate(snapshotAt(NOW + i * 5 * MIN, stop), NOW + i * 5 * MIN);
    // The head moved at the read of NOW + 10 min: 1 s standing at each later read.
    for (let i = 2; i < 5; i++) engine.evaluate(snapshotAt(NOW + i * 5 * MIN, NOW + i * 5 * MIN - 2_000), NOW + i * 5 * MIN);
    expect(keys().filter((k) => k.startsWith('1 '))).toEqual(['1 alert:1:halt:chain:1088:1:fire:warning', '1 alert:1:halt:chain:1088:1:recover:ok']);
    // The longest reading was 20 min + 5 min − 1 s at 08:05 − 1 s: 24 whole minutes, from 07:40.
    expect(texts('1')[1]).toBe(
      '✅ Devnet L2 produces blocks again\nNew head #237 (chain 1088), back under the 5 min halt limit; its figures are current again. The head had stood still for at least 24 min (from 07:40 UTC).\nMore: /status\n\n(Data: chain read 1 s ago.)',
    );
  });
});
