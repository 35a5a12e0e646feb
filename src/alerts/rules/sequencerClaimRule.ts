import { english, type Translator } from '../../i18n/translator.ts';
import { getAddress } from 'viem';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { formatAmount } from '../../core/format.ts';
import { toNumber } from '../../core/units.ts';
import { METIS_DECIMALS } from '../../figures/sequencerFigures.ts';
import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';
import type { ChainEvent } from '../../store/historyStore.ts';
import { freshSequencers, freshSequencerSource } from './freshSequencers.ts';
import { newEvents, type EventCursor } from './newEvents.ts';
import type { NoticeRule } from './rule.ts';
import { ownSequencerTarget } from './sequencerNames.ts';

/** A ClaimRewards in words: who claimed how much, to where, and what stays unclaimed. */
export function claimMessage(row: SequencerRow, event: ChainEvent, t: Translator = english): Reply {
  const amount = toNumber(event.args.amount ?? 0n, METIS_DECIMALS);
  const recipient = event.args.recipient === undefined ? t('alert-claim-its-recipient') : getAddress(`0x${event.args.recipient.toString(16).padStart(40, '0')}`);
  const title = t('alert-claim-title', { name: row.name, amount: formatAmount(amount) });
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), `\n${t('alert-claim', { recipient, unclaimed: formatAmount(row.unclaimed) })}`] }] };
}

/**
 * One sequencer's reward claims (LockingInfo ClaimRewards), at once, to chats that subscribed to that sequencer.
 * The first evaluation only places the cursor.
 */
export const sequencerClaimRule: NoticeRule<EventCursor> = {
  kind: 'notice',
  name: 'sequencer-claim',
  sources: freshSequencerSource,
  notices(input, sourceId, cursor) {
    const { view } = freshSequencers(input)!;
    const { events, cursor: next } = newEvents(input.events, sourceId, ['ClaimRewards'], cursor);
    const notices = events.flatMap((e) => {
      const row = view.rows.find((r) => BigInt(r.seqId) === e.args.sequencerId);
      if (!row) return [];
      return [
        {
          ...ownSequencerTarget(row),
          key: (id: number) => `sequencer-claim:${e.chainId}:${e.txHash}:${e.logIndex}:${id}`,
          reply: (t: Translator) => claimMessage(row, e, t),
        },
      ];
    });
    return { notices, cursor: next };
  },
};
