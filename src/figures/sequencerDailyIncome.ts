import { sequencerIncome } from '../core/baseShares.ts';
import { figure, missing, type Figure } from '../core/figure.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import { eventCursorKey } from '../store/eventCursorKey.ts';
import type { ChainEvent, MetricHistory } from '../store/historyStore.ts';
import type { SequencerRecord } from '../sources/sequencerRecord.ts';
import { METIS_DECIMALS } from './sequencerFigures.ts';

/** A sequencer's reward over one 24 h span: `day` is the span's start (unix seconds). */
export interface DailyIncome {
  readonly day: number;
  readonly income: Figure;
}

/**
 * Each sequencer's reward per day: for each of the `days` 24 h spans before `now` (the last read), the growth
 * of its unclaimed reward between the stored reads at the span's ends plus its ClaimRewards inside the span.
 * A span is missing when a read at either end is absent or more than 1.5 days apart, or the events read do
 * not reach back to its start. The one definition of "reward per day" (/sequencers <name>, /chart <sequencer>).
 * @param latest the reads at `now`, which end the newest span.
 * @param read what the caller already read (sequencersView reads the cursor and every claim for its own
 * windows): the event cursor's start and the ClaimRewards covering the spans; read here when absent.
 * @returns by sequencer id, oldest span first.
 */
export function sequencerDailyIncome(p: {
  history: MetricHistory;
  sourceId: string;
  now: number;
  latest: readonly SequencerRecord[];
  days: number;
  read?: { readonly eventsFrom: number | undefined; readonly claims: readonly ChainEvent[] };
}): Map<number, DailyIncome[]> {
  const { history, sourceId, now } = p;
  const eventsFrom = p.read ? p.read.eventsFrom : history.getCursor(eventCursorKey(sourceId))?.startTime;
  const claims = p.read?.claims ?? history.eventsBetween(sourceId, ['ClaimRewards'], now - (p.days + 2) * DAY_SECONDS, now);
  // Span ends: today's read, then the newest read at or before every 24 h back.
  const ends = Array.from({ length: p.days + 1 }, (_, i) =>
    i === 0 ? new Map(p.latest.map((r) => [r.seqId, { ...r, blockTime: now }])) : new Map(history.sequencersAt(sourceId, now - i * DAY_SECONDS).map((r) => [r.seqId, r])),
  );
  const result = new Map<number, DailyIncome[]>();
  for (const record of p.latest) {
    const spans = Array.from({ length: p.days }, (_, i): DailyIncome => {
      const day = now - (i + 1) * DAY_SECONDS;
      const end = ends[i]!.get(record.seqId);
      const start = ends[i + 1]!.get(record.seqId);
      if (!end || !start || eventsFrom === undefined || eventsFrom > start.blockTime || end.blockTime - start.blockTime > 1.5 * DAY_SECONDS) {
        return { day, income: missing('not-enough-history') };
      }
      const claimed = claims
        .filter((e) => e.args.sequencerId === BigInt(record.seqId) && e.blockTime > start.blockTime && e.blockTime <= end.blockTime)
        .reduce((sum, e) => sum + (e.args.amount ?? 0n), 0n);
      const earned = sequencerIncome({ rewardNow: end.reward, rewardThen: start.reward, claimed });
      return { day, income: earned === undefined ? missing('incomplete') : figure(toNumber(earned, METIS_DECIMALS)) };
    });
    result.set(record.seqId, spans.reverse());
  }
  return result;
}
