import { formatTick, linearScale, niceTicks, timeTicks, type LinearScale } from './scale.ts';
import { stackLayers, type StackedAreas, type StackedBand } from './stackLayers.ts';

/** One point of a time series: unix seconds and a value in the panel's unit. */
export interface ChartPoint {
  readonly time: number;
  readonly value: number;
}

export interface LineSeries {
  readonly label: string;
  readonly points: readonly ChartPoint[];
  /** A CSS colour. */
  readonly color: string;
  readonly dashed?: boolean;
}

/** A shaded range between two values at each time (e.g. fair value ± 50 bps). */
export interface BandSeries {
  readonly label: string;
  readonly points: readonly { readonly time: number; readonly low: number; readonly high: number }[];
  readonly color: string;
}

export interface ChartPanel {
  /** Shown above the panel: what the values are and in which unit, e.g. "APY, % a year". */
  readonly title: string;
  /** Appended to each y tick: '%', ' bps' or ''. */
  readonly unit: string;
  readonly series: readonly LineSeries[];
  readonly bands?: readonly BandSeries[];
  /** Horizontal lines always inside the scale (e.g. 0 bps). */
  readonly referenceLines?: readonly { readonly value: number; readonly label: string }[];
  /** Filled areas stacked from 0, under the lines; their legend is a column right of the plot. */
  readonly stack?: StackedAreas;
  /** The y axis reaches down to 0 (amounts, where a zoomed axis would exaggerate a change); a stack always does. */
  readonly fromZero?: boolean;
  /** Relative height among the panels; default 1. */
  readonly weight?: number;
}

export interface ChartSpec {
  readonly title: string;
  /** The second line: data age and window, e.g. "data as of … (age 2m)". */
  readonly subtitle: string;
  /** The time axis, unix seconds. */
  readonly from: number;
  readonly to: number;
  readonly panels: readonly ChartPanel[];
  /** Small print under the time axis. */
  readonly footnote?: string;
  readonly width?: number;
  readonly height?: number;
}

/** The font the picture names; the PNG renderer loads it from a file shipped with the bot. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';
/** The fallback for glyphs DejaVu lacks (Chinese): named after it, so Latin text keeps DejaVu. */
export const CJK_FONT_FAMILY = 'Noto Sans SC';

/** Han ideographs, CJK punctuation and full-width forms: text that needs the CJK font. */
export const CJK_TEXT = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Removes characters XML 1.0 cannot hold at all (escaping does not help for those). */
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const esc = (text: string) => escapeXml(xmlSafe(text));

/**
 * The family of a text with CJK in it. resvg falls back per text element, not per glyph: when a glyph is
 * missing it redraws the whole element in a font that has them all, and at regular weight. Naming the CJK font
 * on such elements keeps their weight; elements without CJK keep DejaVu.
 */
const family = (text: string) => (CJK_TEXT.test(text) ? ` font-family="${CJK_FONT_FAMILY}"` : '');

/** Rough width of text for laying out legends: DejaVu Sans averages about 0.6 em, a CJK glyph is a full em. */
const textWidth = (text: string, size: number) => [...text].reduce((sum, c) => sum + (CJK_TEXT.test(c) ? 1 : 0.6), 0) * size;

const px = (n: number) => (Math.round(n * 10) / 10).toString();

const COLORS = { background: '#ffffff', text: '#1f2933', muted: '#616e7c', grid: '#e4e7eb', axis: '#9aa5b1', reference: '#7b8794' } as const;

const MARGIN = { left: 84, right: 28, top: 84, bottom: 64 } as const;
const PANEL_HEADER = 26;
const PANEL_GAP = 18;

/**
 * Splits a series where the time between two points is far longer than usual (the bot was down or the source
 * failed), so the chart shows the gap instead of a straight line across it.
 */
