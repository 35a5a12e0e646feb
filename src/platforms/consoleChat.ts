import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import type { Logger } from '../log/logger.ts';
import { renderText } from './renderText.ts';

/**
 * The console chat: one command per input line, the reply printed below it, through the same commands as
 * every platform. Resolves when the input ends (so `printf '/apy\n' | …` prints and stops).
 */
export async function runConsoleChat(p: { input: Readable; output: Writable; context: CommandContext; logger: Logger; prompt?: boolean }): Promise<void> {
  const lines = createInterface({ input: p.input, terminal: false });
  const prompt = () => {
    if (p.prompt) p.output.write('> ');
  };
  prompt();
  for await (const line of lines) {
    if (line.trim() === '') {
      prompt();
      continue;
    }
    try {
      const reply = handleCommandText(line, p.context) ?? handleCommandText('/help', p.context);
      if (reply) p.output.write(`${renderText(reply)}\n\n`);
    } catch (error) {
      p.logger.error('command failed', { error, line: line.slice(0, 100) });
      p.output.write('Something went wrong answering that; it has been logged.\n\n');
    }
    prompt();
  }
}
