import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/configSchema.ts';
import { figure } from '../../src/core/figure.ts';
import type { TowerView } from '../../src/metrics/figures.ts';
import { sequencersView } from '../../src/metrics/sequencersView.ts';
import { eventCursorKey } from '../../src/poller/readChain.ts';
import type { SequencerRecord } from '../../src/sources/sequencerRecord.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

const E18 = 10n ** 18n;
const DAY = 86_400;
const NOW = 1_760_000_000;
const owner = (n: number) => `0x${String(n).repeat(40)}` as `0x${string}`;
const signer = (n: number) => `0x${String(n + 5).repeat(40)}` as `0x${string}`;

const config = configSchema.parse({
  chains: [{ id: 1, name: 'L1', rpc: ['http://127.0.0.1:1'] }, { id: 1088, name: 'L2', rpc: ['http://127.0.0.1:2'] }],
  tokens: { METIS: {}, eMetis: { base: 'METIS' }, artMetis: { base: 'METIS' } },
  sources: [
    {
      id: 'sequencer', kind: 'sequencer', chain: 1, l2Chain: 1088, lockingPool: owner(1), lockingInfo: owner(2),
      operators: [
        { name: 'Alpha', owner: owner(1), lst: 'ENKI' },
        { name: 'Beta', owner: owner(2), lst: 'Artemis' },
        { name: 'Gamma', owner: owner(3), lst: 'Artemis' },
      ],
      protocols: { ENKI: { tokens: ['eMetis'] }, Artemis: { tokens: ['artMetis'] } },
    },
  ],
});
const source = config.sources[0]!;
if (source.kind !== 'sequencer') throw new Error('fixture');

function record(seqId: number, status: number, amount: bigint, reward: bigint, unlockClaimTime = 0): SequencerRecord {
  return { seqId, status, amount: amount * E18, reward: reward * E18, owner: owner(seqId), signer: signer(seqId), rewardRecipient: owner(seqId), activationBatch: 1n, deactivationTime: 0, unlockClaimTime };
}

// Five sequencers: 310k ENKI, 200k + 150k (exiting) Artemis, 340k unlabelled, one exited. totalLocked 1,000,000.
const exitAt = NOW + 21 * DAY;
const at = (rewardOf1: bigint) => [
  record(1, 2, 310_000n, rewardOf1),
  record(2, 2, 200_000n, 0n),
  record(3, 1, 150_000n, 0n, exitAt),
  record(4, 2, 340_000n, 0n),
  record(5, 3, 0n, 0n),
];

function storeWithHistory() {
  const store = openSqliteStore(':memory:');
  store.setCursor(eventCursorKey('sequencer'), { startBlock: 1n, startTime: NOW - 40 * DAY, nextBlock: 1000n });
  const observe = (time: number, sequencers: SequencerRecord[]) =>
    store.addObservation({ sourceId: 'sequencer', chainId: 1, blockNumber: BigInt(time), blockTime: time, observedAt: time * 1000, values: { totalLocked: 1_000_000n * E18 }, sequencers });
  // Sequencer 1's unclaimed reward: 0 thirty days ago, 700 seven days ago, 500 now after a claim of 500.
  observe(NOW - 30 * DAY, at(0n));
  observe(NOW - 7 * DAY, at(700n));
  observe(NOW, at(500n));
  store.addEvents([
    { sourceId: 'sequencer', chainId: 1, name: 'Locked', blockNumber: 10n, blockTime: NOW - 35 * DAY, logIndex: 0, txHash: '0x01', args: { sequencerId: 1n, amount: 310_000n * E18, total: 310_000n * E18, nonce: 1n, activationBatch: 1n } },
    { sourceId: 'sequencer', chainId: 1, name: 'ClaimRewards', blockNumber: 20n, blockTime: NOW - 3 * DAY, logIndex: 0, txHash: '0x02', args: { sequencerId: 1n, amount: 500n * E18, totalAmount: 500n * E18 } },
    { sourceId: 'sequencer', chainId: 1, name: 'UnlockInit', blockNumber: 30n, blockTime: NOW - DAY, logIndex: 0, txHash: '0x03', args: { sequencerId: 3n, amount: 150_000n * E18, unlockClaimTime: BigInt(exitAt), nonce: 2n, deactivationBatch: 9n, deactivationTime: BigInt(NOW - DAY) } },
  ]);
  return store;
}

