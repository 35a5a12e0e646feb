import { bold, type Reply } from '../../vocabulary/reply.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** How many active sequencers are missing below the chat's minimum (the measure; 0 at or above it). */
export const activeShortfall = (activeCount: number, minimum: number) => Math.max(0, minimum - activeCount);

/** Active set: fires at one sequencer short, clears when none is short. */
export const activeSetParams = (t: ChatThresholds): LevelParams => ({ warning: 1, clear: 0.5, cycles: t.cycles, cooldownMs: t.cooldownMinutes * 60_000 });

export function activeSetMessage(t: LevelTransition, activeCount: number, minimum: number): Reply {
  const title = t.kind === 'recover' ? '✅ Active sequencer set restored' : '⚠️ Active sequencer set is small';
  const text = `${activeCount} active sequencer${activeCount === 1 ? '' : 's'} (alert below ${minimum}).`;
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), '\n', text] }] };
}

/** Active set: fewer active sequencers than the chat's minimum. */
export const activeSetRule: LevelRule<{ activeCount: number }> = {
  kind: 'level',
  name: 'active-sequencers',
  measure(input) {
    const seq = freshSequencers(input);
    return seq ? [{ sourceId: seq.view.sourceId, names: seq.names, facts: { activeCount: seq.view.activeCount } }] : [];
  },
  params: (t) => activeSetParams(t),
  value: (t, f) => ({ measure: activeShortfall(f.activeCount, t.minActiveSequencers), reading: f.activeCount }),
  message: (transition, f, t) => activeSetMessage(transition, f.activeCount, t.minActiveSequencers),
};
