import { describe, expect, it } from 'vitest';
import { sequencerCycles, sequencerSteps } from '../../src/charts/sequencerCycles.ts';
import type { MetricHistory, StoredSequencerRead } from '../../src/store/historyStore.ts';

/** Reads of sequencers 1 and 2 at the given block times (sequencer 2 from time 40 on). */
function historyOf(times: readonly number[]): MetricHistory {
  const reads = times.flatMap((t) => [1, ...(t >= 40 ? [2] : [])].map((seqId) => ({ seqId, blockTime: t, amount: BigInt(t) }) as unknown as StoredSequencerRead));
  const newest = (seqId: number, at: number) => reads.filter((r) => r.seqId === seqId && r.blockTime <= at).at(-1);
  return {
    sequencersAt: (_s: string, at: number) => [1, 2].flatMap((id) => newest(id, at) ?? []),
    sequencerAt: (_s: string, seqId: number, at: number) => newest(seqId, at),
  } as unknown as MetricHistory;
}

describe('the sequencer charts’ thinning', () => {
  // Reads every 5 s from 0 to 100; the window (0, 100] in 4 steps: 25, 50, 75, 100.
  const history = historyOf(Array.from({ length: 21 }, (_, i) => i * 5));

  it('GIVEN more cycles than points THEN at each step the newest cycle at or before it, with only that cycle’s reads', () => {
    const cycles = sequencerCycles(history, 's', 0, 100, 4);
    expect(cycles.map((c) => c.time)).toEqual([25, 50, 75, 100]);
    expect(cycles.map((c) => c.reads.map((r) => r.seqId))).toEqual([[1], [1, 2], [1, 2], [1, 2]]);
  });

  it('GIVEN one sequencer THEN the same steps over its own reads', () => {
    expect(sequencerSteps(history, 's', 2, 0, 100, 4).map((r) => r.blockTime)).toEqual([50, 75, 100]);
  });

  it('GIVEN fewer cycles than points THEN each once, none at or before the window’s start', () => {
    const sparse = historyOf([0, 30, 90]);
    expect(sequencerCycles(sparse, 's', 0, 100, 10).map((c) => c.time)).toEqual([30, 90]);
    expect(sequencerSteps(sparse, 's', 1, 0, 100, 10).map((r) => r.blockTime)).toEqual([30, 90]);
    expect(sequencerSteps(sparse, 's', 2, 0, 100, 10).map((r) => r.blockTime)).toEqual([90]);
  });
});
