import { bold, type Reply } from '../../shared/reply.ts';
import { relativeChange } from '../../core/change.ts';
import { figure } from '../../core/figure.ts';
import { formatAmount } from '../../core/format.ts';
import { DAY_SECONDS } from '../../core/units.ts';
import type { SequencersView } from '../../figures/sequencersViewTypes.ts';
import type { HistoryStore } from '../../store/historyStore.ts';
import { freshSequencers } from './freshSequencers.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/**
 * The fall of the base (totalLocked) over 24 h in percent (0 when it rose), against the stored value a day
 * before the read; undefined while no stored value is between one and two days old.
 */
export function baseFall(view: SequencersView, history: HistoryStore): { percent: number; now: number; then: number } | undefined {
  if (!view.base.ok) return undefined;
  const past = history.metricAtOrBefore(view.sourceId, 'totalLocked', view.blockTime - DAY_SECONDS);
  if (!past || past.blockTime < view.blockTime - 2 * DAY_SECONDS) return undefined;
  const change = relativeChange(view.base, figure(past.value));
  if (!change.ok) return undefined;
  return { percent: Math.max(0, -change.value * 100), now: view.base.value, then: past.value };
}

/** Base fall: the measure is the fall in percent. */
export const baseFallParams = (t: ChatThresholds): LevelParams => ({
  warning: t.baseFallPercent,
  clear: t.baseFallPercent * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/** The base fall's message: now, the fall in percent, then, and the chat's threshold. */
export function baseFallMessage(t: LevelTransition, fall: { percent: number; now: number; then: number }, thresholdPercent: number): Reply {
  const title = t.kind === 'recover' ? '✅ The base recovered' : '⚠️ The base is falling';
  const text = `METIS locked by sequencers: ${formatAmount(fall.now)}, ${fall.percent.toFixed(1)}% below ${formatAmount(fall.then)} 24 h earlier (alert at ${thresholdPercent}%).`;
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), '\n', text] }] };
}

/** Base fall: METIS locked against the stored value a day before the read, to subscribers of the sequencers. */
export const baseFallRule: LevelRule<{ percent: number; now: number; then: number }> = {
  kind: 'level',
  name: 'base-fall',
  measure(input) {
    const seq = freshSequencers(input);
    const fall = seq && baseFall(seq.view, input.history);
    return seq && fall ? [{ sourceId: seq.view.sourceId, names: seq.names, facts: fall }] : [];
  },
  params: (t) => baseFallParams(t),
  value: (_t, f) => ({ measure: f.percent, reading: f.percent }),
  message: (transition, f, t) => baseFallMessage(transition, f, t.baseFallPercent),
};
