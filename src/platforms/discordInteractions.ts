import { DiscordAPIError, Events, HTTPError, type AutocompleteInteraction, type ChatInputCommandInteraction, type Client, type Interaction } from 'discord.js';
import type { CommandContext, CommandDefinition } from '../../commands/command.ts';
import type { CommandGate } from '../../commands/commandGate.ts';
import { usageReply } from '../../commands/registry.ts';
import type { Reply } from '../vocabulary/reply.ts';
import { commandFailure } from '../../commands/failureReply.ts';
import { UserError } from '../../commands/userError.ts';
import type { Logger } from '../log/logger.ts';
import { autocompleteChoices } from './autocompleteChoices.ts';
import { readInteractionArguments } from './readInteractionArguments.ts';
import { discordCommandContext, discordTranslator, manageChannelsRefusal } from './discordChat.ts';
import { handleDiscordPress } from './discordPresses.ts';
import { sendDiscordReply as sendReply } from './discordReplies.ts';

/** Interaction tokens are secrets for 15 minutes: keep them out of logs. */
const redactUrl = (url: string) => url.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/?]+/, '$1…');

// Kept importable from here, where discordBot.ts looks for it.
export { noMentions } from './discordReplies.ts';

/** What the interaction handler needs: the commands, their context, the gate, and which commands are slow (see DiscordOptions). */
export interface DiscordInteractionOptions {
  readonly commands: readonly CommandDefinition[];
  readonly context: CommandContext;
  readonly logger: Logger;
  readonly slowCommands: ReadonlySet<string>;
  readonly gate: CommandGate;
}

/**
 * Answers the client's interactions: slash commands through the gate, autocomplete from the options' choices,
 * presses of the buttons and menus under replies (discordPresses.ts).
 * It only translates: typed options in, the neutral reply rendered as embeds out. One catch logs whatever
 * fails; nothing a user or Discord does can stop the process.
 */
export function handleDiscordInteractions(client: Client, options: DiscordInteractionOptions): void {
  const { logger, context, gate } = options;
  const byName = new Map(options.commands.map((c) => [c.name, c]));
  const slow = options.slowCommands;

  /** The reply to a slash command (sent by the caller, after the command gate). */
  async function answerCommand(interaction: ChatInputCommandInteraction): Promise<Reply> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      // Discord only sends commands we registered; this is one removed since, still cached in the client.
      const error = new UserError('unknown-command', { command: `/${interaction.commandName.slice(0, 40)}` });
      return usageReply(error, undefined, discordCommandContext(interaction, context));
    }
    // default_member_permissions hides the command in servers, but server admins can override that per role:
    // check again. A DM is the user's own chat, as a private chat is on Telegram.
    const refusal = manageChannelsRefusal(interaction, command, context);
    if (refusal) return refusal;
    let reply: Reply;
    const chatContext = discordCommandContext(interaction, context);
    try {
      const args = readInteractionArguments(command, interaction.options.data, chatContext);
      if (slow.has(command.name)) await interaction.deferReply();
      reply = command.run(args, chatContext);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reply = usageReply(error, command, chatContext);
    }
    return reply;
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const request = { platform: 'discord' as const, userId: interaction.user.id, command: interaction.commandName, answerEveryRefusal: true, language: () => discordTranslator(interaction, context) };
    const reply = await gate.serve(request, () => answerCommand(interaction));
    if (reply) await sendReply(interaction, reply);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const spec = byName.get(interaction.commandName)?.options.find((o) => o.name === focused.name);
    const offered = spec?.type === 'string' ? (spec.choices ?? spec.suggestions) : undefined;
    const choices = offered ? autocompleteChoices(offered(context), String(focused.value)) : [];
    await interaction.respond(choices.map((c) => ({ name: c, value: c })));
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) await onAutocomplete(interaction);
    else if (interaction.isChatInputCommand()) await onCommand(interaction);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) await handleDiscordPress(interaction, { context, gate });
  }

  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch(async (error: unknown) => {
      const failure = commandFailure(undefined, interaction.isChatInputCommand() || interaction.isMessageComponent() ? discordTranslator(interaction, context) : undefined);
      const fields = { command: 'commandName' in interaction ? interaction.commandName : undefined, interaction: interaction.id, ref: failure.ref };
      if (error instanceof DiscordAPIError || error instanceof HTTPError) {
        // A 5xx arrives as HTTPError, without a JSON error code; both carry the URL with the interaction token.
        const code = error instanceof DiscordAPIError ? error.code : undefined;
        logger.warn('Discord refused a call', { ...fields, status: error.status, code, method: error.method, url: redactUrl(error.url), error: error.message });
      } else logger.error('command handler failed', { ...fields, error });
      if (interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu()) await sendReply(interaction, failure.reply).catch(() => {});
    });
  });
}
