import { commandDescription, translatorOf, usageLine, type CommandDefinition } from './command.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { code, type Block } from '../src/vocabulary/reply.ts';
import { mainMenu } from './mainMenu.ts';

/** The command list, shared by /help and /start. */
export function commandListBlock(commands: readonly CommandDefinition[], t: Translator): Block {
  return { kind: 'list', items: commands.map((c) => [code(usageLine(c)), t('help-item', { description: commandDescription(t, c) })]) };
}

/** `/help`: every command with its usage line, and the main menu under it. */
export const helpCommand: CommandDefinition = {
  name: 'help',
  options: [],
  run(_args, context) {
    const t = translatorOf(context);
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: t('help-title') },
        commandListBlock(context.commands(), t),
        { kind: 'note', text: t('help-note') },
      ],
      controls: mainMenu(t),
    };
  },
};
