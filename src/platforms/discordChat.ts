import { PermissionFlagsBits, type ChatInputCommandInteraction, type MessageComponentInteraction } from 'discord.js';
import type { ChatInfo, CommandContext, CommandDefinition } from '../../commands/command.ts';
import type { Translator } from '../i18n/translator.ts';
import { chatTranslator, withChat } from './chatLanguage.ts';
import type { Reply } from '../vocabulary/reply.ts';

/** A slash command or a press of a button or menu: both come from a member in a channel. */
export type DiscordUserInteraction = ChatInputCommandInteraction | MessageComponentInteraction;

/** Whether the member may change the channel's settings: Manage Channels there; in a DM, yes (their own chat). */
export const mayManageChannel = (interaction: DiscordUserInteraction): boolean =>
  interaction.guildId === null || interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true;

/** The chat of an interaction: the channel (digests and alerts go there), the member, their client language. */
export function discordChatInfo(interaction: DiscordUserInteraction): ChatInfo {
  const admin = mayManageChannel(interaction);
  return { platform: 'discord', chatId: interaction.channelId, userId: interaction.user.id, kind: interaction.guildId !== null ? 'group' : 'private', isAdmin: () => admin, languageTag: interaction.locale };
}

/** The language of the interaction's channel (chosen with /lang; in a DM, the member's client language). */
export const discordTranslator = (interaction: DiscordUserInteraction, base: CommandContext): Translator => chatTranslator(base, discordChatInfo(interaction));

/** The context for one interaction: its chat, and the chat's language. */
export function discordCommandContext(interaction: DiscordUserInteraction, base: CommandContext): CommandContext {
  return withChat(base, discordChatInfo(interaction));
}

/** `#name` of the interaction's channel where the client knows it. */
const channelLabel = (interaction: DiscordUserInteraction, t: Translator) =>
  interaction.channel && 'name' in interaction.channel && interaction.channel.name ? `#${interaction.channel.name}` : t('button-this-channel');

/**
 * The refusal of a command that needs Manage Channels (default_member_permissions hides it in servers, but
 * server admins can override that per role, and a button can be pressed by anyone): the command, the channel
 * it would change and the permission it needs. Undefined when the member may run it.
 */
export function manageChannelsRefusal(interaction: DiscordUserInteraction, command: CommandDefinition | undefined, base: CommandContext): Reply | undefined {
  if (!command?.requiresManageChannels || mayManageChannel(interaction)) return undefined;
  const t = discordTranslator(interaction, base);
  return { kind: 'usage', blocks: [{ kind: 'paragraph', parts: [t('button-manage-channels', { command: command.name, channel: channelLabel(interaction, t) })] }] };
}
