import { bold, type Reply } from '../../vocabulary/reply.ts';
import { figure, missing } from '../../core/figure.ts';
import { formatAmount, formatPercent } from '../../core/format.ts';
import { toNumber } from '../../core/units.ts';
import { METIS_DECIMALS } from '../../figures/sequencerFigures.ts';
import type { SequencersView } from '../../figures/sequencersViewTypes.ts';
import type { ChainEvent } from '../../store/historyStore.ts';
import { freshSequencers, freshSequencerSource } from './freshSequencers.ts';
import { newEvents, type EventCursor } from './newEvents.ts';
import type { NoticeRule } from './rule.ts';

/** Where the exit announcements stopped: the position of the last UnlockInit announced. */
export type ExitCursor = EventCursor;

export interface SequencerExit {
  /** Idempotency part: chain, tx, log index. */
  readonly key: string;
  readonly reply: Reply;
}

/**
 * A sequencer starts to exit: every UnlockInit after the cursor, at once (no K cycles: the event is the fact).
 * The first evaluation only places the cursor, so a restart or a first start never announces old exits.
 */
export function sequencerExits(view: SequencersView, announced: readonly ChainEvent[], cursor: ExitCursor | undefined): { exits: SequencerExit[]; cursor: ExitCursor } {
  const { events, cursor: next } = newEvents(announced, view.sourceId, ['UnlockInit'], cursor);
  const exits = events.map((e) => {
    const row = view.rows.find((r) => BigInt(r.seqId) === e.args.sequencerId);
    const name = row?.name ?? `sequencer ${String(e.args.sequencerId)}`;
    const amount = toNumber(e.args.amount ?? 0n, METIS_DECIMALS);
    const share = row?.share ?? (view.base.ok && view.base.value > 0 ? figure(amount / view.base.value) : missing('zero-base'));
    const claimable = e.args.unlockClaimTime === undefined ? 'unknown' : new Date(Number(e.args.unlockClaimTime) * 1000).toISOString().slice(0, 10);
    return {
      key: `${e.chainId}:${e.txHash}:${e.logIndex}`,
      reply: {
        kind: 'answer' as const,
        blocks: [{ kind: 'paragraph' as const, parts: [bold(`🚪 Sequencer exiting: ${name}`), `\nStarted its exit with ${formatAmount(amount)} METIS locked, ${formatPercent(share, 1)} of the base; claimable from ${claimable} UTC.`] }],
      },
    };
  });
  return { exits, cursor: next };
}

/** Sequencer exits, to subscribers of the sequencers, while the sequencer source is fresh. */
export const sequencerExitRule: NoticeRule<ExitCursor> = {
  kind: 'notice',
  name: 'sequencer-exit',
  sources: freshSequencerSource,
  notices(input, _sourceId, cursor) {
    const { view, names } = freshSequencers(input)!;
    const { exits, cursor: next } = sequencerExits(view, input.events, cursor);
    return { notices: exits.map((e) => ({ names, key: (id: number) => `sequencer-exit:${e.key}:${id}`, reply: e.reply })), cursor: next };
  },
};
