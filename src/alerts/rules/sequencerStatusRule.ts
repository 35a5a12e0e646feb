import { bold, type Reply } from '../../vocabulary/reply.ts';
import { formatAmount } from '../../core/format.ts';
import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';
import { freshSequencers, freshSequencerSource } from './freshSequencers.ts';
import type { NoticeRule } from './rule.ts';
import { sequencerNames } from './sequencerNames.ts';

/** Each sequencer's status at the last evaluation, by id. */
export interface StatusCursor {
  readonly statuses: Readonly<Record<string, SequencerRow['status']>>;
}

const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** A status change in words: `active → exiting (claimable from 2026-12-24)`. */
export function statusChangeMessage(row: SequencerRow, from: SequencerRow['status']): Reply {
  const claimable = row.status === 'exiting' && row.unlockClaimTime !== undefined ? ` (claimable from ${day(row.unlockClaimTime)} UTC)` : '';
  return {
    kind: 'answer',
    blocks: [{ kind: 'paragraph', parts: [bold(`🔁 Sequencer ${row.name}: ${from} → ${row.status}`), `${claimable}\nSequencer ${row.seqId}, ${formatAmount(row.locked)} METIS locked.`] }],
  };
}

/**
 * One sequencer's status changing (active, exiting, exited, unavailable), at once, to chats that subscribed to
 * that sequencer. The first evaluation only records the statuses, so a restart announces nothing old.
 */
export const sequencerStatusRule: NoticeRule<StatusCursor> = {
  kind: 'notice',
  name: 'sequencer-status',
  sources: freshSequencerSource,
  notices(input, sourceId, cursor) {
    const { view } = freshSequencers(input)!;
    const statuses = Object.fromEntries(view.rows.map((r) => [String(r.seqId), r.status]));
    if (cursor === undefined) return { notices: [], cursor: { statuses } };
    const notices = view.rows.flatMap((row) => {
      const from = cursor.statuses[String(row.seqId)];
      if (from === undefined || from === row.status) return [];
      return [{ names: sequencerNames(row), byNameOnly: true, key: (id: number) => `sequencer-status:${sourceId}:${row.seqId}:${from}:${row.status}:${view.blockTime}:${id}`, reply: statusChangeMessage(row, from) }];
    });
    return { notices, cursor: { statuses } };
  },
};
