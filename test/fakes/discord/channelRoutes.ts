import type { DiscordState } from './discordState.ts';
import { FakeDiscordError, isObject, ok, type Route } from './types.ts';
import { validateMessage } from './validateMessage.ts';

/** Channel messages: POST /channels/{id}/messages into a text channel of a guild the bot is in. */
export function channelRoutes(state: DiscordState): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/messages$/,
      name: 'POST /channels/:id/messages',
      auth: true,
      handle: (m, body) => {
        const channelId = m[1]!;
        if (!state.channelGuild(channelId)) throw new FakeDiscordError(404, 10003, 'Unknown Channel');
        const data = isObject(body) ? body : {};
        validateMessage(data, true);
        const message = state.messageObject(channelId, data);
        state.messages.push({ kind: 'channel', channelId, body: data, message });
        return ok(message);
      },
    },
  ];
}
