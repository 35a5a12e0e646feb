import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { translatorOf, type CommandContext } from '../../commands/command.ts';
import { createCommandGate, type CommandGate } from '../../commands/commandGate.ts';
import { commandFailure } from '../../commands/failureReply.ts';
import { commandNameOf, handleCommandText } from '../../commands/registry.ts';
import { withChat } from './chatLanguage.ts';
import type { Logger } from '../log/logger.ts';
import type { Reply } from '../vocabulary/reply.ts';
import { consoleControlsLine } from './consoleControls.ts';
import { renderText } from './renderText.ts';
import { saveReplyImages } from './saveReplyImages.ts';

/**
 * The console chat: one command per input line, the reply printed below it, through the same commands as
 * every platform. Resolves when the input ends (so `printf '/apy\n' | …` prints and stops). Pictures (charts)
 * are written to `imageDir` (default: a folder in the system's temp directory) and their path printed.
 */
export async function runConsoleChat(p: { input: Readable; output: Writable; context: CommandContext; logger: Logger; prompt?: boolean; imageDir?: string; gate?: CommandGate }): Promise<void> {
  const lines = createInterface({ input: p.input, terminal: false });
  // The app's gate (metrics shared with every platform); the console itself is not rate-limited.
  const gate = p.gate ?? createCommandGate();
  const prompt = () => {
    if (p.prompt) p.output.write('> ');
  };
  // The operator at the keyboard: one private chat, allowed to change its own subscriptions.
  const chat = { platform: 'console' as const, chatId: 'console', userId: 'console', kind: 'private' as const, isAdmin: () => true };
  // Its language is read for each line: a /lang takes effect on the next.
  const contextNow = () => withChat(p.context, chat);
  const show = (reply: Reply) => {
    const buttons = consoleControlsLine(reply, translatorOf(contextNow()));
    p.output.write(`${renderText(saveReplyImages(reply, p.imageDir))}${buttons ? `\n\n${buttons}` : ''}\n\n`);
  };
  prompt();
  for await (const line of lines) {
    if (line.trim() === '') {
      prompt();
      continue;
    }
    try {
      const context = contextNow();
      const request = { platform: 'console' as const, userId: 'console', command: commandNameOf(line) ?? 'help', language: () => translatorOf(context) };
      const reply = await gate.serve(request, () => handleCommandText(line, context) ?? handleCommandText('/help', context));
      if (reply) show(reply);
    } catch (error) {
      const failure = commandFailure(undefined, translatorOf(contextNow()));
      p.logger.error('command handler failed', { ref: failure.ref, error, line: line.slice(0, 100) });
      p.output.write(`${renderText(failure.reply)}\n\n`);
    }
    prompt();
  }
}
