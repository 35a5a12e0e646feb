import type { MetricHistory, StoredSequencerRead } from '../store/historyStore.ts';

/** One poll cycle's stored reads of every sequencer, at its block time. */
export interface SequencerCycle {
  readonly time: number;
  readonly reads: readonly StoredSequencerRead[];
}

/**
 * The thinning both sequencer charts use: at each of `maxPoints` equally spaced times in (from, to], the newest
 * stored item at or before it (`newestAt`), each item once and only items after `from`. Every point is a real
 * read (nothing is averaged or made up); items further apart than the window ÷ maxPoints are all kept. One
 * lookup per step, so a 90-day window costs `maxPoints` index searches, not every row in it.
 */
function atSteps<T extends { readonly time: number }>(from: number, to: number, maxPoints: number, newestAt: (time: number) => T | undefined): T[] {
  const kept: T[] = [];
  const step = (to - from) / maxPoints;
  for (let i = 1; i <= maxPoints; i++) {
    const item = newestAt(i === maxPoints ? to : from + i * step);
    if (item && item.time > from && item.time !== kept[kept.length - 1]?.time) kept.push(item);
  }
  return kept;
}

/** The stored per-cycle reads of every sequencer with from < blockTime <= to, thinned to at most `maxPoints` cycles. */
export function sequencerCycles(history: MetricHistory, sourceId: string, from: number, to: number, maxPoints: number): SequencerCycle[] {
  return atSteps(from, to, maxPoints, (at) => {
    const reads = history.sequencersAt(sourceId, at);
    if (reads.length === 0) return undefined;
    // Every sequencer is read in every cycle; one with an older read was not there any more (or yet).
    const time = Math.max(...reads.map((r) => r.blockTime));
    return { time, reads: reads.filter((r) => r.blockTime === time) };
  });
}

/** One sequencer's stored reads with from < blockTime <= to, thinned as sequencerCycles thins the cycles. */
export function sequencerSteps(history: MetricHistory, sourceId: string, seqId: number, from: number, to: number, maxPoints: number): StoredSequencerRead[] {
  return atSteps(from, to, maxPoints, (at) => {
    const read = history.sequencerAt(sourceId, seqId, at);
    return read && { time: read.blockTime, read };
  }).map((step) => step.read);
}
