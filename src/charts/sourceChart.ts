import { isPoolKind } from '../config/poolKinds.ts';
import { aprToApy } from '../core/apy.ts';
import { fairFromDepeg, offsetBps } from '../core/depeg.ts';
import { figure } from '../core/figure.ts';
import { formatAge, formatAmount, formatBps, formatNumber, formatPercent } from '../core/format.ts';
import { DAY_SECONDS } from '../core/units.ts';
import { dataAgeSeconds, isStale, poolLabel, type SourceView } from '../figures/figures.ts';
import type { MetricHistory, SeriesPoint } from '../store/historyStore.ts';
import { english, type Translator } from '../i18n/translator.ts';
import { amountUnit } from './amountUnit.ts';
import type { BandSeries, ChartPanel, ChartPoint, ChartSpec, LineSeries } from './lineChartSvg.ts';
import { formatUtcTimestamp } from './scale.ts';

/** The windows /chart offers, in seconds. */
export const CHART_WINDOWS = { '7d': 7 * DAY_SECONDS, '30d': 30 * DAY_SECONDS, '90d': 90 * DAY_SECONDS } as const;
export type ChartWindow = keyof typeof CHART_WINDOWS;
export const isChartWindow = (text: string): text is ChartWindow => Object.hasOwn(CHART_WINDOWS, text);

/** Fewer stored points than this in the window make no line. */
export const MIN_CHART_POINTS = 2;
/** Half-width of the band drawn around a pool's fair value. */
export const PEG_BAND_BPS = 50;
/** Points per series at most: more are bucket-averaged by the store. */
export const MAX_CHART_POINTS = 500;

const COLOR = { main: '#0f9d8f', second: '#2563eb', fair: '#52606d', depeg: '#d97706' } as const;

export type SourceChart =
  | {
      readonly ok: true;
      readonly spec: ChartSpec;
      /** One line on the figures shown: latest, low and high of the main series. */
      readonly summary: string;
      /** What the picture shows, for those who cannot see it. */
      readonly alt: string;
      /** Points of the main series in the window. */
      readonly points: number;
    }
  | { readonly ok: false; readonly reason: 'too-little-history'; readonly points: number };

interface Plan {
  readonly what: string;
  readonly panels: readonly ChartPanel[];
  readonly main: LineSeries;
  readonly format: (value: number) => string;
  readonly footnote: string;
}

const last = <T>(items: readonly T[]) => items[items.length - 1];
const scaled = (points: readonly SeriesPoint[], factor: number): ChartPoint[] => points.map((p) => ({ time: p.time, value: p.value * factor }));
const pct = (value: number) => formatPercent(figure(value / 100));

/** A kind of source's chart: which stored metrics, in which unit, on which panels. */
function plan(t: Translator, view: SourceView, series: (name: string) => SeriesPoint[]): Plan | undefined {
  const f = view.figures;
  switch (view.kind) {
    case 'sequencer': {
      const nominal: LineSeries = { label: t('chart-nominal-apy'), color: COLOR.main, points: scaled(series('nominalApy'), 100) };
      // Stored as an APR; compounded daily like the nominal APY (and /apy) so the two lines compare.
      const realized: LineSeries = {
        label: t('chart-realized-apy'),
        color: COLOR.second,
        dashed: true,
        points: series('realizedApr7d').map((p) => ({ time: p.time, value: aprToApy(p.value, 365) * 100 })),
      };
      return {
        what: t('chart-what-apy'),
        panels: [{ title: t('chart-apy-daily-panel'), unit: '%', series: [nominal, realized] }],
        main: nominal,
        format: pct,
        footnote: t('chart-sequencer-footnote'),
      };
    }
    case 'erc4626':
    case 'exchange-rate': {
      const day: LineSeries = { label: t('chart-apy-24h'), color: COLOR.main, points: scaled(series('apy24h'), 100) };
      const week: LineSeries = { label: t('chart-apy-7d'), color: COLOR.second, dashed: true, points: scaled(series('apy7d'), 100) };
      return {
        what: t('chart-what-apy'),
        panels: [{ title: t('chart-apy-panel'), unit: '%', series: [day, week] }],
        main: day.points.length >= MIN_CHART_POINTS || week.points.length < MIN_CHART_POINTS ? day : week,
        format: pct,
        footnote: t('chart-yield-footnote'),
      };
    }
    case 'uniswap-v2':
    case 'uniswap-v3':
    case 'algebra': {
      const asset = f?.kind === 'pool' ? f.asset : view.label.split('/')[0] ?? view.label;
      const quote = f?.kind === 'pool' ? f.quote : view.label.split('/')[1] ?? '';
      const price = series('price');
      const depeg = series('depegBps');
      // Fair value is not stored; price and depeg are, at the same block times: fair = price ÷ (1 + depeg / 10,000).
      const depegAt = new Map(depeg.map((p) => [p.time, p.value]));
      const fair = price.flatMap((p) => {
        const bps = depegAt.get(p.time);
        const value = bps === undefined ? undefined : fairFromDepeg(p.value, bps);
        return value === undefined ? [] : [{ time: p.time, value }];
      });
      const priceLine: LineSeries = { label: t('chart-price'), color: COLOR.main, points: price };
      const fairLine: LineSeries = { label: t('chart-fair'), color: COLOR.fair, dashed: true, points: fair };
      const band: BandSeries = {
        label: t('chart-fair-band', { bps: String(PEG_BAND_BPS) }),
        color: COLOR.second,
        points: fair.map((p) => ({ time: p.time, low: offsetBps(p.value, -PEG_BAND_BPS), high: offsetBps(p.value, PEG_BAND_BPS) })),
      };
      const depegLine: LineSeries = { label: t('chart-depeg'), color: COLOR.depeg, points: depeg };
      return {
        what: t('chart-what-price'),
        panels: [
          { title: t('chart-price-panel', { quote, asset }), unit: '', series: [priceLine, fairLine], bands: [band], weight: 2 },
          { title: t('chart-depeg-panel'), unit: ' bps', series: [depegLine], referenceLines: [{ value: 0, label: t('chart-at-fair') }] },
        ],
        main: priceLine,
        format: (value) => `${formatNumber(figure(value), 4)} ${quote}`,
        // One line under the chart: a stable pair's note takes the room of the longer wording.
        footnote:
          f?.kind === 'pool' && f.stableCurve
            ? t('chart-stable-footnote', { bps: String(PEG_BAND_BPS) })
            : t('chart-pool-footnote', { bps: String(PEG_BAND_BPS) }),
      };
    }
    case 'erc20-supply': {
      const supply = series('supply');
      const { factor, words: unit } = amountUnit(Math.max(0, ...supply.map((p) => Math.abs(p.value))), t);
      const token = view.token ?? view.id;
      const line: LineSeries = { label: t('chart-supply'), color: COLOR.main, points: scaled(supply, factor) };
      return {
        what: t('chart-what-supply'),
        panels: [{ title: t('chart-supply-panel', { unit, token }), unit: '', series: [line] }],
        main: line,
        format: (value) => `${formatAmount(value / factor)} ${token}`,
        footnote: t('chart-supply-footnote'),
      };
    }
    default:
      return undefined;
  }
}

