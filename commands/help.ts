import { commandDescription, translatorOf, usageLine, type CommandDefinition } from './command.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { code, type Block } from '../src/vocabulary/reply.ts';

/** The command list, shared by /help and /start. */
export function commandListBlock(commands: readonly CommandDefinition[], t: Translator): Block {
  return { kind: 'list', items: commands.map((c) => [code(usageLine(c)), ` — ${commandDescription(t, c)}`]) };
}

/** `/help`: every command with its usage line. */
export const helpCommand: CommandDefinition = {
  name: 'help',
  options: [],
  run(_args, context) {
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: 'Commands' },
        commandListBlock(context.commands(), translatorOf(context)),
        { kind: 'note', text: 'Figures are computed from on-chain reads and say how old they are. Projections, not promises.' },
      ],
    };
  },
};
