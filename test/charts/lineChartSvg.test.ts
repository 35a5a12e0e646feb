import { describe, expect, it } from 'vitest';
import { buildLineChartSvg, escapeXml, splitAtGaps, type ChartPoint, type ChartSpec } from '../../src/charts/lineChartSvg.ts';

const DAY = 86_400;
/** Monday 2027-01-11 00:00 UTC. */
const TO = Date.UTC(2027, 0, 11) / 1000;
const FROM = TO - 7 * DAY;

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text content of every `<text class="…">` of a class, unescaped, in document order. */
const texts = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => unescape(m[1]!));
/** The attributes of every element of a class. */
const elements = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<(\\w+) class="${cls}"([^>]*)/?>`, 'g'))].map((m) => Object.fromEntries([...m[2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)])));
/** The y coordinate of each y tick label, in document order. */
const yOf = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*\\by="([\\d.-]+)"`, 'g'))].map((m) => Number(m[1]));
/** The points of an SVG path's d attribute, per sub-path. */
const subPaths = (d: string) => d.split('M').filter(Boolean).map((run) => run.split('L').map((xy) => xy.trim().split(' ').map(Number)));

const hourly = (from: number, to: number, value: (i: number) => number): ChartPoint[] =>
  Array.from({ length: Math.floor((to - from) / 3_600) }, (_, i) => ({ time: from + 1_800 + i * 3_600, value: value(i) }));

const apySpec = (overrides: Partial<ChartSpec> = {}): ChartSpec => ({
  title: 'seMetis — APY, last 7 d',
  subtitle: 'data as of 2027-01-11 00:00 UTC (age 2m)',
  from: FROM,
  to: TO,
  panels: [
    {
      title: 'APY, % a year',
      unit: '%',
      series: [
        { label: '24 h APY', color: '#0f9d8f', points: hourly(FROM, TO, (i) => 12.2 + (i % 24) / 40) },
        { label: '7 d APY', color: '#2563eb', dashed: true, points: hourly(FROM, TO, () => 12.6) },
      ],
    },
  ],
  footnote: 'Times in UTC',
  ...overrides,
});

