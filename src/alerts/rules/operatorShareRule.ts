import { english, type Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** Operator concentration: the largest operator's share of the base, in percent. */
export const operatorShareParams = (t: ChatThresholds): LevelParams => ({
  warning: t.operatorSharePercent,
  clear: t.operatorSharePercent * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/** The operator share's message: who, how much of the base, and the chat's threshold. */
export function operatorShareMessage(step: LevelTransition, operator: string, percent: number, thresholdPercent: number, t: Translator = english): Reply {
  const title = step.kind === 'recover' ? t('alert-operator-recovered-title', { operator }) : t('alert-operator-title', { operator });
  const text = t('alert-operator-share', { operator, percent: percent.toFixed(1), threshold: String(thresholdPercent) });
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), '\n', text] }] };
}

/** Operator concentration: the largest operator's share of the base (sequencers of one protocol together). */
export const operatorShareRule: LevelRule<{ operator: string; percent: number }> = {
  kind: 'level',
  name: 'operator-share',
  measure(input) {
    const seq = freshSequencers(input);
    const largest = seq?.view.largestOperator;
    if (!seq || !largest?.share.ok) return [];
    return [{ sourceId: seq.view.sourceId, names: seq.names, facts: { operator: largest.name, percent: largest.share.value * 100 } }];
  },
  params: (t) => operatorShareParams(t),
  value: (_t, f) => ({ measure: f.percent, reading: f.percent }),
  message: (transition, f, levels, _now, t) => operatorShareMessage(transition, f.operator, f.percent, levels.operatorSharePercent, t),
};
