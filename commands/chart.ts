import { buildLineChartSvg } from '../src/charts/lineChartSvg.ts';
import { svgToPng } from '../src/charts/renderPng.ts';
import { CHART_WINDOWS, isChartWindow, MIN_CHART_POINTS, sourceChart, type ChartWindow } from '../src/charts/sourceChart.ts';
import type { SourceView } from '../src/figures/figures.ts';
import { assetNames, findSources } from './assetNames.ts';
import type { CommandDefinition } from './command.ts';
import type { Reply } from '../src/shared/reply.ts';

const WINDOWS = Object.keys(CHART_WINDOWS) as ChartWindow[];
const DEFAULT_WINDOW: ChartWindow = '7d';

/** Where a token has several sources (a vault and its supply), the one whose chart says most. */
const PREFERENCE: readonly SourceView['kind'][] = ['sequencer', 'erc4626', 'exchange-rate', 'uniswap-v2', 'uniswap-v3', 'algebra', 'erc20-supply'];
const rank = (view: SourceView) => {
  const i = PREFERENCE.indexOf(view.kind);
  return i === -1 ? PREFERENCE.length : i;
};

const text = (...lines: string[]): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [lines.join('\n')] }] });

/** Letters, digits, dot, dash and underscore: safe as an attachment name on every platform and as a file name. */
const fileSafe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);

/** `/chart <asset> [7d|30d|90d]`: a PNG line chart from the stored history. */
export const chartCommand: CommandDefinition = {
  name: 'chart',
  description: 'Chart of an asset from stored history: APY, or price and depeg for pools (7d, 30d or 90d)',
  options: [
    {
      name: 'asset',
      description: 'Source or token, e.g. seMetis',
      type: 'string',
      required: true,
      choices: (context) => assetNames(context.snapshot()),
    },
    {
      name: 'window',
      description: `How far back: ${WINDOWS.join(', ')} (default ${DEFAULT_WINDOW})`,
      type: 'string',
      choices: () => WINDOWS,
    },
  ],
  run(args, context): Reply {
    const asset = String(args.asset);
    const window = typeof args.window === 'string' && isChartWindow(args.window) ? args.window : DEFAULT_WINDOW;
    const view = [...findSources(context.snapshot(), asset)].sort((a, b) => rank(a) - rank(b))[0];
    if (!view) return text(`No source named ${asset}.`);
    if (!context.history) return text('Charts need the stored history, and this bot runs without one.');

    const chart = sourceChart({ view, history: context.history, window, nowMs: context.now() });
    if (!chart.ok) {
      const stored = chart.points === 1 ? '1 stored point' : `${chart.points} stored points`;
      return text(
        `Not enough history for a ${window} chart of ${view.label} yet: ${stored} in the window, and a chart needs at least ${MIN_CHART_POINTS}.`,
        'The bot keeps a point every poll cycle; try again later.',
      );
    }
    const png = svgToPng(buildLineChartSvg(chart.spec));
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: chart.spec.title },
        { kind: 'image', png, filename: `chart-${fileSafe(view.id)}-${window}.png`, alt: chart.alt },
        { kind: 'paragraph', parts: [chart.summary] },
        { kind: 'note', text: `${chart.spec.subtitle}. ${chart.spec.footnote ?? ''}`.trim() },
      ],
    };
  },
};
