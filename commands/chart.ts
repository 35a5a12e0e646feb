import { baseChart } from '../src/charts/baseChart.ts';
import { buildLineChartSvg } from '../src/charts/lineChartSvg.ts';
import { svgToPng } from '../src/charts/renderPng.ts';
import { sequencerChart } from '../src/charts/sequencerChart.ts';
import { isChartWindow, MIN_CHART_POINTS, sourceChart, type ChartWindow, type SourceChart } from '../src/charts/sourceChart.ts';
import { didYouMean } from '../src/config/didYouMean.ts';
import type { Snapshot } from '../src/figures/figures.ts';
import type { MetricHistory } from '../src/store/historyStore.ts';
import { assetNames, isAsset } from './assetNames.ts';
import { translatorOf, type CommandContext, type CommandDefinition } from './command.ts';
import { BASE, chartControls, chartedSource, chartName, chartPicker, WINDOWS } from './chartControls.ts';
import { findSequencer, resolveSequencer } from './resolveSequencer.ts';
import { UserError } from './userError.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Reply } from '../src/vocabulary/reply.ts';

const DEFAULT_WINDOW: ChartWindow = '7d';

const text = (...lines: string[]): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [lines.join('\n')] }] });

/** Letters, digits, dot, dash and underscore: safe as an attachment name on every platform and as a file name. */
const fileSafe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);

/** Every name /chart knows: the assets, then (once sequencers are read) the base and each sequencer. */
function chartNames(snapshot: Snapshot): string[] {
  const sequencers = snapshot.sequencers?.rows.map((r) => r.name) ?? [];
  return [...assetNames(snapshot, isAsset), ...(snapshot.sequencers ? [BASE, ...sequencers] : [])];
}

/**
 * A chart to draw, its file name, what it is of (for the "not enough history" sentence) and the shortest name
 * that charts it again (for its buttons).
 */
type Target = { readonly chart: (window: ChartWindow, history: MetricHistory) => SourceChart; readonly file: string; readonly what: string; readonly name: string };

/**
 * What a typed name charts: a source or token first (as before sequencers were read), then `sequencers` for the
 * base, then a sequencer by name, unique part of its name, id or address (as /sequencers finds it).
 * @throws UserError 'unknown-choice' with every known name and the closest one.
 */
function resolve(name: string, context: CommandContext, t: Translator): Target | Reply {
  const snapshot = context.snapshot();
  const nowMs = context.now();
  const view = chartedSource(snapshot, name);
  if (view) {
    return { chart: (window, history) => sourceChart({ view, history, window, nowMs, t }), file: view.id, what: view.label, name: chartName(snapshot, view) };
  }
  const sequencers = snapshot.sequencers;
  const source = sequencers && snapshot.sources.find((s) => s.id === sequencers.sourceId);
  if (name.toLowerCase() === BASE) {
    if (!sequencers || !source) return text(t('chart-no-sequencers'));
    return { chart: (window, history) => baseChart({ sequencers, source, history, window, nowMs, t }), file: BASE, what: t('chart-what-base'), name: BASE };
  }
  // A name no sequencer matches falls through to the did-you-mean over every chart name.
  const resolved = sequencers && source && findSequencer(sequencers, name) !== undefined ? resolveSequencer(sequencers, name, t) : undefined;
  if (resolved && 'reply' in resolved) return resolved.reply;
  if (resolved && sequencers && source) {
    const { row } = resolved;
    return {
      chart: (window, history) => sequencerChart({ row, sequencers, source, history, window, nowMs, t }),
      file: `seq${row.seqId}`,
      what: t('chart-what-sequencer', { name: row.name }),
      name: String(row.seqId),
    };
  }
  const names = chartNames(snapshot);
  const meant = didYouMean(name, names);
  throw new UserError('unknown-choice', { option: 'asset', value: name, choices: names, ...(meant ? { meant } : {}) });
}

/** No asset: a menu of every chart at the window (7 d unless given), so none needs typing; without a store, why there is none. */
function pickAChart(t: Translator, context: CommandContext, window: ChartWindow): Reply {
  if (!context.history) return text(t('chart-no-history-store'));
  return { ...text(t('chart-pick-intro', { window })), controls: chartPicker(context.snapshot(), window, t('chart-pick-first'), false) };
}

/** `/chart <asset | sequencers | sequencer> [7d|30d|90d]`: a PNG chart from the stored history; bare, a menu of them. */
export const chartCommand: CommandDefinition = {
  name: 'chart',
  usage: `/chart <asset|${BASE}|sequencer> [window]`,
  options: [
    {
      name: 'asset',
      type: 'string',
      // Free text: a sequencer may be named by a unique part of its name, its id or its address.
      parseText: (raw) => raw,
      suggestions: (context) => chartNames(context.snapshot()),
    },
    {
      name: 'window',
      type: 'string',
      choices: () => WINDOWS,
    },
  ],
  run(args, context): Reply {
    const t = translatorOf(context);
    const window = typeof args.window === 'string' && isChartWindow(args.window) ? args.window : DEFAULT_WINDOW;
    if (args.asset === undefined) return pickAChart(t, context, window);
    const name = String(args.asset);
    const target = resolve(name, context, t);
    if ('kind' in target) return target;
    if (!context.history) return text(t('chart-no-history-store'));
    const controls = chartControls(t, context.snapshot(), target.name, window);

    const chart = target.chart(window, context.history);
    if (!chart.ok) {
      const stored = t('chart-stored-points', { count: chart.points, points: String(chart.points) });
      return {
        ...text(t('chart-too-little', { window, what: target.what, stored, min: String(MIN_CHART_POINTS) }), t('chart-try-later')),
        controls,
      };
    }
    const png = svgToPng(buildLineChartSvg(chart.spec));
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: chart.spec.title },
        { kind: 'image', png, filename: `chart-${fileSafe(target.file)}-${window}.png`, alt: chart.alt },
        { kind: 'paragraph', parts: [chart.summary] },
        { kind: 'note', text: t('chart-note', { subtitle: chart.spec.subtitle, footnote: chart.spec.footnote ?? '' }).trim() },
      ],
      controls,
    };
  },
};
