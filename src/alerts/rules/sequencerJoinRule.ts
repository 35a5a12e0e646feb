import type { Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { formatAmount, formatPercent } from '../../core/format.ts';
import type { SequencersView } from '../../figures/sequencersViewTypes.ts';
import { statusWord } from '../alertText.ts';
import { freshSequencers, freshSequencerSource } from './freshSequencers.ts';
import type { NoticeRule } from './rule.ts';

/** The highest sequencer id already announced (or seen at the first evaluation). */
export interface JoinCursor {
  readonly maxId: number;
}

/**
 * A new sequencer joins: every id above the cursor, once. The first evaluation only places the cursor.
 */
export function sequencerJoins(view: SequencersView, cursor: JoinCursor | undefined): { joins: { seqId: number; reply: (t: Translator) => Reply }[]; cursor: JoinCursor } {
  const maxId = Math.max(cursor?.maxId ?? 0, ...view.rows.map((r) => r.seqId));
  if (cursor === undefined) return { joins: [], cursor: { maxId } };
  const joins = view.rows
    .filter((r) => r.seqId > cursor.maxId)
    .map((r) => ({
      seqId: r.seqId,
      reply: (t: Translator): Reply => {
        const runBy = r.lst ? t('alert-join-run-by', { lst: r.lst }) : '';
        const text = t('alert-join', { id: String(r.seqId), runBy, amount: formatAmount(r.locked), share: formatPercent(r.share, 1), status: statusWord(t, r.status) });
        return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(t('alert-join-title', { name: r.name })), `\n${text}`] }] };
      },
    }));
  return { joins, cursor: { maxId } };
}

/** New sequencers, to subscribers of the sequencers, while the sequencer source is fresh. */
export const sequencerJoinRule: NoticeRule<JoinCursor> = {
  kind: 'notice',
  name: 'sequencer-join',
  sources: freshSequencerSource,
  notices(input, sourceId, cursor) {
    const { view, names } = freshSequencers(input)!;
    const { joins, cursor: next } = sequencerJoins(view, cursor);
    return { notices: joins.map((j) => ({ sourceId, names, key: (id: number) => `sequencer-join:${sourceId}:${j.seqId}:${id}`, reply: j.reply })), cursor: next };
  },
};
