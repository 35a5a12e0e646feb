import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLineChartSvg, type ChartSpec } from '../../src/charts/lineChartSvg.ts';
import { chartFontFiles, cjkFontFiles, svgToPng } from '../../src/charts/renderPng.ts';
import { darkPixels, decodePng, PNG_SIGNATURE, type DecodedPng } from './decodePng.ts';

const TO = Date.UTC(2027, 0, 11) / 1000;
const FROM = TO - 7 * 86_400;

const spec = (title: string): ChartSpec => ({
  title,
  subtitle: '',
  from: FROM,
  to: TO,
  panels: [{ title: '', unit: '%', series: [{ label: '', color: '#0f9d8f', points: [{ time: FROM + 3_600, value: 12 }, { time: TO - 3_600, value: 13 }] }] }],
});

/** Where the title sits: from the left margin, above the subtitle line. */
const TITLE_BOX = { x: 80, y: 10, width: 600, height: 34 };

describe('svgToPng', () => {
  it('GIVEN a chart THEN a PNG of the SVG size (signature and IHDR)', () => {
    const png = svgToPng(buildLineChartSvg(spec('seMetis — APY, last 7 d')));
    const bytes = Buffer.from(png);
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1000, 540]);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([1000, 540]);
  });

  it('GIVEN no system fonts are loaded THEN the title is still drawn, with the bundled DejaVu Sans', () => {
    for (const file of chartFontFiles()) expect(existsSync(file)).toBe(true);
    const withTitle = decodePng(svgToPng(buildLineChartSvg(spec('seMetis — APY, last 7 d'))));
    const withoutTitle = decodePng(svgToPng(buildLineChartSvg(spec(''))));
    expect(darkPixels(withoutTitle, TITLE_BOX)).toBe(0);
    expect(darkPixels(withTitle, TITLE_BOX)).toBeGreaterThan(500);
  });

  it('GIVEN no font file at all THEN no text appears: the glyphs above come from our font, not the machine', () => {
    const title = decodePng(svgToPng(buildLineChartSvg(spec('seMetis — APY, last 7 d')), { fontFiles: [] }));
    expect(darkPixels(title, TITLE_BOX)).toBe(0);
  });

  it('GIVEN escaped markup in the text THEN resvg parses the SVG; GIVEN broken XML THEN it throws', () => {
    expect(() => svgToPng(buildLineChartSvg(spec('<b>&amp;</b> "x" \'y\'')))).not.toThrow();
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>a < b</text></svg>')).toThrow();
  });

  it('GIVEN a Chinese title THEN its glyphs come from the bundled Noto Sans SC: without it only empty boxes are drawn', () => {
    for (const file of cjkFontFiles()) expect(existsSync(file)).toBe(true);
    const svg = buildLineChartSvg(spec('排序器收益 — 最近 7 天'));
    const drawn = decodePng(svgToPng(svg));
    const latinOnly = decodePng(svgToPng(svg, { fontFiles: chartFontFiles() }));
    expect(darkPixels(drawn, TITLE_BOX)).toBeGreaterThan(1500);
    // DejaVu has no Han glyph: it draws a box for each, a different picture with less ink.
    expect(darkPixels(latinOnly, TITLE_BOX)).toBeLessThan(darkPixels(drawn, TITLE_BOX) * 0.7);
    expect(differentPixels(drawn, latinOnly, TITLE_BOX)).toBeGreaterThan(1000);
  });

  it('GIVEN the CJK font loaded THEN text without CJK keeps DejaVu Sans: the English picture is the same', () => {
    const svg = buildLineChartSvg(spec('seMetis — APY, last 7 d'));
    const dejaVu = Buffer.from(svgToPng(svg, { fontFiles: chartFontFiles() }));
    expect(Buffer.from(svgToPng(svg, { fontFiles: [...chartFontFiles(), ...cjkFontFiles()] })).equals(dejaVu)).toBe(true);
  });

  it('GIVEN an English chart THEN the CJK font is not loaded and the picture is the one DejaVu alone draws', () => {
    const svg = buildLineChartSvg(spec('seMetis — APY, last 7 d'));
    const png = Buffer.from(svgToPng(svg));
    expect(png.equals(Buffer.from(svgToPng(svg, { fontFiles: chartFontFiles() })))).toBe(true);
    // The fallback family named in the picture changes nothing for Latin text.
    const before = svg.replace('font-family="DejaVu Sans, Noto Sans SC"', 'font-family="DejaVu Sans"');
    expect(before).not.toBe(svg);
    expect(png.equals(Buffer.from(svgToPng(before, { fontFiles: chartFontFiles() })))).toBe(true);
  });
});

/** Pixels of the box whose colour differs between two pictures of the same size. */
function differentPixels(a: DecodedPng, b: DecodedPng, box: typeof TITLE_BOX): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.pixels.readUInt32BE(i) !== b.pixels.readUInt32BE(i)) count++;
    }
  }
  return count;
}
