import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import type { Reply } from '../vocabulary/reply.ts';
import { renderDiscord } from './renderDiscord.ts';

/**
 * The outcome of posting to a channel. `inactive` means the target will not work again without someone
 * acting (the bot was removed, lost its permissions or the channel is gone): mark it inactive rather than
 * retry. Rate limits (429) never show here: discord.js waits and retries them itself.
 */
export type ChannelSendResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'forbidden' | 'not-found' | 'error'; readonly inactive: boolean; readonly message: string };

export interface DiscordChannelSender {
  /** Posts a reply (one or more messages) to a channel; never throws. */
  send(channelId: string, reply: Reply): Promise<ChannelSendResult>;
}

type RestLike = Pick<REST, 'post'>;

/** Codes that say the bot cannot post in this channel until a person changes something. */
const GONE_FOR_GOOD: ReadonlySet<number | string> = new Set([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownChannel,
]);

function failure(error: unknown, sent: number, total: number): ChannelSendResult {
  const after = sent > 0 ? ` (after ${sent} of ${total} messages)` : '';
  if (error instanceof DiscordAPIError) {
    const message = `${error.status} ${String(error.code)}: ${error.message}${after}`;
    const inactive = GONE_FOR_GOOD.has(error.code);
    if (error.status === 403) return { ok: false, reason: 'forbidden', inactive, message };
    if (error.status === 404) return { ok: false, reason: 'not-found', inactive, message };
    return { ok: false, reason: 'error', inactive: false, message };
  }
  return { ok: false, reason: 'error', inactive: false, message: `${error instanceof Error ? error.message : String(error)}${after}` };
}

/**
 * Posts replies to Discord channels (for digests and alerts), through a discord.js REST (or a Client's).
 * @example const result = await createDiscordChannelSender(client).send(channelId, reply);
 *          if (!result.ok && result.inactive) markInactive(channelId);
 */
export function createDiscordChannelSender(source: RestLike | { readonly rest: RestLike }): DiscordChannelSender {
  const rest = 'rest' in source ? source.rest : source;
  return {
    async send(channelId, reply) {
      if (!/^\d{17,20}$/.test(channelId)) return { ok: false, reason: 'not-found', inactive: true, message: `"${channelId.slice(0, 40)}" is not a Discord channel id` };
      const messages = renderDiscord(reply);
      for (const [i, m] of messages.entries()) {
        try {
          await rest.post(Routes.channelMessages(channelId), {
            body: { ...(m.content ? { content: m.content } : {}), embeds: m.embeds ?? [], ...(m.components ? { components: m.components } : {}), allowed_mentions: { parse: [] } },
            // Pictures travel as attachments that the embeds name (attachment://…), as in command replies.
            ...(m.files ? { files: m.files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })) } : {}),
          });
        } catch (error) {
          return failure(error, i, messages.length);
        }
      }
      return { ok: true };
    },
  };
}
