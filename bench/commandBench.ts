import type { CommandContext } from '../commands/command.ts';
import { handleCommandText } from '../commands/registry.ts';
import { renderTelegramHtml } from '../src/platforms/renderTelegramHtml.ts';
import { percentile } from './percentiles.ts';

/**
 * `/apy` handled `runs` times from memory, parsed, run and rendered to Telegram HTML as the bot does.
 * @returns p50 and p99 in milliseconds.
 */
export function benchApyCommand(context: CommandContext, runs = 10_000): { p50: number; p99: number; max: number } {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) renderTelegramHtml(handleCommandText('/apy', context)!); // warm up the JIT
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const reply = handleCommandText(i % 2 === 0 ? '/apy' : '/apy seMetis', context)!;
    renderTelegramHtml(reply);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) };
}
