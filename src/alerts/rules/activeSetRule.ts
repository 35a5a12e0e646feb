import { english, type Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** How many active sequencers are missing below the chat's minimum (the measure; 0 at or above it). */
export const activeShortfall = (activeCount: number, minimum: number) => Math.max(0, minimum - activeCount);

/** Active set: fires at one sequencer short, clears when none is short. */
export const activeSetParams = (t: ChatThresholds): LevelParams => ({ warning: 1, clear: 0.5, cycles: t.cycles, cooldownMs: t.cooldownMinutes * 60_000 });

export function activeSetMessage(step: LevelTransition, activeCount: number, minimum: number, t: Translator = english): Reply {
  const title = step.kind === 'recover' ? t('alert-active-restored-title') : t('alert-active-title');
  const text = t('alert-active-count', { count: activeCount, minimum: String(minimum) });
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
  message: (transition, f, levels, _now, t) => activeSetMessage(transition, f.activeCount, levels.minActiveSequencers, t),
};
