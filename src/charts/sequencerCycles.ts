import type { MetricHistory, StoredSequencerRead } from '../store/historyStore.ts';

/** One poll cycle's stored reads of every sequencer, at its block time. */
export interface SequencerCycle {
  readonly time: number;
  readonly reads: readonly StoredSequencerRead[];
}

/**
 * The stored per-cycle sequencer reads with from < blockTime <= to, thinned to at most `maxPoints` cycles: at
 * each of `maxPoints` equally spaced times, the newest cycle at or before it, each cycle once. Every point is a
 * real read (nothing is averaged or made up); cycles further apart than the window ÷ maxPoints are all kept.
 */
export function sequencerCycles(history: MetricHistory, sourceId: string, from: number, to: number, maxPoints: number): SequencerCycle[] {
  const cycles: SequencerCycle[] = [];
  const step = (to - from) / maxPoints;
  for (let i = 1; i <= maxPoints; i++) {
    const at = i === maxPoints ? to : from + i * step;
    const reads = history.sequencersAt(sourceId, at);
    if (reads.length === 0) continue;
    // Every sequencer is read in every cycle; one with an older read was not there any more (or yet).
    const time = Math.max(...reads.map((r) => r.blockTime));
    if (time <= from || time === cycles[cycles.length - 1]?.time) continue;
    cycles.push({ time, reads: reads.filter((r) => r.blockTime === time) });
  }
  return cycles;
}

/**
 * At each of `maxPoints` equally spaced times in (from, to], the newest item at or before it, each item once
 * (items oldest first): the same thinning as sequencerCycles, over one sequencer's reads already in hand.
 */
export function thinToSteps<T extends { readonly time: number }>(items: readonly T[], from: number, to: number, maxPoints: number): T[] {
  const kept: T[] = [];
  const step = (to - from) / maxPoints;
  let next = 0;
  for (let i = 1; i <= maxPoints; i++) {
    const at = i === maxPoints ? to : from + i * step;
    while (next < items.length && items[next]!.time <= at) next++;
    const newest = items[next - 1];
    if (newest && newest.time > from && newest !== kept[kept.length - 1]) kept.push(newest);
  }
  return kept;
}
