import { figure } from '../core/figure.ts';
import { formatAmount, formatPercent } from '../core/format.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import type { SequencersView } from '../figures/sequencersViewTypes.ts';
import type { SourceView } from '../figures/figures.ts';
import { METIS_DECIMALS } from '../figures/sequencerFigures.ts';
import { countsInBase, operatorOf } from '../figures/sequencersView.ts';
import type { MetricHistory } from '../store/historyStore.ts';
import { english, type Translator } from '../i18n/translator.ts';
import { amountUnit } from './amountUnit.ts';
import { sequencerCycles } from './sequencerCycles.ts';
import { CHART_WINDOWS, dataAsOf, MAX_CHART_POINTS, MIN_CHART_POINTS, type ChartWindow, type SourceChart } from './sourceChart.ts';
import type { StackLayer } from './stackLayers.ts';

/** Operators shown by name; the smaller rest share one layer, so the legend stays readable. */
export const MAX_OPERATOR_LAYERS = 8;
const PALETTE = ['#0f9d8f', '#2563eb', '#d97706', '#7c3aed', '#dc2626', '#65a30d', '#db2777', '#0891b2'] as const;
const REST_COLOR = '#9aa5b1';

/**
 * The base (METIS locked by active and exiting sequencers, as in totalLocked) over the window, stacked by
 * operator (protocol where the config names one, else the sequencer's name), from the stored per-cycle
 * sequencer reads. Layers go largest (at the last read) first, at the bottom; the legend names each with its
 * share at the last read. Says 'too-little-history' with fewer than two reads in the window.
 */
export function baseChart(p: { sequencers: SequencersView; source: SourceView; history: MetricHistory; window: ChartWindow; nowMs: number; t?: Translator }): SourceChart {
  const t = p.t ?? english;
  const seconds = CHART_WINDOWS[p.window];
  const to = p.sequencers.blockTime;
  const from = to - seconds;
  const cycles = sequencerCycles(p.history, p.sequencers.sourceId, from, to, MAX_CHART_POINTS);
  if (cycles.length < MIN_CHART_POINTS) return { ok: false, reason: 'too-little-history', points: cycles.length };

  const operatorById = new Map(p.sequencers.rows.map((r) => [r.seqId, operatorOf(r)]));
  const byOperator = new Map<string, number[]>();
  cycles.forEach((cycle, i) => {
    for (const read of cycle.reads.filter(countsInBase)) {
      const operator = operatorById.get(read.seqId) ?? `#${read.seqId}`;
      let values = byOperator.get(operator);
      if (!values) byOperator.set(operator, (values = cycles.map(() => 0)));
      values[i] = values[i]! + toNumber(read.amount, METIS_DECIMALS);
    }
  });
  const totals = cycles.map((_, i) => [...byOperator.values()].reduce((sum, values) => sum + values[i]!, 0));
  const latestTotal = totals[totals.length - 1]!;
  const ranked = [...byOperator.entries()]
    .map(([name, values]) => ({ name, values, latest: values[values.length - 1]! }))
    .sort((a, b) => b.latest - a.latest || a.name.localeCompare(b.name));
  const named = ranked.length > MAX_OPERATOR_LAYERS ? ranked.slice(0, MAX_OPERATOR_LAYERS - 1) : ranked;
  const rest = ranked.slice(named.length);
  const groups = [
    ...named.map((o, i) => ({ ...o, color: PALETTE[i % PALETTE.length]! })),
    ...(rest.length > 0
      ? [{ name: t('chart-others', { count: String(rest.length) }), values: cycles.map((_, i) => rest.reduce((sum, o) => sum + o.values[i]!, 0)), latest: rest.reduce((sum, o) => sum + o.latest, 0), color: REST_COLOR }]
      : []),
  ];
  const share = (amount: number) => (latestTotal > 0 ? formatPercent(figure(amount / latestTotal), 1) : '—');
  const unit = amountUnit(Math.max(...totals), t);
  const layers: StackLayer[] = groups.map((g) => ({ label: `${g.name} ${share(g.latest)}`, color: g.color, values: g.values.map((v) => v * unit.factor) }));

  const days = `${seconds / DAY_SECONDS} d`;
  const metis = (value: number) => `${formatAmount(value)} METIS`;
  const figures = t('chart-base-figures', { latest: metis(latestTotal), low: metis(Math.min(...totals)), high: metis(Math.max(...totals)) });
  const shares = groups.map((g) => `${g.name} ${share(g.latest)}`).join(', ');
  const block = p.source.lastRead ? t('chart-last-read-block', { block: String(p.source.lastRead.blockNumber) }) : '';
  return {
    ok: true,
    points: cycles.length,
    spec: {
      title: t('chart-base-title', { days }),
      subtitle: t('chart-subtitle-reads', { block, asOf: dataAsOf(p.source, p.nowMs, t), reads: String(cycles.length) }),
      from,
      to,
      panels: [{ title: t('chart-base-panel', { unit: unit.words }), unit: '', series: [], stack: { times: cycles.map((c) => c.time), layers } }],
      footnote: t('chart-base-footnote'),
    },
    summary: t('chart-base-summary', { figures, days, shares }),
    alt: t('chart-base-alt', { days, figures, shares }),
  };
}