describe('buildLineChartSvg', () => {
  it('GIVEN an APY series THEN the title, subtitle, footnote, panel title and legend are in the picture', () => {
    const svg = buildLineChartSvg(apySpec());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="540"')).toBe(true);
    expect(texts(svg, 'title')).toEqual(['seMetis — APY, last 7 d']);
    expect(texts(svg, 'subtitle')).toEqual(['data as of 2027-01-11 00:00 UTC (age 2m)']);
    expect(texts(svg, 'footnote')).toEqual(['Times in UTC']);
    expect(texts(svg, 'panel-title')).toEqual(['APY, % a year']);
    expect(svg).toContain('>24 h APY</text>');
    expect(svg).toContain('>7 d APY</text>');
  });

  it('GIVEN values 12.2 % … 12.775 % THEN y ticks are round percents covering them, from the bottom up', () => {
    const svg = buildLineChartSvg(apySpec());
    expect(texts(svg, 'y-tick')).toEqual(['12.0%', '12.2%', '12.4%', '12.6%', '12.8%']);
    const ys = yOf(svg, 'y-tick');
    expect(ys).toEqual([...ys].sort((a, b) => b - a)); // larger values higher up
  });

  it('GIVEN a 7-day window THEN x ticks are the UTC days inside it, ends included', () => {
    const svg = buildLineChartSvg(apySpec());
    expect(texts(svg, 'x-tick')).toEqual(['4 Jan', '5 Jan', '6 Jan', '7 Jan', '8 Jan', '9 Jan', '10 Jan', '11 Jan']);
    const shifted = buildLineChartSvg(apySpec({ from: FROM + 3_600, to: TO + 3_600 }));
    expect(texts(shifted, 'x-tick')).toEqual(['5 Jan', '6 Jan', '7 Jan', '8 Jan', '9 Jan', '10 Jan', '11 Jan']);
  });

  it('GIVEN a tick at the right end of the axis THEN its label ends inside the picture, the others stay centred', () => {
    const svg = buildLineChartSvg(apySpec());
    const labels = elements(svg, 'x-tick');
    const last = labels.at(-1)!;
    expect(last['text-anchor']).toBe('end');
    expect(Number(last.x)).toBe(972); // the plot's right end: the label ends under its tick
    expect(labels.slice(0, -1).every((l) => l['text-anchor'] === 'middle')).toBe(true);
    // Width of "11 Jan" at 13 px, DejaVu's ~0.6 em average: the label's left edge lies right of the previous tick's label.
    expect(Number(last.x) - 6 * 13 * 0.6).toBeGreaterThan(Number(labels.at(-2)!.x) + (6 * 13 * 0.6) / 2);
  });

  it('GIVEN N points THEN the line has N vertices, inside the plot, and the dashed series is dashed', () => {
    const svg = buildLineChartSvg(apySpec());
    const [day, week] = elements(svg, 'series');
    expect(day!['data-label']).toBe('24 h APY');
    expect(day!['data-points']).toBe('168');
    const runs = subPaths(day!.d!);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toHaveLength(168);
    for (const [px, py] of runs[0]!) {
      expect(px).toBeGreaterThanOrEqual(84);
      expect(px).toBeLessThanOrEqual(972);
      expect(py).toBeGreaterThan(84);
      expect(py).toBeLessThan(540 - 64);
    }
    expect(day!['stroke-dasharray']).toBeUndefined();
    expect(week!['stroke-dasharray']).toBe('8 5');
  });

  it('GIVEN a long gap in the data THEN the line breaks there instead of bridging it', () => {
    const points = hourly(FROM, TO, () => 12).filter((p) => p.time < FROM + 2 * DAY || p.time > FROM + 4 * DAY);
    const svg = buildLineChartSvg(apySpec({ panels: [{ title: 'APY', unit: '%', series: [{ label: 'a', color: '#000', points }] }] }));
    const runs = subPaths(elements(svg, 'series')[0]!.d!);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.length + runs[1]!.length).toBe(points.length);
  });

  it('GIVEN a single point THEN a dot, and an empty series THEN nothing and no legend entry', () => {
    const svg = buildLineChartSvg(
      apySpec({
        panels: [
          {
            title: 'APY',
            unit: '%',
            series: [
              { label: 'one', color: '#000', points: [{ time: TO - DAY, value: 12 }] },
              { label: 'none', color: '#111', points: [] },
            ],
          },
        ],
      }),
    );
    expect(elements(svg, 'series').map((e) => e['data-label'])).toEqual(['one']);
    expect(svg).toMatch(/<circle class="series" data-label="one"/);
    expect(svg).not.toContain('>none</text>');
  });

  it('GIVEN a pool THEN two panels on one time axis, a band of 2N corners and a reference line', () => {
    const price = hourly(FROM, TO, (i) => 0.996 + (i % 10) / 10_000);
    const svg = buildLineChartSvg(
      apySpec({
        panels: [
          {
            title: 'Price, METIS per eMetis',
            unit: '',
            weight: 2,
            series: [{ label: 'price', color: '#0f9d8f', points: price }],
            bands: [{ label: 'fair ± 50 bps', color: '#2563eb', points: price.map((p) => ({ time: p.time, low: 0.995, high: 1.005 })) }],
          },
          { title: 'Depeg, bps', unit: ' bps', series: [{ label: 'depeg', color: '#d97706', points: price.map((p) => ({ time: p.time, value: (p.value - 1) * 10_000 })) }], referenceLines: [{ value: 0, label: 'at fair value' }] },
        ],
      }),
    );
    expect(svg).toContain('height="720"');
    expect(texts(svg, 'panel-title')).toEqual(['Price, METIS per eMetis', 'Depeg, bps']);
    expect(texts(svg, 'x-tick')).toHaveLength(8); // under the last panel only
    const band = elements(svg, 'band')[0]!;
    expect(band.points!.split(' ')).toHaveLength(2 * price.length);
    expect(band['data-label']).toBe('fair ± 50 bps');
    expect(texts(svg, 'reference-label')).toEqual(['at fair value']);
    const ticks = texts(svg, 'y-tick');
    expect(ticks).toContain('0 bps');
    expect(ticks.some((t) => t.startsWith('\u2212') && t.endsWith(' bps'))).toBe(true); // real minus sign
    // The price scale covers the band (0.995 … 1.005) as well as the line.
    const priceTicks = ticks.filter((t) => !t.endsWith('bps')).map(Number);
    expect(Math.min(...priceTicks)).toBeLessThanOrEqual(0.995);
    expect(Math.max(...priceTicks)).toBeGreaterThanOrEqual(1.005);
  });

  it('GIVEN markup and quotes in labels THEN every text is XML-escaped and control characters dropped', () => {
    const nasty = 'A <b>&amp;</b> "quoted" \'x\'\u0007';
    const svg = buildLineChartSvg(
      apySpec({ title: nasty, subtitle: '</text><script>alert(1)</script>', panels: [{ title: nasty, unit: '<%>', series: [{ label: nasty, color: '"red"', points: hourly(FROM, TO, () => 1) }] }] }),
    );
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0007');
    expect(texts(svg, 'title')).toEqual(['A <b>&amp;</b> "quoted" \'x\'']);
    expect(texts(svg, 'subtitle')).toEqual(['</text><script>alert(1)</script>']);
    expect(elements(svg, 'series')[0]!['data-label']).toBe('A <b>&amp;</b> "quoted" \'x\'');
    const yTicks = texts(svg, 'y-tick');
    expect(yTicks.length).toBeGreaterThanOrEqual(2);
    expect(yTicks.every((t) => t.endsWith('<%>'))).toBe(true);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('GIVEN the same spec THEN the same SVG', () => {
    expect(buildLineChartSvg(apySpec())).toBe(buildLineChartSvg(apySpec()));
  });
});

describe('splitAtGaps', () => {
  it('GIVEN regular points with one hole five times the usual step THEN two runs', () => {
    const points = [0, 10, 20, 30, 200, 210].map((time) => ({ time, value: 1 }));
    expect(splitAtGaps(points).map((run) => run.map((p) => p.time))).toEqual([
      [0, 10, 20, 30],
      [200, 210],
    ]);
    expect(splitAtGaps([])).toEqual([]);
    expect(splitAtGaps(points.slice(0, 2))).toHaveLength(1);
  });
});
