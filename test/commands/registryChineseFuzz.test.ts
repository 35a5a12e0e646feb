import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { commands, handleCommandText } from '../../commands/registry.ts';
import { translator } from '../../src/i18n/translator.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { context } from './snapshotFixture.ts';

const zh: CommandContext = { ...context, t: translator('zh-CN') };

/** Words that reach every mistake and both /simulate answers. */
const vocabulary = [
  '1000', '1k', '0', '-1', '1e309', '2e12', '30d', '11y', '12h', '0.5d', 'seMetis', 'sequencer', 'doge', 'loop', 'hold', 'daily', 'none', 'hourly',
  'ltv=0.7', 'ltv=1', 'ltv=x', 'loops=21', 'loops=2.5', 'borrow=4.5%', 'borrow=x', 'lt=0', 'lt=x', 'amount=lots', 'pool=x', 'window=7d', 'extra', '池子', '\u202e',
];
const line = fc.tuple(fc.constantFrom(...commands.map((c) => c.name), 'nope'), fc.array(fc.constantFrom(...vocabulary), { maxLength: 6 })).map(([name, words]) => `/${name} ${words.join(' ')}`);

describe('every command in a Chinese chat', () => {
  it('GIVEN 1,000 random lines THEN a reply each, and none shows a message id of the usage or /simulate messages', () => {
    fc.assert(
      fc.property(line, (input) => {
        const reply = handleCommandText(input, zh);
        expect(reply, input).toBeDefined();
        expect(renderText(reply!), input).not.toMatch(/(?<![\w/=-])(usage|simulate)-[a-z0-9]+(-[a-z0-9]+)*/i);
      }),
      { seed: 1_088, numRuns: 1_000 },
    );
  });
});
