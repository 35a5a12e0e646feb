import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.ts';
import type { SequencersView } from '../../src/figures/sequencersViewTypes.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { at, config as fixtureConfig, DAY, E18, NOW, record, source, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';

const MIN = 60_000;

describe('sequencer alerts', () => {
  const store = storeWithHistory();
  const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
  const { subscriptions, outbox } = sqliteAlertEngine(config, store);
  subscriptions.subscribe({ platform: 'telegram', chatId: '1', kind: 'alerts', assets: ['sequencers'] }, 0);
  subscriptions.subscribe({ platform: 'telegram', chatId: '2', kind: 'alerts', assets: ['seMetis'] }, 0);
  // A new engine on the same database: what a restart does.
  const engine = () => sqliteAlertEngine(config, store).engine;
  const snapshotOf = (view: SequencersView, nowMs: number): Snapshot => ({
    sources: [{ id: 'sequencer', label: 'Sequencer mining', kind: 'sequencer', chainId: 1, lastRead: { blockNumber: 1n, blockTime: view.blockTime, observedAt: nowMs - MIN }, staleAfterSeconds: 900 }],
    tower,
    sequencers: view,
    chains: [],
  });
  const view = () => sequencersView({ config: fixtureConfig, source, observation: store.latestObservation('sequencer')!, store, tower })!;
  const sent = () => outbox.due(Number.MAX_SAFE_INTEGER, 100).map((m) => ({ chat: m.chatId, key: m.key, text: renderText(m.reply) }));

  it('first evaluation places the cursors: no old exit or sequencer is announced', () => {
    engine().evaluate(snapshotOf(view(), NOW * 1000), NOW * 1000);
    expect(sent()).toEqual([]);
  });

  it('an UnlockInit and a new sequencer are announced at once, once, only to sequencer subscribers, not again after a restart', () => {
    const later = NOW + 300;
    store.addObservation({ sourceId: 'sequencer', chainId: 1, blockNumber: 99n, blockTime: later, observedAt: later * 1000, values: { totalLocked: 1_050_000n * E18 }, sequencers: [...at(500n), record(6, 2, 50_000n, 0n)] });
    store.addEvents([{ sourceId: 'sequencer', chainId: 1, name: 'UnlockInit', blockNumber: 98n, blockTime: later, logIndex: 3, txHash: '0xaa', args: { sequencerId: 2n, amount: 200_000n * E18, unlockClaimTime: BigInt(later + 21 * DAY), nonce: 3n, deactivationBatch: 10n, deactivationTime: BigInt(later) } }]);
    engine().evaluate(snapshotOf(view(), later * 1000), later * 1000);
    const messages = sent();
    expect(messages.map((m) => m.chat)).toEqual(['1', '1']);
    expect(messages.find((m) => m.key.startsWith('sequencer-exit'))!.text).toContain('Sequencer exiting: Beta');
    expect(messages.find((m) => m.key.startsWith('sequencer-exit'))!.text).toContain('Started its exit with 200.00k METIS locked, 19.0% of the base (200k ÷ 1.05M); claimable from 2025-10-30 UTC'.replace(' (200k ÷ 1.05M)', ''));
    expect(messages.find((m) => m.key.startsWith('sequencer-join'))!.text).toContain('New sequencer: 0x6666…6666');
    engine().evaluate(snapshotOf(view(), (later + 300) * 1000), (later + 300) * 1000);
    expect(sent()).toHaveLength(2);
  });

  it('active set below the minimum: one alert after K cycles, one recovery, nothing repeated', () => {
    const base = view();
    const small = { ...base, activeCount: 2 };
    let t = (NOW + 1_000) * 1000;
    const before = sent().length;
    for (let i = 0; i < 3; i++) engine().evaluate(snapshotOf(small, (t += 5 * MIN)), t);
    const fired = sent().slice(before);
    expect(fired.map((m) => m.text.split('\n')[0])).toEqual(['⚠️ Active sequencer set is small']);
    expect(fired[0]!.text).toContain('2 active sequencers (alert below 3)');
    for (let i = 0; i < 3; i++) engine().evaluate(snapshotOf(base, (t += 5 * MIN)), t);
    expect(sent().slice(before).map((m) => m.text.split('\n')[0])).toEqual(['⚠️ Active sequencer set is small', '✅ Active sequencer set restored']);
  });

  it('one operator above the share threshold fires once; 35 % is not yet below the 30 % clear level; 25 % recovers once', () => {
    const base = { ...view(), largestOperator: { name: 'Artemis', share: { ok: true as const, value: 0.25 } } };
    const heavy = { ...base, largestOperator: { name: 'Artemis', share: { ok: true as const, value: 0.62 } } };
    let t = (NOW + 10_000) * 1000;
    const before = sent().length;
    for (let i = 0; i < 3; i++) engine().evaluate(snapshotOf(heavy, (t += 5 * MIN)), t);
    for (let i = 0; i < 3; i++) engine().evaluate(snapshotOf(view(), (t += 5 * MIN)), t);
    expect(sent().slice(before)).toHaveLength(1);
    for (let i = 0; i < 3; i++) engine().evaluate(snapshotOf(base, (t += 5 * MIN)), t);
    const texts = sent().slice(before).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Artemis runs 62.0% of the METIS locked by sequencers (alert above 50%');
    expect(texts[1]).toContain('Operator share back down: Artemis');
  });
});
