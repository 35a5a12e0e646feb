import type { DiscordState } from './discordState.ts';
import { ok, type Route } from './types.ts';

/** The bot itself: who it is (GET /users/@me) and where its gateway is (GET /gateway, GET /gateway/bot). */
export function botRoutes(state: DiscordState): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      name: 'GET /gateway/bot',
      auth: true,
      handle: () => ok({ url: state.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }),
    },
    { method: 'GET', pattern: /^\/gateway$/, name: 'GET /gateway', auth: false, handle: () => ok({ url: state.gatewayUrl() }) },
    { method: 'GET', pattern: /^\/users\/@me$/, name: 'GET /users/@me', auth: true, handle: () => ok(state.botUser) },
  ];
}
