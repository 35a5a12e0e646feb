import type { Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { figure, missing } from '../../core/figure.ts';
import { formatAmount, formatPercent } from '../../core/format.ts';
import { toNumber } from '../../core/units.ts';
import { METIS_DECIMALS } from '../../figures/sequencerFigures.ts';
import type { SequencersView } from '../../figures/sequencersViewTypes.ts';
import type { ChainEvent } from '../../store/historyStore.ts';
import { utcDay } from '../alertText.ts';
import { freshSequencers, freshSequencerSource } from './freshSequencers.ts';
import { newEvents, type EventCursor } from './newEvents.ts';
import type { NoticeRule } from './rule.ts';

/** Where the exit announcements stopped: the position of the last UnlockInit announced. */
export type ExitCursor = EventCursor;

export interface SequencerExit {
  /** Idempotency part: chain, tx, log index. */
  readonly key: string;
  readonly reply: (t: Translator) => Reply;
}

/**
 * A sequencer starts to exit: every UnlockInit after the cursor, at once (no K cycles: the event is the fact).
 * The first evaluation only places the cursor, so a restart or a first start never announces old exits.
 */
export function sequencerExits(view: SequencersView, announced: readonly ChainEvent[], cursor: ExitCursor | undefined): { exits: SequencerExit[]; cursor: ExitCursor } {
  const { events, cursor: next } = newEvents(announced, view.sourceId, ['UnlockInit'], cursor);
  const exits = events.map((e) => {
    const row = view.rows.find((r) => BigInt(r.seqId) === e.args.sequencerId);
    const amount = toNumber(e.args.amount ?? 0n, METIS_DECIMALS);
    const share = row?.share ?? (view.base.ok && view.base.value > 0 ? figure(amount / view.base.value) : missing('zero-base'));
    const reply = (t: Translator): Reply => {
      const name = row?.name ?? t('alert-sequencer-fallback', { id: String(e.args.sequencerId) });
      const date = e.args.unlockClaimTime === undefined ? t('alert-exit-date-unknown') : utcDay(Number(e.args.unlockClaimTime));
      const text = t('alert-exit', { amount: formatAmount(amount), share: formatPercent(share, 1), date });
      return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(t('alert-exit-title', { name })), `\n${text}`] }] };
    };
    return { key: `${e.chainId}:${e.txHash}:${e.logIndex}`, reply };
  });
  return { exits, cursor: next };
}

/** Sequencer exits, to subscribers of the sequencers, while the sequencer source is fresh. */
export const sequencerExitRule: NoticeRule<ExitCursor> = {
  kind: 'notice',
  name: 'sequencer-exit',
  sources: freshSequencerSource,
  notices(input, sourceId, cursor) {
    const { view, names } = freshSequencers(input)!;
    const { exits, cursor: next } = sequencerExits(view, input.events, cursor);
    return { notices: exits.map((e) => ({ sourceId, names, key: (id: number) => `sequencer-exit:${e.key}:${id}`, reply: e.reply })), cursor: next };
  },
};
