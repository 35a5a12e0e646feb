import { translatorOf, type CommandDefinition } from './command.ts';
import { commandListBlock } from './help.ts';
import { mainMenu } from './mainMenu.ts';

/** `/start`: what the bot is, then the commands, with the main menu under them. */
export const startCommand: CommandDefinition = {
  name: 'start',
  options: [],
  run(_args, context) {
    const t = translatorOf(context);
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: t('start-title') },
        { kind: 'paragraph', parts: [t('start-about')] },
        commandListBlock(context.commands(), t),
      ],
      controls: mainMenu(t),
    };
  },
};