/**
 * The chart of one source over a window ending at its last good read: APY for the sequencer and yield
 * wrappers, price with a fair-value band and depeg for pools, supply for plain tokens. Reads only the stored
 * history; says 'too-little-history' when the window holds fewer than two points.
 * @param nowMs wall clock, for the data age.
 * @param t the language of every text in the picture and around it (English by default).
 */
export function sourceChart(p: { view: SourceView; history: MetricHistory; window: ChartWindow; nowMs: number; t?: Translator }): SourceChart {
  const { view, window } = p;
  const t = p.t ?? english;
  const seconds = CHART_WINDOWS[window];
  const to = view.lastRead?.blockTime ?? Math.floor(p.nowMs / 1000);
  const from = to - seconds;
  const chart = plan(t, view, (name) => p.history.metricSeries(view.id, name, from, to, MAX_CHART_POINTS));
  const points = chart?.main.points.length ?? 0;
  if (!chart || points < MIN_CHART_POINTS) return { ok: false, reason: 'too-little-history', points };

  const days = `${seconds / DAY_SECONDS} d`;
  const values = chart.main.points.map((q) => q.value);
  const latest = chart.format(last(values)!);
  const low = chart.format(Math.min(...values));
  const high = chart.format(Math.max(...values));
  const asOf = dataAsOf(view, p.nowMs, t);
  const extra = isPoolKind(view.kind) ? depegSummary(t, chart.panels[1]?.series[0]?.points ?? []) : '';
  const label = view.figures?.kind === 'pool' ? poolLabel(view.label, view.figures) : view.label;
  return {
    ok: true,
    points,
    spec: {
      title: t('chart-title', { label, what: chart.what, days }),
      subtitle: t('chart-subtitle-points', { asOf, points: String(points) }),
      from,
      to,
      panels: chart.panels,
      footnote: chart.footnote,
    },
    summary: t('chart-summary', { series: chart.main.label, latest, low, high, days, extra }),
    alt: t('chart-alt', { label, what: chart.what, days, series: chart.main.label, latest, low, high, extra }),
  };
}

/**
 * When a source's data was read and how old it is, for a chart's subtitle.
 * @example dataAsOf(view, nowMs) // 'data as of 2027-01-15 07:00 UTC (age 1h, stale)'
 */
export function dataAsOf(view: SourceView, nowMs: number, t: Translator = english): string {
  if (!view.lastRead) return t('chart-no-read');
  const age = formatAge(dataAgeSeconds(view, nowMs) ?? 0);
  const time = formatUtcTimestamp(Math.floor(view.lastRead.observedAt / 1000));
  return isStale(view, nowMs) ? t('chart-data-as-of-stale', { time, age }) : t('chart-data-as-of', { time, age });
}

function depegSummary(t: Translator, points: readonly ChartPoint[]): string {
  if (points.length === 0) return '';
  const worst = points.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
  return t('chart-widest-depeg', { depeg: formatBps(figure(worst.value)) });
}
