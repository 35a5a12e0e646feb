import { formatAmount, formatPercent } from '../core/format.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import type { SequencerRow, SequencersView } from '../figures/sequencersViewTypes.ts';
import type { SourceView } from '../figures/figures.ts';
import { sequencerDailyIncome } from '../figures/sequencerDailyIncome.ts';
import { METIS_DECIMALS } from '../figures/sequencerFigures.ts';
import type { MetricHistory } from '../store/historyStore.ts';
import { english, type Translator } from '../i18n/translator.ts';
import { amountUnit } from './amountUnit.ts';
import type { ChartPoint, LineSeries } from './lineChartSvg.ts';
import { sequencerSteps } from './sequencerCycles.ts';
import { CHART_WINDOWS, dataAsOf, MAX_CHART_POINTS, MIN_CHART_POINTS, type ChartWindow, type SourceChart } from './sourceChart.ts';

const COLOR = { locked: '#2563eb', reward: '#0f9d8f' } as const;

/**
 * One sequencer over the window: its locked METIS from the stored per-cycle reads, and over it its reward per
 * day as /sequencers <name> defines it (sequencerDailyIncome), each day drawn at the end of its 24 h. Says
 * 'too-little-history' with fewer than two reads of it in the window.
 */
export function sequencerChart(p: {
  row: SequencerRow;
  sequencers: SequencersView;
  source: SourceView;
  history: MetricHistory;
  window: ChartWindow;
  nowMs: number;
  t?: Translator;
}): SourceChart {
  const { row, history } = p;
  const t = p.t ?? english;
  const seconds = CHART_WINDOWS[p.window];
  const to = p.sequencers.blockTime;
  const from = to - seconds;
  // This sequencer's reads only, thinned as the base chart thins its cycles.
  const reads = sequencerSteps(history, p.sequencers.sourceId, row.seqId, from, to, MAX_CHART_POINTS);
  const locked: ChartPoint[] = reads.map((read) => ({ time: read.blockTime, value: toNumber(read.amount, METIS_DECIMALS) }));
  if (locked.length < MIN_CHART_POINTS) return { ok: false, reason: 'too-little-history', points: locked.length };

  // Its reward per day ends at the newest read, as /sequencers <name> counts it.
  const newest = reads[reads.length - 1];
  const latest = newest && newest.blockTime === to ? [newest] : [];
  const daily = sequencerDailyIncome({ history, sourceId: p.sequencers.sourceId, now: to, latest, days: seconds / DAY_SECONDS }).get(row.seqId) ?? [];
  const reward: ChartPoint[] = daily.flatMap((d) => (d.income.ok ? [{ time: d.day + DAY_SECONDS, value: d.income.value }] : []));

  const unit = amountUnit(Math.max(...locked.map((q) => q.value)), t);
  const lockedLine: LineSeries = { label: t('chart-locked'), color: COLOR.locked, points: locked.map((q) => ({ time: q.time, value: q.value * unit.factor })) };
  const rewardLine: LineSeries = { label: t('chart-reward-day'), color: COLOR.reward, points: reward };
  const days = `${seconds / DAY_SECONDS} d`;
  const metis = (value: number) => `${formatAmount(value)} METIS`;
  const values = locked.map((q) => q.value);
  const lockedText = t('chart-locked-text', { latest: metis(values[values.length - 1]!), share: formatPercent(row.share, 1), low: metis(Math.min(...values)), high: metis(Math.max(...values)) });
  const rewardText =
    reward.length === 0
      ? t('chart-reward-none')
      : t('chart-reward-text', { latest: metis(reward[reward.length - 1]!.value), mean: metis(reward.reduce((sum, q) => sum + q.value, 0) / reward.length), count: reward.length });
  const block = p.source.lastRead ? t('chart-last-read-block', { block: String(p.source.lastRead.blockNumber) }) : '';
  return {
    ok: true,
    points: locked.length,
    spec: {
      title: t('chart-sequencer-title', { name: row.name, days }),
      subtitle: t('chart-subtitle-reads', { block, asOf: dataAsOf(p.source, p.nowMs, t), reads: String(locked.length) }),
      from,
      to,
      panels: [
        { title: t('chart-locked-panel', { unit: unit.words }), unit: '', series: [lockedLine], fromZero: true },
        { title: t('chart-reward-panel'), unit: '', series: [rewardLine], fromZero: true },
      ],
      footnote: t('chart-reward-footnote'),
    },
    summary: t('chart-sequencer-summary', { name: row.name, locked: lockedText, reward: rewardText, days }),
    alt: t('chart-sequencer-alt', { name: row.name, days, locked: lockedText, reward: rewardText }),
  };
}
