import type { MessageSender } from '../delivery/messageSender.ts';
import type { DiscordChannelSender } from './discordChannelSender.ts';

/** Outbox sends to Discord channels; discord.js paces and retries 429s itself, so no limiter here. */
export function createDiscordOutboxSender(channels: DiscordChannelSender): MessageSender {
  return {
    isGroup: () => true,
    async send(chatId, reply) {
      const result = await channels.send(chatId, reply);
      if (result.ok) return { ok: true };
      if (result.inactive) return { ok: false, kind: 'gone', error: result.message };
      return { ok: false, kind: 'retry', error: result.message };
    },
  };
}
