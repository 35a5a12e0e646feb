import {
  DiscordAPIError,
  Events,
  HTTPError,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
} from 'discord.js';
import type { ChatInfo, CommandContext, CommandDefinition } from '../../commands/command.ts';
import type { CommandGate } from '../../commands/commandGate.ts';
import { usageReply } from '../../commands/registry.ts';
import type { Reply } from '../vocabulary/reply.ts';
import { commandFailure } from '../../commands/failureReply.ts';
import { UserError } from '../../commands/userError.ts';
import type { Logger } from '../log/logger.ts';
import { autocompleteChoices } from './autocompleteChoices.ts';
import { readInteractionArguments } from './readInteractionArguments.ts';
import { renderDiscord, type DiscordMessage } from './renderDiscord.ts';

/** Nothing we send may ping anyone. */
export const noMentions = { parse: [] };

const messageOptions = (m: DiscordMessage) => ({
  ...(m.content ? { content: m.content } : {}),
  embeds: m.embeds ? [...m.embeds] : [],
  ...(m.files ? { files: m.files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description.slice(0, 1024) })) } : {}),
  allowedMentions: noMentions,
});

/** Interaction tokens are secrets for 15 minutes: keep them out of logs. */
const redactUrl = (url: string) => url.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/?]+/, '$1…');

/** The refusal names the command, the channel it would change and the permission it needs. */
const manageChannelsReply = (command: CommandDefinition, channel: string): Reply => ({
  kind: 'usage',
  blocks: [{ kind: 'paragraph', parts: [`/${command.name} changes what ${channel} receives, so it needs the Manage Channels permission there, which you do not have.`] }],
});

/** `#name` of the interaction's channel where the client knows it. */
const channelLabel = (interaction: ChatInputCommandInteraction) =>
  interaction.channel && 'name' in interaction.channel && interaction.channel.name ? `#${interaction.channel.name}` : 'this channel';

/**
 * Sends a reply to a slash command: the first message as the interaction's reply (or the edit of a deferred
 * one), the rest as follow-ups. Usage replies are ephemeral (only the sender sees them). Nothing we send can
 * ping anyone.
 */
async function sendReply(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const ephemeral = reply.kind === 'usage';
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const [first, ...rest] = renderDiscord(reply);
  if (!first) return;
  if (interaction.deferred && !interaction.replied) {
    if (ephemeral) {
      // A deferred reply is public and cannot become ephemeral: replace it with a private follow-up.
      await interaction.deleteReply();
      await interaction.followUp({ ...messageOptions(first), ...flags });
    } else await interaction.editReply(messageOptions(first));
  } else if (interaction.replied) {
    await interaction.followUp({ ...messageOptions(first), ...flags });
  } else {
    await interaction.reply({ ...messageOptions(first), ...flags });
  }
  for (const m of rest) await interaction.followUp({ ...messageOptions(m), ...flags });
}

/**
 * The context for one interaction: the channel (digests and alerts go there), the member, and whether they
 * may change its settings (Manage Channels; in a DM, yes).
 */
function discordCommandContext(interaction: ChatInputCommandInteraction, base: CommandContext): CommandContext {
  const inGuild = interaction.guildId !== null;
  const admin = !inGuild || interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true;
  const chat: ChatInfo = { platform: 'discord', chatId: interaction.channelId, userId: interaction.user.id, kind: inGuild ? 'group' : 'private', isAdmin: () => admin };
  return { ...base, chat };
}

/** What the interaction handler needs: the commands, their context, the gate, and which commands are slow (see DiscordOptions). */
export interface DiscordInteractionOptions {
  readonly commands: readonly CommandDefinition[];
  readonly context: CommandContext;
  readonly logger: Logger;
  readonly slowCommands: ReadonlySet<string>;
  readonly gate: CommandGate;
}

/**
 * Answers the client's interactions: slash commands through the gate, autocomplete from the options' choices.
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
      return usageReply(error, undefined, context);
    }
    // default_member_permissions hides the command in servers, but server admins can override that per role:
    // check again. A DM is the user's own chat, as a private chat is on Telegram.
    if (command.requiresManageChannels && interaction.inGuild() && !interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels)) {
      return manageChannelsReply(command, channelLabel(interaction));
    }
    let reply: Reply;
    try {
      const args = readInteractionArguments(command, interaction.options.data, context);
      if (slow.has(command.name)) await interaction.deferReply();
      reply = command.run(args, discordCommandContext(interaction, context));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reply = usageReply(error, command, context);
    }
    return reply;
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const request = { platform: 'discord' as const, userId: interaction.user.id, command: interaction.commandName, answerEveryRefusal: true };
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
  }

  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch(async (error: unknown) => {
      const failure = commandFailure();
      const fields = { command: 'commandName' in interaction ? interaction.commandName : undefined, interaction: interaction.id, ref: failure.ref };
      if (error instanceof DiscordAPIError || error instanceof HTTPError) {
        // A 5xx arrives as HTTPError, without a JSON error code; both carry the URL with the interaction token.
        const code = error instanceof DiscordAPIError ? error.code : undefined;
        logger.warn('Discord refused a call', { ...fields, status: error.status, code, method: error.method, url: redactUrl(error.url), error: error.message });
      } else logger.error('command handler failed', { ...fields, error });
      if (interaction.isChatInputCommand()) await sendReply(interaction, failure.reply).catch(() => {});
    });
  });
}
