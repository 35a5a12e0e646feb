import { english, type Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { formatAmount } from '../../core/format.ts';
import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';
import { statusWord } from '../alertText.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';
import { ownSequencerTarget } from './sequencerNames.ts';

/** One sequencer's reward accrual: for how many hours its earned reward has not grown (0 while it grows). */
export interface StallFacts {
  readonly name: string;
  readonly seqId: number;
  readonly status: SequencerRow['status'];
  readonly locked: SequencerRow['locked'];
  readonly hours: number;
  /** Since when it has not grown (unix seconds), when it has not. */
  readonly since?: number;
}

const utc = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The stall's message: the sequencer, how long, since when, the worst it reached, and the chat's threshold. */
export function stallMessage(step: LevelTransition, f: StallFacts, thresholdHours: number, t: Translator = english): Reply {
  const threshold = String(thresholdHours);
  if (step.kind === 'recover') {
    const why = f.status === 'active' ? t('alert-stall-grows-again') : t('alert-stall-left', { status: statusWord(t, f.status) });
    const worst = step.worst === undefined ? '' : t('alert-stall-worst', { hours: step.worst.measure.toFixed(0) });
    const text = t('alert-stall-recovered', { worst, threshold });
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(t('alert-stall-recovered-title', { name: f.name, why })), `\n${text}`] }] };
  }
  const since = f.since === undefined ? '' : t('alert-stall-since', { since: utc(f.since) });
  const text = t('alert-stall', { locked: formatAmount(f.locked), hours: f.hours.toFixed(0), since, threshold });
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(t('alert-stall-title', { name: f.name })), '\n', text] }] };
}

/** Reward stall: the hours an active sequencer's reward has stood still, against the chat's hours. */
export const stallParams = (t: ChatThresholds): LevelParams => ({
  warning: t.rewardStallHours,
  clear: t.rewardStallHours * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/**
 * A sequencer's reward accrual stalling for more than the chat's hours while it is active, to chats that
 * subscribed to that sequencer (`/subscribe alerts sequencer <name>`). A sequencer that is not active measures 0:
 * it earns nothing by design, so an open stall recovers when it leaves.
 */
export const sequencerStallRule: LevelRule<StallFacts> = {
  kind: 'level',
  name: 'reward-stall',
  measure(input) {
    const seq = freshSequencers(input);
    if (!seq) return [];
    return seq.view.rows.map((row) => {
      const since = row.status === 'active' ? row.rewardFlatSince : undefined;
      const hours = since === undefined ? 0 : (seq.view.blockTime - since) / 3_600;
      const facts: StallFacts = { name: row.name, seqId: row.seqId, status: row.status, locked: row.locked, hours, ...(since === undefined ? {} : { since }) };
      return { ...ownSequencerTarget(row), facts };
    });
  },
  params: (t) => stallParams(t),
  value: (_t, f) => ({ measure: f.hours, reading: f.hours }),
  message: (transition, f, levels, _now, t) => stallMessage(transition, f, levels.rewardStallHours, t),
};
