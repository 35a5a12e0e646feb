import { describe, expect, it } from 'vitest';
import { figure } from '../../src/core/figure.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { at, config, DAY, E18, exitAt, NOW, signer, source, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';

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
