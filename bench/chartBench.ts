import type { CommandContext } from '../commands/command.ts';
import { handleCommandText } from '../commands/registry.ts';
import { prepareCjkSubset } from '../src/charts/cjkFontSubset.ts';
import { cjkFontFiles } from '../src/charts/renderPng.ts';
import { translator } from '../src/i18n/translator.ts';
import { percentile } from './percentiles.ts';

/** Median time of `runs` answers of one chart command (drawn, rasterised to PNG), in one language. */
function medianMs(context: CommandContext, line: string, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const reply = handleCommandText(line, context);
    if (!reply?.blocks.some((b) => b.kind === 'image')) throw new Error(`${line} drew no picture`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(samples, 50);
}

/**
 * A chart answered in English and in Chinese from the same history. A Chinese one also needs Noto Sans SC, which
 * resvg parses on every render: the full font (10 MB a weight) until the cut to the messages' characters is
 * ready (src/charts/cjkFontSubset.ts), then the cut.
 */
export async function benchChartLanguages(context: CommandContext, line = '/chart seMetis 7d', runs = 7): Promise<{ en: number; zhFull: number; zhCut: number }> {
  const zh = { ...context, t: translator('zh-CN') };
  medianMs(context, line, 1); // load resvg and the fonts' files into the page cache
  const en = medianMs({ ...context, t: translator('en') }, line, runs);
  const zhFull = medianMs(zh, line, runs); // the cut is being made meanwhile: it is ready only after an await
  await prepareCjkSubset(cjkFontFiles());
  return { en, zhFull, zhCut: medianMs(zh, line, runs) };
}
