import { flatSince } from '../core/flatSince.ts';
import { DAY_SECONDS } from '../core/units.ts';
import { SEQUENCER_STATUS, type SequencerRecord } from '../sources/sequencerRecord.ts';
import type { ChainEvent, HistoryStore } from '../store/historyStore.ts';

/** How far back the stall check looks: a day beyond its one-day threshold, so "flat for over a day" is always decidable. */
const STALL_LOOKBACK_SECONDS = 2 * DAY_SECONDS;

/**
 * Since when an active sequencer's earned reward (unclaimed reward plus what it claimed) has not grown, from its
 * stored reads over the lookback and the current read; undefined while it grows, or for a sequencer not active.
 */
export function rewardFlatSince(p: { store: HistoryStore; sourceId: string; record: SequencerRecord; now: number; claims: readonly ChainEvent[] }): number | undefined {
  if (p.record.status !== SEQUENCER_STATUS.active) return undefined;
  const from = p.now - STALL_LOOKBACK_SECONDS;
  const own = p.claims.filter((e) => e.args.sequencerId === BigInt(p.record.seqId) && e.blockTime > from);
  const claimedBy = (time: number) => own.filter((e) => e.blockTime <= time).reduce((sum, e) => sum + (e.args.amount ?? 0n), 0n);
  const reads = p.store.sequencerReads(p.sourceId, p.record.seqId, from, p.now - 1);
  const points = [...reads.map((r) => ({ time: r.blockTime, value: r.reward + claimedBy(r.blockTime) })), { time: p.now, value: p.record.reward + claimedBy(p.now) }];
  return flatSince(points);
}
