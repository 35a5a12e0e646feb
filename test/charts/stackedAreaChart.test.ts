import { describe, expect, it } from 'vitest';
import { buildLineChartSvg, type ChartSpec } from '../../src/charts/lineChartSvg.ts';
import { stackLayers, type StackedAreas } from '../../src/charts/stackLayers.ts';

const DAY = 86_400;
const TO = Date.UTC(2027, 0, 11) / 1000;
const FROM = TO - 7 * DAY;
const HOURS = 7 * 24;
const times = Array.from({ length: HOURS }, (_, i) => FROM + 3_600 * (i + 1));

/** Three operators with uneven, changing amounts (millions of METIS). */
const stack: StackedAreas = {
  times,
  layers: [
    { label: 'Artemis 35.0%', color: '#0f9d8f', values: times.map((_, i) => (i < 48 ? 0.25 : 0.35)) },
    { label: '0x4444…4444 34.0%', color: '#2563eb', values: times.map((_, i) => 0.3 + 0.04 * Math.sin(i / 9)) },
    { label: 'ENKI <b> 31.0%', color: '#d97706', values: times.map((_, i) => 0.31 - (i % 5) * 0.001) },
  ],
};
const totals = times.map((_, i) => stack.layers.reduce((sum, l) => sum + l.values[i]!, 0));

const spec = (s: StackedAreas = stack): ChartSpec => ({
  title: 'METIS locked by operator — last 7 d',
  subtitle: 'last read block 1',
  from: FROM,
  to: TO,
  panels: [{ title: 'METIS locked, million METIS', unit: '', series: [], stack: s }],
});

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const elements = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<(\\w+) class="${cls}"([^>]*)/?>`, 'g'))].map((m) => Object.fromEntries([...m[2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)])));
const ticks = (svg: string) => [...svg.matchAll(/<text class="y-tick"[^>]*\by="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ y: Number(m[1]) - 4.5, value: Number(m[2]) }));
/** A polygon's points; its first half is the upper edge left to right, the second the lower edge right to left. */
const corners = (points: string) => points.split(' ').map((xy) => xy.split(',').map(Number) as [number, number]);

describe('stackLayers', () => {
  it('GIVEN three layers THEN each starts where the one below ends, the first at 0, and the top is the total at each time', () => {
    const bands = stackLayers(stack);
    expect(bands.map((b) => b.label)).toEqual(stack.layers.map((l) => l.label));
    times.forEach((time, i) => {
      expect(bands[0]!.points[i]).toMatchObject({ time, low: 0 });
      expect(bands[1]!.points[i]!.low).toBe(bands[0]!.points[i]!.high);
      expect(bands[2]!.points[i]!.low).toBe(bands[1]!.points[i]!.high);
      expect(bands[2]!.points[i]!.high).toBeCloseTo(totals[i]!, 12);
      bands.forEach((b, layer) => expect(b.points[i]!.high - b.points[i]!.low).toBeCloseTo(stack.layers[layer]!.values[i]!, 12));
    });
  });

  it('GIVEN a layer without one value per time THEN a RangeError names it', () => {
    expect(() => stackLayers({ times: [1, 2], layers: [{ label: 'short', color: '#000', values: [1] }] })).toThrow(/layer short has 1 values for 2 times/);
  });
});

describe('a stacked panel in buildLineChartSvg', () => {
  const svg = buildLineChartSvg(spec());

  it('GIVEN three layers THEN one filled polygon each, bottom layer first, in its colour', () => {
    const polygons = elements(svg, 'stack-layer');
    expect(polygons.map((p) => [p['data-label'], p.fill])).toEqual(stack.layers.map((l) => [l.label, l.color]));
  });

  it('GIVEN the y axis THEN it starts at 0, and each polygon spans the values stacked: the top edge is the total, the bottom of the first is 0', () => {
    const yTicks = ticks(svg);
    expect(yTicks[0]!.value).toBe(0);
    expect(Math.max(...yTicks.map((t) => t.value))).toBeGreaterThanOrEqual(Math.max(...totals));
    const [a, b] = [yTicks[0]!, yTicks[yTicks.length - 1]!];
    const yOf = (value: number) => a.y + ((value - a.value) / (b.value - a.value)) * (b.y - a.y);
    const polygons = elements(svg, 'stack-layer').map((p) => corners(p.points!));
    const top = polygons[2]!.slice(0, HOURS);
    top.forEach(([, y], i) => expect(Math.abs(y - yOf(totals[i]!))).toBeLessThanOrEqual(0.11)); // coordinates are rounded to 0.1 px
    const bottom = polygons[0]!.slice(HOURS);
    expect(bottom.every(([, y]) => Math.abs(y - yOf(0)) <= 0.11)).toBe(true);
    // Each next layer's lower edge is the previous one's upper edge, point for point.
    const upperOfFirst = polygons[0]!.slice(0, HOURS);
    expect(polygons[1]!.slice(HOURS).reverse()).toEqual(upperOfFirst);
  });

  it('GIVEN the legend THEN a column right of the plot lists every layer in stack order, bottom first, with its share', () => {
    const items = elements(svg, 'legend-item stack');
    expect(items.map((i) => i['data-label'])).toEqual(['Artemis 35.0%', '0x4444…4444 34.0%', 'ENKI <b> 31.0%']);
    expect(svg).toContain('>ENKI &lt;b&gt; 31.0%</text>');
    const frame = elements(svg, 'frame')[0]!;
    const plotRight = Number(frame.x) + Number(frame.width);
    const xs = items.map((i) => Number(/translate\(([\d.]+)/.exec(i.transform!)![1]));
    const ys = items.map((i) => Number(/translate\([\d.]+ ([\d.]+)/.exec(i.transform!)![1]));
    expect(xs.every((x) => x > plotRight)).toBe(true);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    // The plot gives the legend its room: narrower than a chart without a stack.
    const plain = elements(buildLineChartSvg({ ...spec(), panels: [{ title: 'x', unit: '', series: [{ label: 'line', color: '#000', points: [{ time: FROM, value: 1 }, { time: TO, value: 2 }] }] }] }), 'frame')[0]!;
    expect(Number(frame.width)).toBeLessThan(Number(plain.width));
  });

  it('GIVEN a two-day gap in the reads THEN each layer is two polygons, not one drawn across the gap', () => {
    const keep = times.map((_, i) => i < 60 || i >= 108);
    const gapped: StackedAreas = { times: times.filter((_, i) => keep[i]), layers: stack.layers.map((l) => ({ ...l, values: l.values.filter((_, i) => keep[i]) })) };
    const labels = elements(buildLineChartSvg(spec(gapped)), 'stack-layer').map((p) => p['data-label']);
    expect(labels).toEqual(stack.layers.flatMap((l) => [l.label, l.label]));
  });
});
