import { english, type Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { formatAmount } from '../../core/format.ts';
import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';
import { freshSequencers, freshSequencerSource } from './freshSequencers.ts';
import type { NoticeRule } from './rule.ts';
import { ownSequencerTarget } from './sequencerNames.ts';
import { statusWord, utcDay } from '../alertText.ts';

/** Each sequencer's status at the last evaluation, by id. */
export interface StatusCursor {
  readonly statuses: Readonly<Record<string, SequencerRow['status']>>;
}

/** A status change in words: `active → exiting (claimable from 2026-12-24)`. */
export function statusChangeMessage(row: SequencerRow, from: SequencerRow['status'], t: Translator = english): Reply {
  const claimable = row.status === 'exiting' && row.unlockClaimTime !== undefined ? t('alert-status-claimable', { date: utcDay(row.unlockClaimTime) }) : '';
  const title = t('alert-status-title', { name: row.name, from: statusWord(t, from), to: statusWord(t, row.status) });
  const line = t('alert-status-line', { id: String(row.seqId), locked: formatAmount(row.locked) });
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), `${claimable}\n${line}`] }] };
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
      return [
        {
          ...ownSequencerTarget(row),
          key: (id: number) => `sequencer-status:${sourceId}:${row.seqId}:${from}:${row.status}:${view.blockTime}:${id}`,
          reply: (t: Translator) => statusChangeMessage(row, from, t),
        },
      ];
    });
    return { notices, cursor: { statuses } };
  },
};
