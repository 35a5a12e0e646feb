import { randomBytes } from 'node:crypto';
import { DEFAULT_MEMBER_PERMISSIONS, type DiscordState } from './discordState.ts';
import type { GatewaySession } from './gatewayTransport.ts';
import type { DispatchedInteraction, InteractionOption, InteractionParams, Json } from './types.ts';

/** View Channel, Send Messages, Embed Links, Attach Files: what the invite link grants. */
const BOT_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n);

/** An option's ApplicationCommandOptionType: the registered command's, else guessed from the value. */
function optionType(registered: Json | undefined, option: InteractionOption): number {
  const spec = Array.isArray(registered?.options) ? (registered.options as Json[]).find((o) => o.name === option.name) : undefined;
  if (typeof spec?.type === 'number') return spec.type;
  if (typeof option.value === 'boolean') return 5;
  if (typeof option.value === 'number') return Number.isInteger(option.value) ? 4 : 10;
  return 3;
}

/**
 * Sends an INTERACTION_CREATE (a slash command, type 2, or autocomplete, type 4) on the session, the way a user
 * in the guild's first channel (or a DM) would trigger it, and keeps the interaction so its callback can be checked.
 */
export function dispatchInteraction(state: DiscordState, session: GatewaySession, p: InteractionParams): DispatchedInteraction {
  const kind = p.kind ?? 'command';
  const guildId = p.guildId === undefined ? state.guilds[0]?.id : (p.guildId ?? undefined);
  const guild = state.guilds.find((g) => g.id === guildId);
  const channelId = guild?.channels[0]?.id ?? '390000000000000001';
  const user = { id: p.userId ?? '500000000000000001', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null, bot: false };
  const registered = state.registeredCommand(p.name, guildId);
  const id = state.snowflake();
  const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('hex')}`).toString('base64url');
  const options = (p.options ?? []).map((o) => ({
    name: o.name,
    type: optionType(registered, o),
    value: o.value,
    ...(o.focused ? { focused: true } : {}),
  }));
  const member = {
    user,
    roles: [],
    permissions: (p.permissions ?? DEFAULT_MEMBER_PERMISSIONS).toString(),
    joined_at: new Date(0).toISOString(),
    nick: null,
    avatar: null,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
  };
  const payload: Json = {
    id,
    application_id: state.applicationId,
    type: kind === 'command' ? 2 : 4,
    token,
    version: 1,
    channel_id: channelId,
    channel: guild ? { id: channelId, type: 0, guild_id: guild.id, name: guild.channels.find((c) => c.id === channelId)?.name ?? 'channel' } : { id: channelId, type: 1 },
    data: {
      id: typeof registered?.id === 'string' ? registered.id : state.snowflake(),
      name: p.name,
      type: 1,
      ...(options.length > 0 ? { options } : {}),
      ...(typeof registered?.guild_id === 'string' ? { guild_id: registered.guild_id } : {}),
    },
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild.id } : { '1': user.id },
    app_permissions: BOT_PERMISSIONS.toString(),
    locale: 'en-US',
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(guild ? { guild_id: guild.id, guild_locale: 'en-US', member } : { user }),
  };
  state.addInteraction({ id, token, kind, channelId, guildId: guild?.id });
  session.dispatch('INTERACTION_CREATE', payload);
  return { id, token };
}
