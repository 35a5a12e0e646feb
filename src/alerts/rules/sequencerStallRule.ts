import { bold, type Reply } from '../../vocabulary/reply.ts';
import { formatAmount } from '../../core/format.ts';
import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';
import { sequencerAsset, sequencerNames } from './sequencerNames.ts';

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
export function stallMessage(t: LevelTransition, f: StallFacts, thresholdHours: number): Reply {
  if (t.kind === 'recover') {
    const why = f.status === 'active' ? 'its reward grows again' : `it is ${f.status} now`;
    const worst = t.worst === undefined ? '' : ` for up to ${t.worst.measure.toFixed(0)} h`;
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(`✅ Sequencer ${f.name}: ${why}`), `\nIts reward had stood still${worst} (alert at ${thresholdHours} h).`] }] };
  }
  const since = f.since === undefined ? '' : ` since ${utc(f.since)}`;
  const text = `Active with ${formatAmount(f.locked)} METIS locked, yet its earned reward (unclaimed plus claimed) has not grown for ${f.hours.toFixed(0)} h${since} (alert at ${thresholdHours} h). A sequencer that stops producing blocks stops earning.`;
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(`⏸️ Sequencer ${f.name}: reward not growing`), '\n', text] }] };
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
      return { sourceId: sequencerAsset(row.seqId), names: sequencerNames(row), byNameOnly: true, facts };
    });
  },
  params: (t) => stallParams(t),
  value: (_t, f) => ({ measure: f.hours, reading: f.hours }),
  message: (transition, f, t) => stallMessage(transition, f, t.rewardStallHours),
};
