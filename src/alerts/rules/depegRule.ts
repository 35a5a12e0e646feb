import { english, type Translator } from '../../i18n/translator.ts';
import type { Reply } from '../../vocabulary/reply.ts';
import type { Config } from '../../config/configSchema.ts';
import type { Figure } from '../../core/figure.ts';
import { formatWindow } from '../../core/format.ts';
import { isStale, poolLabel, type SourceView } from '../../figures/figures.ts';
import { alertReply, at, bpsText, dataNote, icon, lasted, price, type DataAge } from '../alertText.ts';
import { utcClock } from '../../core/haltText.ts';
import type { LevelTransition, WorstReading } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import { commandFor, dataOf, namesOf } from './citeSource.ts';
import { depegParams } from './ruleParams.ts';

/** What a depeg message says: the pool, the price it was measured on, and the chat's levels. */
export interface DepegFacts {
  readonly label: string;
  readonly asset: string;
  readonly quote: string;
  /** The price the depeg was measured on: '30 min TWAP' or 'spot'. */
  readonly basis: string;
  /** That price, and the fair value, in the quote token. */
  readonly price: Figure;
  readonly fairValue: Figure;
  readonly bps: number;
  readonly warningBps: number;
  readonly criticalBps: number;
  readonly clearBps: number;
  readonly data: DataAge;
  /** The command that shows more, e.g. '/apy eMetis-METIS'. */
  readonly command: string;
  readonly now: number;
}

/**
 * A depeg firing, escalating or clearing: price against fair value, the depeg and on which price, when it first
 * crossed the warning, and for a recovery how long it lasted, its worst reading and the clear level.
 */
export function depegMessage(step: LevelTransition, f: DepegFacts, t: Translator = english): Reply {
  // The facts name the price as measured ('spot', '30 min TWAP'), once for every language.
  const twap = / TWAP$/.exec(f.basis);
  const basis = f.basis === 'spot' ? t('alert-depeg-spot') : twap ? t('alert-depeg-twap', { window: f.basis.slice(0, twap.index) }) : f.basis;
  const trades = t('alert-depeg-trades', { asset: f.asset, price: price(f.price), quote: f.quote, fair: price(f.fairValue), bps: bpsText(f.bps), basis });
  const warning = String(f.warningBps);
  const worst = (w: WorstReading | undefined) => (w === undefined ? '' : t('alert-depeg-worst', { bps: bpsText(w.reading), clock: utcClock(w.at, f.now) }));
  const note = dataNote(f.data, t);
  if (step.kind === 'recover') {
    const span = step.startedAt === undefined ? '' : t('alert-depeg-lasted', { lasted: lasted(t, step.startedAt, f.now), worst: worst(step.worst) });
    const line = t('alert-depeg-recovered', { trades, warning, clear: String(Math.round(f.clearBps)), span });
    return alertReply(t, t('alert-depeg-over', { icon: icon('ok'), label: f.label }), [line], f.command, note);
  }
  const head =
    step.kind === 'escalate'
      ? t('alert-depeg-escalated', { icon: icon(step.to), label: f.label })
      : t('alert-depeg-title', { icon: icon(step.to), level: t(`level-${step.to}`), label: f.label });
  const since =
    step.startedAt === undefined ? [] : [t('alert-depeg-since', { warning, since: at(t, step.startedAt, f.now), worst: step.kind === 'escalate' ? worst(step.worst) : '' })];
  return alertReply(t, head, [t('alert-depeg-levels', { trades, warning, critical: String(f.criticalBps) }), ...since], f.command, note);
}

/** A depeg as measured once per pool: everything its message says but the chat's levels. */
export type DepegMeasure = Omit<DepegFacts, 'warningBps' | 'criticalBps' | 'clearBps' | 'now'>;

/** A token's fair value is fresh when every rate source along its chain of bases is. */
function fairValueFresh(config: Config, token: string, fresh: (id: string) => boolean): boolean {
  const seen = new Set<string>();
  for (let next: string | undefined = token; next !== undefined && !seen.has(next); next = config.tokens[next]?.base) {
    seen.add(next);
    const rateFrom = config.tokens[next]?.rateFrom;
    if (rateFrom !== undefined && !fresh(rateFrom)) return false;
  }
  return true;
}

/**
 * Depeg: |bps| of pools whose price and fair value are fresh; on the TWAP where the pool has one (a one-block
 * manipulation of spot should not alert), else on spot.
 */
export const depegRule: LevelRule<DepegMeasure> = {
  kind: 'level',
  name: 'depeg',
  measure({ snapshot, config, now }) {
    const byId = new Map(snapshot.sources.map((s) => [s.id, s]));
    const fresh = (id: string) => {
      const view = byId.get(id);
      return view !== undefined && !isStale(view, now);
    };
    return snapshot.sources.flatMap((view: SourceView) => {
      const f = view.figures;
      if (f?.kind !== 'pool' || isStale(view, now) || !fairValueFresh(config, f.asset, fresh) || !fairValueFresh(config, f.quote, fresh)) return [];
      const base = { label: poolLabel(view.label, f), data: dataOf(view, now), command: commandFor(view), asset: f.asset, quote: f.quote, fairValue: f.fairValue };
      const facts =
        f.twapSeconds !== undefined && f.twapDepegBps.ok
          ? { ...base, bps: f.twapDepegBps.value, basis: `${formatWindow(f.twapSeconds)} TWAP`, price: f.twapPrice }
          : f.depegBps.ok
            ? { ...base, bps: f.depegBps.value, basis: 'spot', price: f.price }
            : undefined;
      return facts ? [{ sourceId: view.id, names: namesOf(view), facts }] : [];
    });
  },
  params: (t) => depegParams(t),
  value: (_t, f) => ({ measure: Math.abs(f.bps), reading: f.bps }),
  message(transition, f, levels, now, t): Reply {
    const p = depegParams(levels);
    return depegMessage(transition, { ...f, warningBps: levels.depegWarningBps, criticalBps: p.critical ?? levels.depegCriticalBps, clearBps: p.clear, now }, t);
  },
};
