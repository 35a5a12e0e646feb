import { randomBytes } from 'node:crypto';
import { DEFAULT_MEMBER_PERMISSIONS, type DiscordState } from './discordState.ts';
import type { GatewaySession } from './gatewayTransport.ts';
import type { ComponentParams, DispatchedInteraction, FakeGuild, InteractionOption, InteractionParams, Json } from './types.ts';

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

/** Who acts, and where: the fields every INTERACTION_CREATE carries. */
interface Envelope {
  guild: FakeGuild | undefined;
  channelId: string;
  userId?: string;
  permissions?: bigint;
  locale?: string;
}

/** An interaction's payload around its type-specific `data` (and `message`, for a component). */
const userOf = (e: Envelope) => ({ id: e.userId ?? '500000000000000001', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null, bot: false });

function interactionPayload(state: DiscordState, e: Envelope, id: string, token: string, type: number, extra: Json): Json {
  const { guild, channelId } = e;
  const user = userOf(e);
  const member = {
    user,
    roles: [],
    permissions: (e.permissions ?? DEFAULT_MEMBER_PERMISSIONS).toString(),
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
  return {
    id,
    application_id: state.applicationId,
    type,
    token,
    version: 1,
    channel_id: channelId,
    channel: guild ? { id: channelId, type: 0, guild_id: guild.id, name: guild.channels.find((c) => c.id === channelId)?.name ?? 'channel' } : { id: channelId, type: 1 },
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild.id } : { '1': user.id },
    app_permissions: BOT_PERMISSIONS.toString(),
    locale: e.locale ?? 'en-US',
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(guild ? { guild_id: guild.id, guild_locale: 'en-US', member } : { user }),
    ...extra,
  };
}

const newIdentity = (state: DiscordState) => {
  const id = state.snowflake();
  return { id, token: Buffer.from(`interaction:${id}:${randomBytes(48).toString('hex')}`).toString('base64url') };
};

/**
 * Sends an INTERACTION_CREATE (a slash command, type 2, or autocomplete, type 4) on the session, the way a user
 * in the guild's first channel (or a DM) would trigger it, and keeps the interaction so its callback can be checked.
 */
export function dispatchInteraction(state: DiscordState, session: GatewaySession, p: InteractionParams): DispatchedInteraction {
  const kind = p.kind ?? 'command';
  const guildId = p.guildId === undefined ? state.guilds[0]?.id : (p.guildId ?? undefined);
  const guild = state.guilds.find((g) => g.id === guildId);
  const channelId = guild?.channels[0]?.id ?? '390000000000000001';
  const registered = state.registeredCommand(p.name, guildId);
  const { id, token } = newIdentity(state);
  const options = (p.options ?? []).map((o) => ({
    name: o.name,
    type: optionType(registered, o),
    value: o.value,
    ...(o.focused ? { focused: true } : {}),
  }));
  const data = {
    id: typeof registered?.id === 'string' ? registered.id : state.snowflake(),
    name: p.name,
    type: 1,
    ...(options.length > 0 ? { options } : {}),
    ...(typeof registered?.guild_id === 'string' ? { guild_id: registered.guild_id } : {}),
  };
  const envelope: Envelope = { guild, channelId, ...(p.userId ? { userId: p.userId } : {}), ...(p.permissions !== undefined ? { permissions: p.permissions } : {}), ...(p.locale ? { locale: p.locale } : {}) };
  const payload = interactionPayload(state, envelope, id, token, kind === 'command' ? 2 : 4, { data });
  state.addInteraction({ id, token, kind, channelId, guildId: guild?.id, user: userOf(envelope) });
  session.dispatch('INTERACTION_CREATE', payload);
  return { id, token };
}

/**
 * Sends an INTERACTION_CREATE of type 3 (MESSAGE_COMPONENT) for a press on a message the bot sent: a button
 * (component_type 2, its custom_id) or a string select (3, with the chosen values), in that message's channel.
 * The component must be on the message, as Discord only sends presses of components it shows.
 */
export function pressComponent(state: DiscordState, session: GatewaySession, p: ComponentParams): DispatchedInteraction {
  const message = state.latestMessage(p.messageId);
  if (!message) throw new Error(`pressComponent: no message ${p.messageId} from the bot`);
  const shown = (Array.isArray(message.components) ? (message.components as Json[]) : []).flatMap((row) => (Array.isArray(row.components) ? (row.components as Json[]) : []));
  const component = shown.find((c) => c.custom_id === p.customId);
  if (!component) throw new Error(`pressComponent: message ${p.messageId} shows no component ${p.customId}`);
  const channelId = String(message.channel_id);
  const guild = state.channelGuild(channelId);
  const { id, token } = newIdentity(state);
  const componentType = p.kind === 'button' ? 2 : 3;
  if (component.type !== componentType) throw new Error(`pressComponent: ${p.customId} is a component of type ${String(component.type)}`);
  const data = { custom_id: p.customId, component_type: componentType, ...(p.kind === 'select' ? { values: p.values ?? [] } : {}) };
  const envelope: Envelope = { guild, channelId, ...(p.userId ? { userId: p.userId } : {}), ...(p.permissions !== undefined ? { permissions: p.permissions } : {}), ...(p.locale ? { locale: p.locale } : {}) };
  const payload = interactionPayload(state, envelope, id, token, 3, { data, message });
  state.addInteraction({ id, token, kind: 'component', channelId, guildId: guild?.id, message, user: userOf(envelope) });
  session.dispatch('INTERACTION_CREATE', payload);
  return { id, token };
}
