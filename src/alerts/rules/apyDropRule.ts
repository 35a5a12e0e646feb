import { english, type Translator } from '../../i18n/translator.ts';
import type { Reply } from '../../vocabulary/reply.ts';
import { shortfall } from '../../core/change.ts';
import { formatGrouped } from '../../core/format.ts';
import { utcClock } from '../../core/haltText.ts';
import { isStale } from '../../figures/figures.ts';
import { alertReply, at, dataNote, icon, lasted, pct, plainPercent, points, type DataAge } from '../alertText.ts';
import type { LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import { commandFor, dataOf, namesOf } from './citeSource.ts';
import { apyDropParams, apyDropSeverity } from './ruleParams.ts';

/** What an APY drop message says. */
export interface ApyDropFacts {
  readonly label: string;
  /** Which figure: '24 h APY' (wrappers) or 'nominal APR' (the sequencer). */
  readonly metric: string;
  readonly current: number;
  /** Its trailing 7 d average. */
  readonly average: number;
  /** The chat's thresholds: X % relative or Y points below the average, and the clear ratio. */
  readonly dropPercent: number;
  readonly dropPoints: number;
  readonly clearRatio: number;
  readonly data: DataAge;
  readonly command: string;
  readonly now: number;
}

/** An APY drop or its recovery: the figure now against its 7 d average, the drop in pp and %, and the thresholds. */
export function apyDropMessage(step: LevelTransition, f: ApyDropFacts, t: Translator = english): Reply {
  const drop = shortfall(f.current, f.average) ?? { relative: 0, absolute: 0 };
  const metric = f.metric === '24 h APY' ? t('alert-apy-metric-24h') : f.metric === 'nominal APR' ? t('alert-apy-metric-nominal-apr') : f.metric;
  const against = t('alert-apy-against', { metric, current: pct(f.current), average: pct(f.average) });
  const trigger = t('alert-apy-trigger', { percent: plainPercent(f.dropPercent), points: points(f.dropPoints) });
  const note = dataNote(f.data, t);
  if (step.kind === 'recover') {
    const lowest = step.worst === undefined ? '' : t('alert-apy-lowest', { apy: pct(step.worst.reading), clock: utcClock(step.worst.at, f.now) });
    const span = step.startedAt === undefined ? '' : t('alert-apy-lasted', { lasted: lasted(t, step.startedAt, f.now), lowest });
    const clear = t('alert-apy-trigger', { percent: plainPercent(f.dropPercent * f.clearRatio), points: points(f.dropPoints * f.clearRatio) });
    return alertReply(t, t('alert-apy-recovered-title', { icon: icon('ok'), label: f.label }), [t('alert-apy-recovered', { against, trigger, clear, span })], f.command, note);
  }
  const since = step.startedAt === undefined ? [] : [t('alert-apy-since', { since: at(t, step.startedAt, f.now) })];
  const line = t('alert-apy-drop', { against, points: formatGrouped(drop.absolute * 100, 2), percent: formatGrouped(drop.relative * 100, 1), trigger });
  return alertReply(t, t('alert-apy-drop-title', { icon: icon(step.to), label: f.label }), [line, ...since], f.command, note);
}

/** An APY and its 7 d average as measured once per source: everything its message says but the chat's levels. */
export type ApyMeasure = Omit<ApyDropFacts, 'dropPercent' | 'dropPoints' | 'clearRatio' | 'now'>;

/**
 * APY drop: the current APY (after the outlier screen) against the snapshot's trailing 7 d average. Wrappers:
 * the 24 h APY; the sequencer: the nominal APR against its per-block yield's average at today's block time.
 */
export const apyDropRule: LevelRule<ApyMeasure> = {
  kind: 'level',
  name: 'apy-drop',
  measure({ snapshot, now, screen }) {
    return snapshot.sources.flatMap((view) => {
      const f = view.figures;
      if (!f || isStale(view, now) || !view.lastRead) return [];
      const seen =
        f.kind === 'yield' && f.apy24h.ok
          ? { current: f.apy24h.value, average: f.apy24hAverage7d, metric: '24 h APY' }
          : f.kind === 'sequencer' && f.nominalApr.ok && f.blockTimeSeconds.ok && f.blockTimeSeconds.value > 0
            ? { current: f.nominalApr.value, average: f.nominalAprAverage7d, metric: 'nominal APR' }
            : undefined;
      if (!seen) return [];
      // Every reading goes through the screen (it keeps the reference), averaged or not.
      const accepted = screen(view.id, seen.current);
      if (accepted === undefined || !seen.average?.ok) return [];
      const facts = { label: view.label, data: dataOf(view, now), command: commandFor(view), metric: seen.metric, current: accepted, average: seen.average.value };
      return [{ sourceId: view.id, names: namesOf(view), facts }];
    });
  },
  params: (t) => apyDropParams(t),
  value: (t, f) => ({ measure: apyDropSeverity(f.current, f.average, t), reading: f.current }),
  message: (transition, f, levels, now, t): Reply =>
    apyDropMessage(transition, { ...f, dropPercent: levels.apyDropPercent, dropPoints: levels.apyDropPoints, clearRatio: levels.clearRatio, now }, t),
};
