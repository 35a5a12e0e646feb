import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandContext, CommandDefinition, OptionSpec } from '../../commands/command.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { commands, handleCommandText, usageReply } from '../../commands/registry.ts';
import { UserError } from '../../commands/userError.ts';
import { readInteractionArguments } from '../../src/platforms/discordBot.ts';
import { context } from './snapshotFixture.ts';

/** Words people (and cats on keyboards) type after a command. */
const vocabulary = [
  '1000', '1,000', '1k', '2.5m', '1e3', '1e309', '-1', '0', '0.7', '70%', '4.5%', '.5', '1,00', 'NaN', 'Infinity', '1t', '99999999999999999999',
  '30d', '12w', '6m', '1y', '10y', '11y', '0d', '1.5y', '7d', '24h', '90d',
  'seMetis', 'SEMETIS', 'sequencer', 'eMetis', 'eMetis-METIS', 'METIS', 'loop', 'hold', 'daily', 'weekly', 'monthly', 'none', 'all',
  'digest', 'alerts', 'set', 'apy-drop', 'depeg-warning', 'leverage', '08:00', 'Europe/Paris', 'UTC',
  'ltv=0.7', 'ltv=1', 'loops=3', 'loops=21', 'borrow=4.5%', 'borrow=4.5', 'lt=0.8', 'lt=0', 'amount=1k', 'duration=6m', 'strategy=doge',
  'compound=none', 'mode=loop', 'asset=seMetis', 'window=7d', '=', '==', 'x=', '=x', 'a=b=c',
  '', ' ', '@', '/', '/apy', '%', ',', '.', '-', '_', '—', '💥', '<b>', '&amp;', '\u0000', '\u202e', 'ß', 'İ', '${x}', '__proto__', 'constructor', 'toString',
];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('ltv', 'loops', 'borrow', 'lt', 'amount', 'duration', 'strategy', 'mode', 'compound', 'asset', 'window'), fc.string({ maxLength: 12 })).map(([k, v]) => `${k}=${v}`) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('', 'k', 'm', 'b', 'd', 'w', 'y', '%', 'e3')).map(([n, u]) => `${n}${u}`) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);

/** An argument string: words joined by random whitespace, sometimes very long. */
const argumentString = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\t', '\n', ' \u00a0')), { maxLength: 10 }).map((parts) => parts.map(([w, s]) => w + s).join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 600, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'binary' }) },
);

const contexts: readonly CommandContext[] = [
  context,
  // A private chat on the console, where the sender may change settings.
  { ...context, chat: { platform: 'console', chatId: 'console', userId: 'console', kind: 'private', isAdmin: () => true } },
];

function expectReply(reply: Reply | undefined, input: string): void {
  expect(reply, input).toBeDefined();
  expect(['answer', 'usage'], input).toContain(reply!.kind);
  expect(Array.isArray(reply!.blocks), input).toBe(true);
}

describe('fuzz: every command of the registry', () => {
  it('GIVEN 10,000 random argument strings THEN every command answers each with a reply, and none throws', () => {
    expect(commands.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(argumentString, fc.constantFrom(...contexts), (args, ctx) => {
        for (const command of commands) {
          const input = `/${command.name} ${args}`;
          expectReply(handleCommandText(input, ctx), input);
        }
      }),
      { seed: 1_088, numRuns: 10_000 },
    );
  });

  /** A typed value as Discord might deliver it for an option (Discord checks ranges, but a stale registration does not). */
  const typedValue = (spec: OptionSpec) =>
    spec.type === 'string'
      ? fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 30 }))
      : fc.oneof(fc.double(), fc.integer(), fc.constantFrom(spec.min ?? 0, spec.max ?? 0, -1, 0, 1e12, 1e13));

  it('GIVEN random typed options as Discord delivers them THEN every command answers, and none throws', () => {
    for (const command of commands) {
      const options = fc.array(
        fc.constantFrom(...(command.options.length > 0 ? command.options : [{ name: 'unknown', description: '', type: 'string' } as OptionSpec])).chain((spec) =>
          typedValue(spec).map((value) => ({ name: spec.name, value })),
        ),
        { maxLength: command.options.length + 1 },
      );
      fc.assert(
        fc.property(options, (typed) => {
          const run = (definition: CommandDefinition): Reply => {
            try {
              return definition.run(readInteractionArguments(definition, typed, context), context);
            } catch (error) {
              if (error instanceof UserError) return usageReply(error, definition, context);
              throw error;
            }
          };
          expectReply(run(command), `/${command.name} ${JSON.stringify(typed)}`);
        }),
        { seed: 1_089, numRuns: 500 },
      );
    }
  });
});