const tower: TowerView = {
  baseToken: 'METIS',
  base: figure(1_000_000),
  layers: [
    { token: 'eMetis', supply: figure(400_000), inBase: figure(400_000), ofBase: figure(0.4) },
    { token: 'artMetis', supply: figure(200_000), inBase: figure(200_000), ofBase: figure(0.2) },
  ],
  claimsInBase: figure(600_000),
  leverage: figure(0.6),
};

describe('sequencersView', () => {
  const store = storeWithHistory();
  const observation = store.latestObservation('sequencer')!;
  const epoch = { sourceId: 'set', chainId: 1088, blockNumber: 5n, blockTime: NOW, observedAt: NOW * 1000, values: { epochNumber: 42n, epochSigner: BigInt(signer(4)), epochStartBlock: 1n, epochEndBlock: 2n } };
  const view = sequencersView({ config, source, observation, store, tower, epoch })!;
  const row = (id: number) => view.rows.find((r) => r.seqId === id)!;

  it('names labelled sequencers from the config and others by short owner address', () => {
    expect(view.rows.map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Gamma', '0x4444…4444', '0x5555…5555']);
    expect(row(4).labelled).toBe(false);
  });

  it('gives each status and the exiting one its claimable date', () => {
    expect(view.rows.map((r) => r.status)).toEqual(['active', 'active', 'exiting', 'active', 'exited']);
    expect(row(3).unlockClaimTime).toBe(exitAt);
    expect(view.activeCount).toBe(3);
  });

  it('shares of the base: 310k / 1M, the exiting 150k still counts, the exited none', () => {
    expect(row(1).share).toEqual({ ok: true, value: 0.31 });
    expect(row(3).share).toEqual({ ok: true, value: 0.15 });
    expect(row(5).share).toEqual({ ok: true, value: 0 });
  });

  it('income: 7 d = 500 − 700 + 500 claimed = 300 METIS; 30 d = 500 − 0 + 500 = 1,000; APR on its own 310k', () => {
    expect(row(1).income7d).toEqual({ ok: true, value: 300 });
    expect(row(1).income30d).toEqual({ ok: true, value: 1000 });
    const apr7 = row(1).apr7d;
    const apr30 = row(1).apr30d;
    expect(apr7.ok && apr7.value).toBeCloseTo((300 / 310_000) * (365 / 7), 12);
    expect(apr30.ok && apr30.value).toBeCloseTo((1000 / 310_000) * (365 / 30), 12);
  });

  it('largest operator groups a protocol: Artemis 200k + 150k = 35 % beats the unlabelled 34 %', () => {
    expect(view.largestOperator).toEqual({ name: 'Artemis', share: { ok: true, value: 0.35 } });
  });

  it('LST share 66 % (310k + 350k), per protocol beside its claims, and the rooted ratio 600k / (1M − 660k)', () => {
    expect(view.lstShare).toEqual({ ok: true, value: 0.66 });
    expect(view.independentShare).toEqual({ ok: true, value: 0.34 });
    const enki = view.protocols.find((p) => p.protocol === 'ENKI')!;
    expect(enki.share).toEqual({ ok: true, value: 0.31 });
    expect(enki.claims).toEqual([{ token: 'eMetis', inBase: figure(400_000), ofBase: figure(0.4) }]);
    const rooted = view.rootedRatio;
    expect(rooted.ok && rooted.value).toBeCloseTo(600_000 / 340_000, 12);
  });

  it('marks the signer of the current L2 epoch', () => {
    expect(view.epoch).toEqual({ number: 42, signer: signer(4) });
    expect(view.rows.filter((r) => r.signsEpoch).map((r) => r.seqId)).toEqual([4]);
  });

  it("keeps each sequencer's own events, with the unlock's claimable date", () => {
    expect(row(1).events.map((e) => [e.name, e.amount])).toEqual([['Locked', 310_000], ['ClaimRewards', 500]]);
    expect(row(3).events).toEqual([{ name: 'UnlockInit', time: NOW - DAY, amount: 150_000, unlockClaimTime: exitAt }]);
  });

  it('says not enough history where no read is old enough', () => {
    const young = openSqliteStore(':memory:');
    young.addObservation({ sourceId: 'sequencer', chainId: 1, blockNumber: 1n, blockTime: NOW, observedAt: 0, values: { totalLocked: 1_000_000n * E18 }, sequencers: at(5n) });
    const v = sequencersView({ config, source, observation: young.latestObservation('sequencer')!, store: young, tower })!;
    expect(v.rows[0]!.income7d).toEqual({ ok: false, missing: 'not-enough-history' });
    expect(v.rows[0]!.signsEpoch).toBeUndefined();
  });
});
