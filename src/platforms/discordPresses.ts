import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { CommandContext } from '../../commands/command.ts';
import type { CommandGate } from '../../commands/commandGate.ts';
import { commandNameOf, findCommand, handleCommandText } from '../../commands/registry.ts';
import { decodeAction } from '../vocabulary/actionData.ts';
import type { Reply } from '../vocabulary/reply.ts';
import { discordCommandContext, discordTranslator, manageChannelsRefusal } from './discordChat.ts';
import { sendDiscordReply, updateDiscordReply } from './discordReplies.ts';

export interface DiscordPressOptions {
  readonly context: CommandContext;
  readonly gate: CommandGate;
}

/** The data a press carries: a button's custom_id, or the chosen option's value of a menu. */
const pressedData = (interaction: ButtonInteraction | StringSelectMenuInteraction): string | undefined =>
  interaction.isStringSelectMenu() ? interaction.values[0] : interaction.customId;

/** A polite private sentence for a button the bot cannot read (another version's, or not the bot's at all). */
function unreadable(reason: 'stale' | 'invalid', interaction: ButtonInteraction | StringSelectMenuInteraction, base: CommandContext): Reply {
  const t = discordTranslator(interaction, base);
  return { kind: 'usage', blocks: [{ kind: 'paragraph', parts: [reason === 'stale' ? t('button-stale') : t('button-invalid')] }] };
}

/**
 * Answers a press of a button or a menu under a reply: its data is a command line (src/vocabulary/actionData.ts),
 * run as if the member had typed it in that channel (the same gate and rate limit; Manage Channels for a command
 * that changes the channel's settings, as for the slash command). A mistake or refusal is ephemeral; an answer
 * with `edit` replaces the message under the control (UPDATE_MESSAGE), any other comes as a public reply.
 */
export async function handleDiscordPress(interaction: ButtonInteraction | StringSelectMenuInteraction, options: DiscordPressOptions): Promise<void> {
  const { context, gate } = options;
  const decoded = decodeAction(pressedData(interaction));
  if (!decoded.ok) return sendDiscordReply(interaction, unreadable(decoded.reason, interaction, context));
  const name = commandNameOf(decoded.command) ?? '';
  const request = { platform: 'discord' as const, userId: interaction.user.id, command: name, answerEveryRefusal: true, language: () => discordTranslator(interaction, context) };
  const reply = await gate.serve(request, () => manageChannelsRefusal(interaction, findCommand(name), context) ?? handleCommandText(decoded.command, discordCommandContext(interaction, context)));
  if (!reply) return void (await interaction.deferUpdate()); // nothing to say: the press is acknowledged
  if (reply.kind === 'answer' && decoded.edit) return updateDiscordReply(interaction, reply);
  return sendDiscordReply(interaction, reply);
}
