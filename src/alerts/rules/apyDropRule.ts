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
export function apyDropMessage(t: LevelTransition, f: ApyDropFacts): Reply {
  const drop = shortfall(f.current, f.average) ?? { relative: 0, absolute: 0 };
  const against = `The ${f.metric} is ${pct(f.current)} now against its 7 d average of ${pct(f.average)}`;
  const trigger = `${plainPercent(f.dropPercent)} or ${points(f.dropPoints)}`;
  if (t.kind === 'recover') {
    const lowest = t.worst === undefined ? '' : `; lowest ${pct(t.worst.reading)} (${utcClock(t.worst.at, f.now)})`;
    const span = t.startedAt === undefined ? '' : ` The drop lasted ${lasted(t.startedAt, f.now)}${lowest}.`;
    return alertReply(
      `${icon('ok')} APY recovered: ${f.label}`,
      [`${against}: back within ${trigger} of it; cleared within ${plainPercent(f.dropPercent * f.clearRatio)} or ${points(f.dropPoints * f.clearRatio)} as configured.${span}`],
      f.command,
      dataNote(f.data),
    );
  }
  const since = t.startedAt === undefined ? [] : [`Below the threshold since ${at(t.startedAt, f.now)}.`];
  return alertReply(
    `${icon(t.to)} APY drop: ${f.label}`,
    [`${against}: ${formatGrouped(drop.absolute * 100, 2)} pp (${formatGrouped(drop.relative * 100, 1)} %) lower (alerts at ${trigger} below).`, ...since],
    f.command,
    dataNote(f.data),
  );
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
  message: (transition, f, t, now): Reply => apyDropMessage(transition, { ...f, dropPercent: t.apyDropPercent, dropPoints: t.apyDropPoints, clearRatio: t.clearRatio, now }),
};
