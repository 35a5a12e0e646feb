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
export function leverageMessage(t: LevelTransition, f: LeverageFacts): Reply {
  const move = `Leverage ${formatRatio(figure(f.leverage), 3)} now against ${formatRatio(figure(f.past), 3)} 24 h earlier: ${signedPercent(f.changePercent / 100)}`;
  if (t.kind === 'recover') {
    const largest = t.worst === undefined ? '' : `; largest move ${signedPercent(t.worst.reading / 100)} (${utcClock(t.worst.at, f.now)})`;
    const span = t.startedAt === undefined ? '' : ` The move lasted ${lasted(t.startedAt, f.now)}${largest}.`;
    return alertReply(
      `${icon('ok')} Tower leverage settled`,
      [`${move}, back under the ${plainPercent(f.thresholdPercent)} trigger; cleared at ${plainPercent(f.clearPercent)} as configured.${span}`],
      '/leverage',
      dataNote(f.data),
    );
  }
  const since = t.startedAt === undefined ? [] : [`Past ±${plainPercent(f.thresholdPercent)} since ${at(t.startedAt, f.now)}.`];
  return alertReply(`${icon(t.to)} Tower leverage moved`, [`${move} (alerts at ±${plainPercent(f.thresholdPercent)} in 24 h).`, ...since], '/leverage', dataNote(f.data));
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
  message(transition, f, t, now): Reply {
    const p = leverageParams(t);
    return leverageMessage(transition, { ...f, thresholdPercent: p.warning, clearPercent: p.clear, now });
  },
};