export function splitAtGaps<T extends { readonly time: number }>(points: readonly T[]): T[][] {
  if (points.length < 3) return points.length === 0 ? [] : [[...points]];
  const steps = points.slice(1).map((p, i) => p.time - points[i]!.time).sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)]!;
  const limit = Math.max(median * 5, 1);
  const runs: T[][] = [[points[0]!]];
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.time - points[i - 1]!.time > limit) runs.push([]);
    runs[runs.length - 1]!.push(points[i]!);
  }
  return runs;
}

function panelValues(panel: ChartPanel, stacked: readonly StackedBand[]): number[] {
  return [
    ...(panel.fromZero || stacked.length > 0 ? [0] : []),
    ...stacked.flatMap((b) => b.points.flatMap((p) => [p.low, p.high])),
    ...panel.series.flatMap((s) => s.points.map((p) => p.value)),
    ...(panel.bands ?? []).flatMap((b) => b.points.flatMap((p) => [p.low, p.high])),
    ...(panel.referenceLines ?? []).map((r) => r.value),
  ].filter(Number.isFinite);
}

function legend(panel: ChartPanel, right: number, y: number): string {
  const items: { label: string; swatch: string }[] = [
    ...panel.series
      .filter((s) => s.points.length > 0)
      .map((s) => ({
        label: s.label,
        swatch: `<line x1="0" y1="-4" x2="22" y2="-4" stroke="${esc(s.color)}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      })),
    ...(panel.bands ?? [])
      .filter((b) => b.points.length > 0)
      .map((b) => ({ label: b.label, swatch: `<rect x="0" y="-10" width="22" height="12" fill="${esc(b.color)}" fill-opacity="0.18"/>` })),
  ];
  let x = right;
  const parts: string[] = [];
  for (const item of items.reverse()) {
    const width = 28 + textWidth(item.label, 13);
    x -= width;
    parts.push(`<g class="legend-item" transform="translate(${px(x)} ${px(y)})">${item.swatch}<text x="28" y="0" font-size="13" fill="${COLORS.text}"${family(item.label)}>${esc(item.label)}</text></g>`);
    x -= 18;
  }
  return parts.reverse().join('');
}

const SIDE_LEGEND = { swatch: 14, gap: 8, row: 22, font: 13 } as const;

/** How wide the column right of the plots must be for the stack legends (0 without stacks). */
function sideLegendWidth(panels: readonly ChartPanel[]): number {
  const labels = panels.flatMap((p) => p.stack?.layers.map((l) => l.label) ?? []);
  if (labels.length === 0) return 0;
  return 24 + SIDE_LEGEND.swatch + SIDE_LEGEND.gap + Math.max(...labels.map((l) => textWidth(l, SIDE_LEGEND.font)));
}

/** A stack's legend as a column from the top of its plot, in the order the layers were given (bottom first). */
function sideLegend(stacked: readonly StackedBand[], left: number, top: number): string {
  return stacked
    .map((band, i) => {
      const y = top + 12 + i * SIDE_LEGEND.row;
      return (
        `<g class="legend-item stack" data-label="${esc(band.label)}" transform="translate(${px(left)} ${px(y)})">` +
        `<rect x="0" y="-11" width="${SIDE_LEGEND.swatch}" height="${SIDE_LEGEND.swatch}" fill="${esc(band.color)}"/>` +
        `<text x="${SIDE_LEGEND.swatch + SIDE_LEGEND.gap}" y="0" font-size="${SIDE_LEGEND.font}" fill="${COLORS.text}"${family(band.label)}>${esc(band.label)}</text></g>`
      );
    })
    .join('');
}

/** A stacked band as filled polygons, one per run of points between gaps. */
function stackPolygons(band: StackedBand, x: LinearScale, y: LinearScale): string {
  return splitAtGaps(band.points)
    .filter((run) => run.length > 1)
    .map((run) => {
      const upper = run.map((p) => `${px(x(p.time))},${px(y(p.high))}`);
      const lower = [...run].reverse().map((p) => `${px(x(p.time))},${px(y(p.low))}`);
      return `<polygon class="stack-layer" data-label="${esc(band.label)}" points="${[...upper, ...lower].join(' ')}" fill="${esc(band.color)}" stroke="none"/>`;
    })
    .join('');
}

/**
 * Where a time label goes: centred under its tick, or ending (starting) at its tick when centring would bring
 * it within a margin of the picture's right (left) edge.
 */
function xTickPlacement(tickX: number, labelWidth: number, pictureWidth: number): string {
  const edge = 16;
  if (tickX + labelWidth / 2 > pictureWidth - edge) return `x="${px(tickX)}" text-anchor="end"`;
  if (tickX - labelWidth / 2 < edge) return `x="${px(tickX)}" text-anchor="start"`;
  return `x="${px(tickX)}" text-anchor="middle"`;
}

function linePath(points: readonly ChartPoint[], x: LinearScale, y: LinearScale): string {
  return splitAtGaps(points)
    .map((run) => run.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.time))} ${px(y(p.value))}`).join(''))
    .join('');
}

/**
 * A line chart as SVG text: a title and subtitle, then one or more panels stacked on a shared UTC time axis,
 * each with its own nicely rounded y axis, grid, legend, lines (dashed where asked), shaded bands,
 * reference lines and stacked areas (legend in a column right of the plots). Every piece of text is XML-escaped. Pure: the same spec gives the same SVG.
 * @example buildLineChartSvg({ title: 'seMetis', subtitle: 'data as of …', from, to, panels: [{ title: 'APY, %', unit: '%', series: [...] }] })
 */
export function buildLineChartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 1000;
  const height = spec.height ?? (spec.panels.length > 1 ? 720 : 540);
  const plotLeft = MARGIN.left;
  const sideWidth = sideLegendWidth(spec.panels);
  const plotRight = width - MARGIN.right - sideWidth;
  const x = linearScale([spec.from, spec.to], [plotLeft, plotRight]);
  const weights = spec.panels.map((p) => p.weight ?? 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const available = height - MARGIN.top - MARGIN.bottom - spec.panels.length * PANEL_HEADER - Math.max(0, spec.panels.length - 1) * PANEL_GAP;
  const ticks = timeTicks(spec.from, spec.to);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}, ${CJK_FONT_FAMILY}">`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="${COLORS.background}"/>`,
    `<text class="title" x="${plotLeft}" y="36" font-size="24" font-weight="bold" fill="${COLORS.text}"${family(spec.title)}>${esc(spec.title)}</text>`,
    `<text class="subtitle" x="${plotLeft}" y="62" font-size="15" fill="${COLORS.muted}"${family(spec.subtitle)}>${esc(spec.subtitle)}</text>`,
  );

  let top = MARGIN.top;
  spec.panels.forEach((panel, index) => {
    const headerY = top + 17;
    const plotTop = top + PANEL_HEADER;
    const plotBottom = plotTop + (available * weights[index]!) / totalWeight;
    const stacked = panel.stack ? stackLayers(panel.stack) : [];
    const values = panelValues(panel, stacked);
    const low = values.length > 0 ? Math.min(...values) : 0;
    const high = values.length > 0 ? Math.max(...values) : 1;
    // A little air above and below, so a line never runs along the frame; an axis from 0 starts at 0 itself.
    const below = (panel.fromZero || stacked.length > 0) && low >= 0 ? 0 : (high - low) * 0.04;
    const yTicks = niceTicks(low - below, high + (high - low) * 0.04, 6);
    const y = linearScale([yTicks.min, yTicks.max], [plotBottom, plotTop]);
    const clipId = `plot-${index}`;
    out.push(`<g class="panel" data-title="${esc(panel.title)}">`);
    out.push(`<text class="panel-title" x="${plotLeft}" y="${px(headerY)}" font-size="14" font-weight="bold" fill="${COLORS.text}"${family(panel.title)}>${esc(panel.title)}</text>`);
    out.push(legend(panel, plotRight, headerY));
    if (stacked.length > 0) out.push(sideLegend(stacked, plotRight + 24, plotTop));
    out.push(`<clipPath id="${clipId}"><rect x="${px(plotLeft)}" y="${px(plotTop - 2)}" width="${px(plotRight - plotLeft)}" height="${px(plotBottom - plotTop + 4)}"/></clipPath>`);
    for (const value of yTicks.values) {
      const ty = y(value);
      out.push(`<line class="grid" x1="${px(plotLeft)}" y1="${px(ty)}" x2="${px(plotRight)}" y2="${px(ty)}" stroke="${COLORS.grid}" stroke-width="1"/>`);
      out.push(
        `<text class="y-tick" x="${px(plotLeft - 8)}" y="${px(ty + 4.5)}" font-size="13" text-anchor="end" fill="${COLORS.muted}">${esc(formatTick(value, yTicks.decimals) + panel.unit)}</text>`,
      );
    }
    for (const tick of ticks) {
      out.push(`<line class="grid" x1="${px(x(tick.time))}" y1="${px(plotTop)}" x2="${px(x(tick.time))}" y2="${px(plotBottom)}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    }
    out.push(`<g clip-path="url(#${clipId})">`);
    for (const band of stacked) out.push(stackPolygons(band, x, y));
    for (const band of panel.bands ?? []) {
      if (band.points.length < 2) continue;
      const upper = band.points.map((p) => `${px(x(p.time))},${px(y(p.high))}`);
      const lower = [...band.points].reverse().map((p) => `${px(x(p.time))},${px(y(p.low))}`);
      out.push(`<polygon class="band" data-label="${esc(band.label)}" points="${[...upper, ...lower].join(' ')}" fill="${esc(band.color)}" fill-opacity="0.18" stroke="none"/>`);
    }
    for (const line of panel.referenceLines ?? []) {
      const ry = y(line.value);
      out.push(`<line class="reference" x1="${px(plotLeft)}" y1="${px(ry)}" x2="${px(plotRight)}" y2="${px(ry)}" stroke="${COLORS.reference}" stroke-width="1.2" stroke-dasharray="2 3"/>`);
      out.push(`<text class="reference-label" x="${px(plotLeft + 6)}" y="${px(ry - 5)}" font-size="12" fill="${COLORS.reference}"${family(line.label)}>${esc(line.label)}</text>`);
    }
    for (const series of panel.series) {
      const attributes = `data-label="${esc(series.label)}" data-points="${series.points.length}" fill="none" stroke="${esc(series.color)}"`;
      if (series.points.length === 1) {
        const p = series.points[0]!;
        out.push(`<circle class="series" ${attributes} cx="${px(x(p.time))}" cy="${px(y(p.value))}" r="3" fill-opacity="1" stroke-width="2"/>`);
      } else if (series.points.length > 1) {
        out.push(
          `<path class="series" ${attributes} stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"${series.dashed ? ' stroke-dasharray="8 5"' : ''} d="${linePath(series.points, x, y)}"/>`,
        );
      }
    }
    out.push('</g>');
    out.push(`<rect class="frame" x="${px(plotLeft)}" y="${px(plotTop)}" width="${px(plotRight - plotLeft)}" height="${px(plotBottom - plotTop)}" fill="none" stroke="${COLORS.axis}" stroke-width="1"/>`);
    const last = index === spec.panels.length - 1;
    if (last) {
      for (const tick of ticks) {
        const tx = x(tick.time);
        out.push(`<line class="x-tick-mark" x1="${px(tx)}" y1="${px(plotBottom)}" x2="${px(tx)}" y2="${px(plotBottom + 5)}" stroke="${COLORS.axis}" stroke-width="1"/>`);
        out.push(`<text class="x-tick" ${xTickPlacement(tx, textWidth(tick.label, 13), width)} y="${px(plotBottom + 21)}" font-size="13" fill="${COLORS.muted}"${family(tick.label)}>${esc(tick.label)}</text>`);
      }
    }
    out.push('</g>');
    top = plotBottom + PANEL_GAP;
  });

  if (spec.footnote) {
    out.push(`<text class="footnote" x="${plotLeft}" y="${height - 14}" font-size="12" fill="${COLORS.muted}"${family(spec.footnote)}>${esc(spec.footnote)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
