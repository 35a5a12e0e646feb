import { translatorOf, type CommandDefinition } from './command.ts';
import { commandListBlock } from './help.ts';

/** `/start`: what the bot is, then the commands. */
export const startCommand: CommandDefinition = {
  name: 'start',
  options: [],
  run(_args, context) {
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: 'Metis yield bot' },
        {
          kind: 'paragraph',
          parts: [
            'I watch Metis sequencer-mining rewards and the liquid staking tokens, vaults and pools built on them: APY, depeg and how much leverage sits on the METIS locked at the base.',
          ],
        },
        commandListBlock(context.commands(), translatorOf(context)),
      ],
    };
  },
};
