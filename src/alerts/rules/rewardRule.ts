import { english, type Translator } from '../../i18n/translator.ts';
import { code, link, type Inline, type Reply } from '../../vocabulary/reply.ts';
import { explorerTxUrl } from '../../config/explorerTxUrl.ts';
import { describeMissing, type Figure } from '../../core/figure.ts';
import { aprAtReward, rewardChange } from '../../core/rewardChange.ts';
import { toNumber } from '../../core/units.ts';
import { METIS_DECIMALS } from '../../figures/sequencerFigures.ts';
import { alertReply, at, pct, signedPercent, withInline } from '../alertText.ts';
import { commandFor, namesOf } from './citeSource.ts';
import { newEvents } from './newEvents.ts';
import type { NoticeRule } from './rule.ts';

/** What a reward change notice says: one RewardUpdate event and the sequencer's figures now. */
export interface RewardFacts {
  readonly label: string;
  /** The event's amounts in wei (METIS has 18 decimals). */
  readonly oldRaw: bigint;
  readonly newRaw: bigint;
  readonly decimals: number;
  /** The nominal APR and reward per block the snapshot has now (after the update). */
  readonly nominalApr: Figure;
  readonly rewardPerBlock: Figure;
  readonly txHash: string;
  /** The transaction on the chain's block explorer; none when the chain has no explorer configured. */
  readonly txUrl?: string;
  readonly chainId: number;
  readonly blockNumber: bigint;
  /** The block's time (s). */
  readonly blockTime: number;
  readonly command: string;
  readonly now: number;
}

const shortHash = (hash: string) => (hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash);

/**
 * A reward change: old → new reward per L2 block rounded alike, the change in %, the nominal APR before and
 * after (the APR is proportional to the reward, other inputs as now), and the transaction with its link.
 */
export function rewardMessage(f: RewardFacts, t: Translator = english): Reply {
  const change = rewardChange(f.oldRaw, f.newRaw, f.decimals);
  const changeText = change.change.ok ? t('alert-reward-change-percent', { change: signedPercent(change.change.value) }) : '';
  const oldApr = aprAtReward(f.nominalApr, f.rewardPerBlock, toNumber(f.oldRaw, f.decimals));
  const newApr = aprAtReward(f.nominalApr, f.rewardPerBlock, toNumber(f.newRaw, f.decimals));
  const apr =
    oldApr.ok && newApr.ok
      ? t('alert-reward-apr', { before: pct(oldApr.value), after: pct(newApr.value) })
      : t('alert-reward-apr-missing', { reason: describeMissing(t, !oldApr.ok ? oldApr.missing : !newApr.ok ? newApr.missing : 'no-data') });
  const txPiece: Inline = f.txUrl === undefined ? code(f.txHash) : link(shortHash(f.txHash), f.txUrl);
  const tx = withInline((marker) => t('alert-reward-tx', { tx: marker, block: String(f.blockNumber), chain: String(f.chainId), at: at(t, f.blockTime * 1000, f.now) }), txPiece);
  const reward = t('alert-reward-change', { old: change.oldText, new: change.newText, change: changeText });
  return alertReply(t, t('alert-reward-title', { label: f.label }), [reward, apr, tx], f.command);
}

/** Where reward announcements stopped: the position of the last RewardUpdate announced ('' before any). */
export interface RewardCursor {
  readonly after?: string;
}

/** Reward changes: each RewardUpdate of a sequencer source not yet announced (the last 50 stored). */
export const rewardRule: NoticeRule<RewardCursor> = {
  kind: 'notice',
  name: 'reward',
  sources: ({ snapshot }) => snapshot.sources.flatMap((view) => (view.figures?.kind === 'sequencer' ? [view.id] : [])),
  notices({ snapshot, config, events, now }, sourceId, cursor) {
    const view = snapshot.sources.find((s) => s.id === sourceId)!;
    // A cursor stored without its position (before any RewardUpdate) counts from the start.
    const fresh = newEvents(events, view.id, ['RewardUpdate'], cursor && { after: cursor.after ?? '' });
    if (view.figures?.kind !== 'sequencer') return { notices: [], cursor: fresh.cursor };
    const f = view.figures;
    const notices = fresh.events.map((e) => {
        const txUrl = explorerTxUrl(config.chains, e.chainId, e.txHash);
        const facts: Omit<RewardFacts, 'now'> = {
          label: view.label,
          oldRaw: e.args.oldReward ?? 0n,
          newRaw: e.args.newReward ?? 0n,
          decimals: METIS_DECIMALS,
          nominalApr: f.nominalApr,
          rewardPerBlock: f.rewardPerBlock,
          txHash: e.txHash,
          ...(txUrl === undefined ? {} : { txUrl }),
          chainId: e.chainId,
          blockNumber: e.blockNumber,
          blockTime: e.blockTime,
          command: commandFor(view),
        };
        return { facts, key: `${e.chainId}:${e.txHash}:${e.logIndex}` };
      });
    return {
      notices: notices.map(({ facts, key }) => ({
        sourceId,
        names: namesOf(view),
        key: (id: number) => `reward:${id}:${key}`,
        reply: (t: Translator) => rewardMessage({ ...facts, now }, t),
      })),
      cursor: fresh.cursor,
    };
  },
};
