import { english, type Translator } from '../../i18n/translator.ts';
import type { Reply } from '../../vocabulary/reply.ts';
import { figure } from '../../core/figure.ts';
import { formatRatio } from '../../core/format.ts';
import { utcClock } from '../../core/haltText.ts';
import { TOWER_SOURCE_ID } from '../../figures/leverageChanges.ts';
import { isStale, type SourceView } from '../../figures/figures.ts';
import { alertReply, at, dataNote, icon, lasted, plainPercent, signedPercent, type DataAge } from '../alertText.ts';
import type { LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import { dataOf } from './citeSource.ts';
import { leverageParams } from './ruleParams.ts';

/** What a tower leverage message says. */
export interface LeverageFacts {
  readonly leverage: number;
  /** The stored leverage about 24 h earlier, which the change is measured against. */
  readonly past: number;
  readonly changePercent: number;
  readonly thresholdPercent: number;
  readonly clearPercent: number;
  /** The oldest read behind the tower. */
  readonly data: DataAge;
  readonly now: number;
}

/** Tower leverage moved, or settled: then and now, the change, the trigger, and for a settling the largest move. */
export function leverageMessage(step: LevelTransition, f: LeverageFacts, t: Translator = english): Reply {
  const move = t('alert-leverage-move', { now: formatRatio(figure(f.leverage), 3), past: formatRatio(figure(f.past), 3), change: signedPercent(f.changePercent / 100) });
  const threshold = plainPercent(f.thresholdPercent);
  const note = dataNote(f.data, t);
  if (step.kind === 'recover') {
    const largest = step.worst === undefined ? '' : t('alert-leverage-largest', { change: signedPercent(step.worst.reading / 100), clock: utcClock(step.worst.at, f.now) });
    const span = step.startedAt === undefined ? '' : t('alert-leverage-lasted', { lasted: lasted(t, step.startedAt, f.now), largest });
    const line = t('alert-leverage-settled', { move, threshold, clear: plainPercent(f.clearPercent), span });
    return alertReply(t, t('alert-leverage-settled-title', { icon: icon('ok') }), [line], '/leverage', note);
  }
  const since = step.startedAt === undefined ? [] : [t('alert-leverage-since', { threshold, since: at(t, step.startedAt, f.now) })];
  return alertReply(t, t('alert-leverage-moved-title', { icon: icon(step.to) }), [t('alert-leverage-moved', { move, threshold }), ...since], '/leverage', note);
}

/** The tower's move as measured once: everything its message says but the chat's levels. */
export type LeverageMeasure = Omit<LeverageFacts, 'thresholdPercent' | 'clearPercent' | 'now'>;

/**
 * Tower leverage: its relative change against the snapshot's past point 24 h earlier, only while every source
 * behind it is fresh, after the outlier screen (one glitched supply read spikes it).
 */
export const leverageRule: LevelRule<LeverageMeasure> = {
  kind: 'level',
  name: 'leverage',
  measure({ snapshot, now, screen }) {
    const { leverage, leverage24hAgo: past, leverageRelativeChange24h: change } = snapshot.tower;
    const towerFresh = snapshot.sources.every((s) => s.figures?.kind === 'pool' || !isStale(s, now));
    if (!leverage.ok || !towerFresh || screen(TOWER_SOURCE_ID, leverage.value) === undefined) return [];
    // The tower is as old as the oldest read behind it.
    const oldest = snapshot.sources
      .filter((s) => s.figures?.kind !== 'pool' && s.lastRead !== undefined)
      .reduce<SourceView | undefined>((a, s) => (a === undefined || s.lastRead!.observedAt < a.lastRead!.observedAt ? s : a), undefined);
    if (!change?.ok || !past?.ok || !oldest) return [];
    return [{ sourceId: TOWER_SOURCE_ID, names: [TOWER_SOURCE_ID], facts: { leverage: leverage.value, past: past.value, changePercent: change.value * 100, data: dataOf(oldest, now) } }];
  },
  params: (t) => leverageParams(t),
  value: (_t, f) => ({ measure: Math.abs(f.changePercent), reading: f.changePercent }),
  message(transition, f, levels, now, t): Reply {
    const p = leverageParams(levels);
    return leverageMessage(transition, { ...f, thresholdPercent: p.warning, clearPercent: p.clear, now }, t);
  },
};
