import type { CommandContext } from '../commands/command.ts';
import { handleCommandText } from '../commands/registry.ts';
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
 * A chart answered in English and in Chinese from the same history: the Chinese one also loads Noto Sans SC
 * (10 MB a weight, parsed by resvg on every render), the price of drawing Chinese text.
 */
export function benchChartLanguages(context: CommandContext, line = '/chart seMetis 7d', runs = 7): { en: number; zh: number } {
  medianMs(context, line, 1); // load resvg and the fonts' files into the page cache
  return { en: medianMs({ ...context, t: translator('en') }, line, runs), zh: medianMs({ ...context, t: translator('zh-CN') }, line, runs) };
}
