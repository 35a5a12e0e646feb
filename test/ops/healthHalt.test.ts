import { describe, expect, it } from 'vitest';
import type { HeadTrack } from '../../src/core/chainHalt.ts';
import { chainLiveness } from '../../src/figures/chainLiveness.ts';
import type { ChainView, Snapshot } from '../../src/figures/figures.ts';
import { assessHealth } from '../../src/ops/health.ts';
import { NOW, snapshot } from '../commands/snapshotFixture.ts';

/** Chain 1088 whose head had stood `standingMinutes` at its read a second ago. */
function l2(standingMinutes: number): ChainView {
  const readAt = NOW - 1_000;
  const track: HeadTrack = { number: 500n, time: 0, seenAt: readAt - standingMinutes * 60_000, advanceSeen: true, readAt };
  return { id: 1088, name: 'Metis Andromeda', rpc: { chainId: 1088, inUse: 'http://127.0.0.1:9545', endpoints: [] }, head: { number: 500n, time: 0 }, readAt, liveness: chainLiveness(track, 300) };
}

/** The fixture with every source read a minute ago and a cycle just finished, plus chain 1088. */
const withL2 = (chain: ChainView, staleSeMetis = false): Snapshot => ({
  ...snapshot,
  sources: snapshot.sources.map((s) => ({ ...s, lastRead: { ...s.lastRead!, observedAt: s.id === 'seMetis' && staleSeMetis ? NOW - 3_600_000 : NOW - 60_000 } })),
  chains: [...snapshot.chains, chain],
  lastCycle: { startedAt: NOW - 2_000, finishedAt: NOW - 1_000 },
});

const check = (s: Snapshot) => assessHealth({ snapshot: s, now: NOW, maxCycleAgeSeconds: 900 });

describe('/healthz and a halted chain', () => {
  it('GIVEN a head that stood 4 min against haltAfter 5 min THEN ok, without haltedChains', () => {
    const report = check(withL2(l2(4)));
    expect(report.status).toBe('ok');
    expect(report).not.toHaveProperty('haltedChains');
  });

  it('GIVEN a head that stood 17 min THEN degraded (200, the bot works), naming the chain', () => {
    expect(check(withL2(l2(17)))).toMatchObject({ status: 'degraded', reason: 'no new block on Metis Andromeda (1088)', haltedChains: ['Metis Andromeda (1088)'], staleSources: [] });
  });

  it('GIVEN a halted chain and a stale source THEN both in the reason', () => {
    expect(check(withL2(l2(17), true))).toMatchObject({ status: 'degraded', reason: 'stale: seMetis; no new block on Metis Andromeda (1088)', staleSources: ['seMetis'] });
  });
});
