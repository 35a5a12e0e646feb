import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import { context } from '../commands/snapshotFixture.ts';

describe('runConsoleChat', () => {
  it('GIVEN lines on stdin THEN each gets its reply and the chat ends with the input', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await runConsoleChat({ input: Readable.from(['/apy seMetis\n', '\n', 'hello\n', '/nope\n']), output, context, logger: silentLogger });
    expect(printed).toContain('APY 24 h: 12.74%');
    expect(printed).toContain('COMMANDS'); // plain text gets the help
    expect(printed).toContain('Unknown command /nope.');
  });
});
