import { english, type Translator } from '../../i18n/translator.ts';
import { bold, type Reply } from '../../vocabulary/reply.ts';
import { relativeChange } from '../../core/change.ts';
import { formatAmount } from '../../core/format.ts';
import type { SequencersView } from '../../figures/sequencersViewTypes.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** The fall of the base over 24 h in percent (0 when it rose), against the snapshot's base 24 h earlier; undefined while that is missing. */
export function baseFall(view: SequencersView): { percent: number; now: number; then: number } | undefined {
  const change = relativeChange(view.base, view.base24hAgo);
  if (!change.ok || !view.base.ok || !view.base24hAgo.ok) return undefined;
  return { percent: Math.max(0, -change.value * 100), now: view.base.value, then: view.base24hAgo.value };
}

/** Base fall: the measure is the fall in percent. */
export const baseFallParams = (t: ChatThresholds): LevelParams => ({
  warning: t.baseFallPercent,
  clear: t.baseFallPercent * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/** The base fall's message: now, the fall in percent, then, and the chat's threshold. */
export function baseFallMessage(step: LevelTransition, fall: { percent: number; now: number; then: number }, thresholdPercent: number, t: Translator = english): Reply {
  const title = step.kind === 'recover' ? t('alert-base-recovered-title') : t('alert-base-title');
  const text = t('alert-base-fall', { now: formatAmount(fall.now), percent: fall.percent.toFixed(1), then: formatAmount(fall.then), threshold: String(thresholdPercent) });
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), '\n', text] }] };
}

/** Base fall: METIS locked against the base 24 h before the read, to subscribers of the sequencers. */
export const baseFallRule: LevelRule<{ percent: number; now: number; then: number }> = {
  kind: 'level',
  name: 'base-fall',
  measure(input) {
    const seq = freshSequencers(input);
    const fall = seq && baseFall(seq.view);
    return seq && fall ? [{ sourceId: seq.view.sourceId, names: seq.names, facts: fall }] : [];
  },
  params: (t) => baseFallParams(t),
  value: (_t, f) => ({ measure: f.percent, reading: f.percent }),
  message: (transition, f, levels, _now, t) => baseFallMessage(transition, f, levels.baseFallPercent, t),
};
