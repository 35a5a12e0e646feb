import { PassThrough, type Writable } from 'node:stream';
import type { App } from '../../src/app.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import { waitUntil } from './waitUntil.ts';

/**
 * The bot with its console chat, as `npm run chat` runs it: devnet tests type commands and read everything
 * printed (replies, digests, alerts). `open` ends the previous chat and opens the app with `openApp` (which
 * prints to `output`; a restart on the same database); the caller stops the app.
 */
export function consoleBot(openApp: (output: Writable) => Promise<App>) {
  let printed = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  let input = new PassThrough();
  let chat: Promise<void> = Promise.resolve();
  return {
    /** Everything printed so far. */
    printed: () => printed,
    /** How often a pattern was printed. */
    count: (pattern: RegExp) => printed.match(new RegExp(pattern.source, `${pattern.flags}g`))?.length ?? 0,
    async open(): Promise<App> {
      input.end();
      await chat;
      const app = await openApp(output);
      input = new PassThrough();
      chat = runConsoleChat({ input, output, context: app.context, logger: silentLogger, gate: app.gate });
      return app;
    },
    /** Types a command and returns what was printed until its reply ended (a reply ends with a blank line). */
    async type(line: string): Promise<string> {
      const start = printed.length;
      input.write(`${line}\n`);
      await waitUntil(() => printed.slice(start).endsWith('\n\n'), { what: `an answer to ${line}`, timeoutMs: 5_000 });
      return printed.slice(start);
    },
    /** Ends the console chat and waits for it (the app is the caller's to stop). */
    async close(): Promise<void> {
      input.end();
      await chat;
    },
  };
}
