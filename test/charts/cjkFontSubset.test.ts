import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageCharacters, prepareCjkSubset, resetCjkSubset } from '../../src/charts/cjkFontSubset.ts';
import { buildLineChartSvg, type ChartSpec } from '../../src/charts/lineChartSvg.ts';
import { chartFontFiles, cjkFontFiles, fontsFor, svgToPng } from '../../src/charts/renderPng.ts';

const TO = Date.UTC(2027, 0, 11) / 1000;
const FROM = TO - 7 * 86_400;
const spec = (title: string): ChartSpec => ({
  title,
  subtitle: '数据时间 2027-01-11 00:00 UTC · 29 个数据点',
  from: FROM,
  to: TO,
  panels: [{ title: '24 h APY', unit: '%', series: [{ label: '24 h APY', color: '#0f9d8f', points: [{ time: FROM + 3_600, value: 12 }, { time: TO - 3_600, value: 13 }] }] }],
});

describe('the CJK font cut to the messages', () => {
  afterEach(() => resetCjkSubset());

  it('GIVEN the Chinese messages THEN their characters, ASCII and the signs are in the cut', () => {
    const chars = messageCharacters();
    for (const ch of '排序器收益最近天数据时间个点AZaz09−×Δ·') expect(chars).toContain(ch);
  });

  it('GIVEN the cut is ready THEN a Chinese chart uses it, draws the very same picture as the full font, and the cut is a fraction of its size', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'cjk-cut-'));
    const subset = await prepareCjkSubset(cjkFontFiles(), directory);
    expect(subset).toBeDefined();
    expect(subset!.files).toHaveLength(cjkFontFiles().length);
    for (const [i, file] of subset!.files.entries()) {
      expect(path.dirname(file)).toBe(directory);
      expect(statSync(file).size).toBeLessThan(statSync(cjkFontFiles()[i]!).size / 5);
    }
    const svg = buildLineChartSvg(spec('排序器收益 — 最近 7 天'));
    expect(fontsFor(svg)).toEqual([...chartFontFiles(), ...subset!.files]);
    const full = Buffer.from(svgToPng(svg, { fontFiles: [...chartFontFiles(), ...cjkFontFiles()] }));
    expect(Buffer.from(svgToPng(svg)).equals(full)).toBe(true);
  });

  it('GIVEN a character outside the cut (a Chinese name in the config) THEN that chart gets the full font', async () => {
    const subset = await prepareCjkSubset(cjkFontFiles(), mkdtempSync(path.join(tmpdir(), 'cjk-cut-')));
    const rare = '龘'; // in Noto Sans SC, in no message
    expect(subset!.covers(rare)).toBe(false);
    const svg = buildLineChartSvg(spec(`${rare}节点 — 最近 7 天`));
    expect(fontsFor(svg)).toEqual([...chartFontFiles(), ...cjkFontFiles()]);
  });

  it('GIVEN an English chart THEN neither the cut nor the full CJK font', () => {
    expect(fontsFor(buildLineChartSvg(spec('seMetis — APY, last 7 d')).replace(/数据时间.*?个数据点/, 'Data 2027-01-11'))).toEqual(chartFontFiles());
  });
});
