import { MessageFlags, type MessageComponentInteraction } from 'discord.js';
import type { Reply } from '../vocabulary/reply.ts';
import type { DiscordUserInteraction } from './discordChat.ts';
import { renderDiscord, type DiscordMessage } from './renderDiscord.ts';

/** Nothing we send may ping anyone. */
export const noMentions = { parse: [] };

/** A rendered message as discord.js takes it (reply, follow-up, update): embeds, pictures, components, no pings. */
export const messageOptions = (m: DiscordMessage) => ({
  ...(m.content ? { content: m.content } : {}),
  embeds: m.embeds ? [...m.embeds] : [],
  ...(m.files ? { files: m.files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description.slice(0, 1024) })) } : {}),
  components: m.components ? [...m.components] : [],
  allowedMentions: noMentions,
});

/**
 * Sends a reply to an interaction (a slash command, a press): the first message as the interaction's reply (or
 * the edit of a deferred one), the rest as follow-ups. Usage replies are ephemeral (only the sender sees them).
 */
export async function sendDiscordReply(interaction: DiscordUserInteraction, reply: Reply): Promise<void> {
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
 * Replaces the message a pressed button or menu sits under with a reply (UPDATE_MESSAGE: its embeds, pictures
 * and components; the old pictures go), the rest of a long reply as follow-ups.
 */
export async function updateDiscordReply(interaction: MessageComponentInteraction, reply: Reply): Promise<void> {
  const [first, ...rest] = renderDiscord(reply);
  if (!first) return;
  await interaction.update({ content: first.content ?? '', ...messageOptions(first), attachments: [] });
  for (const m of rest) await interaction.followUp(messageOptions(m));
}
