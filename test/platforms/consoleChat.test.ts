import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/log/logger.ts';
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

  it('GIVEN a command that throws THEN the failure reply with a reference is printed, never the error, and the log line carries that reference', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
    const failing = { ...context, snapshot: () => { throw new Error('kaput: /var/lib/bot/history.db is locked'); } };
    await runConsoleChat({ input: Readable.from(['/apy\n', '/help\n']), output, context: failing, logger });
    const ref = /^Something went wrong answering that; it has been logged with the reference ([0-9a-f]{8})\.$/m.exec(printed)?.[1];
    expect(ref).toBeDefined();
    expect(printed).not.toContain('kaput');
    expect(printed).toContain('COMMANDS'); // the chat goes on
    expect(logs).toEqual([expect.objectContaining({ level: 'error', msg: 'command handler failed', ref, line: '/apy', error: expect.objectContaining({ message: 'kaput: /var/lib/bot/history.db is locked' }) })]);
  });
});
