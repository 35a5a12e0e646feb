import { configSchema, type SourceOfKind } from '../../src/config/configSchema.ts';
import { figure } from '../../src/core/figure.ts';
import type { TowerView } from '../../src/figures/figures.ts';
import { eventCursorKey } from '../../src/store/eventCursorKey.ts';
import type { SequencerRecord } from '../../src/sources/sequencerRecord.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

/**
 * A hand-made sequencer history: five sequencers (310k ENKI, 200k + 150k exiting Artemis, 340k unlabelled, one
 * exited; totalLocked 1,000,000 METIS), reads 30 d and 7 d ago and now, a claim and an unlock; figures in the
 * tests that use it are computed by hand from these numbers.
 */
export const E18 = 10n ** 18n;
export const DAY = 86_400;
export const NOW = 1_760_000_000;
export const owner = (n: number) => `0x${String(n).repeat(40)}` as `0x${string}`;
export const signer = (n: number) => `0x${String(n + 5).repeat(40)}` as `0x${string}`;

export const config = configSchema.parse({
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
const first = config.sources[0]!;
if (first.kind !== 'sequencer') throw new Error('fixture: the first source is the sequencer');
export const source: SourceOfKind<'sequencer'> = first;

export function record(seqId: number, status: number, amount: bigint, reward: bigint, unlockClaimTime = 0): SequencerRecord {
  return { seqId, status, amount: amount * E18, reward: reward * E18, owner: owner(seqId), signer: signer(seqId), rewardRecipient: owner(seqId), activationBatch: 1n, deactivationTime: 0, unlockClaimTime };
}

// Five sequencers: 310k ENKI, 200k + 150k (exiting) Artemis, 340k unlabelled, one exited. totalLocked 1,000,000.
export const exitAt = NOW + 21 * DAY;
export const at = (rewardOf1: bigint) => [
  record(1, 2, 310_000n, rewardOf1),
  record(2, 2, 200_000n, 0n),
  record(3, 1, 150_000n, 0n, exitAt),
  record(4, 2, 340_000n, 0n),
  record(5, 3, 0n, 0n),
];

export function storeWithHistory() {
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

export const tower: TowerView = {
  baseToken: 'METIS',
  base: figure(1_000_000),
  layers: [
    { token: 'eMetis', supply: figure(400_000), inBase: figure(400_000), ofBase: figure(0.4) },
    { token: 'artMetis', supply: figure(200_000), inBase: figure(200_000), ofBase: figure(0.2) },
  ],
  claimsInBase: figure(600_000),
  leverage: figure(0.6),
};


/** Sequencer 1's reward accrues 4 METIS an hour: 96 METIS in every 24 h, whatever is claimed. */
export const REWARD_PER_HOUR = 4n;
/** Beta relocks from 100k to 200k METIS this long before NOW. */
export const RELOCK_BEFORE = 5 * DAY;
export const CLAIM_AT = NOW - 3 * DAY - 1_800;

/**
 * The same five sequencers read every hour for `days` days up to NOW: Beta (Artemis) at 100k METIS until it
 * relocks to 200k five days before NOW, so the base is 900k and then 1,000,000; Alpha's reward grows 4 METIS an
 * hour, 500 of it claimed between two reads three days before NOW.
 */
export function storeWithHourlyReads(days = 10) {
  const store = openSqliteStore(':memory:');
  const start = NOW - days * DAY;
  store.setCursor(eventCursorKey('sequencer'), { startBlock: 1n, startTime: start - DAY, nextBlock: 1_000_000n });
  store.transaction(() => {
    for (let t = start; t <= NOW; t += 3_600) {
      const accrued = REWARD_PER_HOUR * BigInt((t - start) / 3_600) - (t > CLAIM_AT ? 500n : 0n);
      const beta = t >= NOW - RELOCK_BEFORE ? 200_000n : 100_000n;
      const sequencers = [record(1, 2, 310_000n, accrued), record(2, 2, beta, 0n), record(3, 1, 150_000n, 0n, exitAt), record(4, 2, 340_000n, 0n), record(5, 3, 0n, 0n)];
      const totalLocked = sequencers.filter((r) => r.status === 1 || r.status === 2).reduce((sum, r) => sum + r.amount, 0n);
      store.addObservation({ sourceId: 'sequencer', chainId: 1, blockNumber: BigInt(t), blockTime: t, observedAt: t * 1000, values: { totalLocked }, sequencers });
    }
    store.addEvents([
      { sourceId: 'sequencer', chainId: 1, name: 'Relocked', blockNumber: 40n, blockTime: NOW - RELOCK_BEFORE, logIndex: 0, txHash: '0x04', args: { sequencerId: 2n, amount: 100_000n * E18, total: 200_000n * E18 } },
      { sourceId: 'sequencer', chainId: 1, name: 'ClaimRewards', blockNumber: 50n, blockTime: CLAIM_AT, logIndex: 0, txHash: '0x05', args: { sequencerId: 1n, amount: 500n * E18, totalAmount: 500n * E18 } },
    ]);
  });
  return store;
}
