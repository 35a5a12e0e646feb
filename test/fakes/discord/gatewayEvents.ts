import { randomBytes } from 'node:crypto';
import { DEFAULT_MEMBER_PERMISSIONS, type DiscordState } from './discordState.ts';
import type { GatewayHandlers, GatewaySession } from './gatewayTransport.ts';
import { isObject, type FakeDiscordOptions, type FakeGuild, type Json } from './types.ts';

/** A GUILD_CREATE as Discord sends it after READY: the guild, its @everyone role and its text channels. */
function guildCreate(g: FakeGuild): Json {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: '400000000000000001',
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date(0).toISOString(),
    features: [],
    roles: [
      { id: g.id, name: '@everyone', permissions: DEFAULT_MEMBER_PERMISSIONS.toString(), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    ],
    channels: g.channels.map((c, position) => ({ id: c.id, type: 0, name: c.name, guild_id: g.id, position, permission_overwrites: [], nsfw: false, parent_id: null })),
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    preferred_locale: 'en-US',
    system_channel_id: null,
  };
}

/**
 * The gateway's side of a session: HELLO (op 10) on connecting; IDENTIFY (op 2; a wrong token closes with 4004)
 * answered with READY and one GUILD_CREATE per guild; heartbeats (op 1) acknowledged (op 11); RESUME (op 6)
 * answered with INVALID_SESSION so the client identifies again.
 */
export function gatewayEvents(state: DiscordState, options: FakeDiscordOptions): GatewayHandlers {
  const heartbeatInterval = options.heartbeatIntervalMs ?? 41_250;

  function identify(session: GatewaySession, d: Json): void {
    if (session.identified) {
      session.close(4005, 'Already authenticated.');
      return;
    }
    if (d.token !== state.token) {
      session.close(4004, 'Authentication failed.');
      return;
    }
    if (options.identifyCloseCode !== undefined) {
      session.close(options.identifyCloseCode, 'Closed by the test.');
      return;
    }
    session.identified = true;
    state.identifies.push(d);
    session.dispatch('READY', {
      v: 10,
      user: state.botUser,
      guilds: state.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: randomBytes(16).toString('hex'),
      resume_gateway_url: state.gatewayUrl(),
      shard: [0, 1],
      application: { id: state.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
    });
    for (const g of state.guilds) session.dispatch('GUILD_CREATE', guildCreate(g));
  }

  return {
    onOpen(session) {
      session.send({ op: 10, d: { heartbeat_interval: heartbeatInterval }, s: null, t: null });
    },
    onPayload(session, payload) {
      switch (payload.op) {
        case 1:
          session.send({ op: 11 });
          return;
        case 2:
          identify(session, isObject(payload.d) ? payload.d : {});
          return;
        case 6:
          // We keep no sessions to resume: the client identifies again.
          session.send({ op: 9, d: false });
          return;
        default:
          return; // presence updates, member requests… are accepted and ignored
      }
    },
  };
}
