import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { FakeDiscordError, type Fault, type FakeGuild, type GatewayFrame, type Json, type RestCall, type SentMessage } from './types.ts';

/** Discord's epoch for snowflakes (2015-01-01). */
const DISCORD_EPOCH = 1_420_070_400_000n;
const APPLICATION_ID = '100000000000000001';

/** View Channel, Send Messages, Read Message History, Use Application Commands: what @everyone may do. */
export const DEFAULT_MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n);

/** An interaction the fake dispatched, and how far the bot has answered it. */
export interface InteractionState {
  id: string;
  token: string;
  kind: 'command' | 'autocomplete' | 'component';
  /** who acted (Discord names them in the answer's interaction_metadata) */
  user?: Json;
  /** a component's: the message it sits on (UPDATE_MESSAGE edits it) */
  message?: Json;
  channelId: string;
  guildId: string | undefined;
  /** callback type once acknowledged */
  acknowledged?: number;
  /** the original response, once there is one (and until deleted) */
  original?: Json;
}

interface FaultEntry {
  request: string;
  fault: Fault;
  skip: number;
  remaining: number;
}

/** What the fake Discord holds: the application, guilds, commands, interactions, faults, and what it recorded. */
export type DiscordState = ReturnType<typeof createDiscordState>;

/** The state and the operations on it that the routes and the gateway share; no I/O. */
export function createDiscordState() {
  const applicationId = APPLICATION_ID;
  // Discord's token shape: the application id in base64, a timestamp part and an HMAC part.
  const token = `${Buffer.from(applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
  const guilds: FakeGuild[] = [{ id: '200000000000000001', name: 'Metis Test', channels: [{ id: '300000000000000001', name: 'yields' }] }];
  const botUser: Json = {
    id: applicationId,
    username: 'metis-yield-bot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    flags: 0,
    verified: true,
    mfa_enabled: false,
  };

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls: RestCall[] = [];
  const frames: GatewayFrame[] = [];
  const messages: SentMessage[] = [];
  const identifies: Json[] = [];
  /** registered commands by guild id, or 'global' */
  const commands = new Map<string, Json[]>();
  const faults: FaultEntry[] = [];
  const interactions = new Map<string, InteractionState>();
  const byToken = new Map<string, InteractionState>();
  let closed = false;
  let gatewayUrl = '';
  let snowflakeCounter = 0n;

  const snowflake = (): string => (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (snowflakeCounter++ & 0xfffn)).toString();
  const channelGuild = (channelId: string): FakeGuild | undefined => guilds.find((g) => g.channels.some((c) => c.id === channelId));

  /** A message object as Discord answers it, authored by the bot. */
  function messageObject(channelId: string, body: Json, extra: Json = {}): Json {
    const guild = channelGuild(channelId);
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      ...(guild ? { guild_id: guild.id } : {}),
      author: botUser,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      components: Array.isArray(body.components) ? body.components : [],
      ...extra,
    };
  }

  /** The newest version of a message the bot sent or edited (by its id), as Discord holds it. */
  function latestMessage(messageId: string): Json | undefined {
    return messages.findLast((m) => m.message.id === messageId)?.message;
  }

  /** The command registered under this name in the guild, else globally. */
  function registeredCommand(name: string, guildId: string | undefined): Json | undefined {
    return [...(guildId ? (commands.get(guildId) ?? []) : []), ...(commands.get('global') ?? [])].find((c) => c.name === name);
  }

  function addInteraction(interaction: InteractionState): void {
    interactions.set(interaction.id, interaction);
    byToken.set(interaction.token, interaction);
  }

  /** The interaction a callback names, checked against its token (10062 Unknown interaction otherwise). */
  function interactionFor(id: string, interactionToken: string): InteractionState {
    const interaction = interactions.get(id);
    if (!interaction || interaction.token !== interactionToken) throw new FakeDiscordError(404, 10062, 'Unknown interaction');
    return interaction;
  }

  /** The interaction behind a webhook (the application id and the interaction token; 10015 Unknown Webhook otherwise). */
  function webhookInteraction(appId: string, webhookToken: string): InteractionState {
    const interaction = byToken.get(webhookToken);
    if (appId !== applicationId || !interaction) throw new FakeDiscordError(404, 10015, 'Unknown Webhook');
    return interaction;
  }

  function addFault(request: string, fault: Fault): void {
    faults.push({ request, fault, skip: fault.skip ?? 0, remaining: Math.max(1, fault.times ?? 1) });
  }

  /** The fault this request meets, if any; counts it against its `skip` and `times`. */
  function takeFault(method: string, path: string): Fault | undefined {
    const i = faults.findIndex((f) => f.request === `${method} ${path}`);
    if (i < 0) return undefined;
    const entry = faults[i]!;
    if (entry.skip > 0) {
      entry.skip--;
      return undefined;
    }
    entry.remaining--;
    if (entry.remaining <= 0) faults.splice(i, 1);
    return entry.fault;
  }

  function recordCall(call: Omit<RestCall, 'index'>): void {
    const recorded: RestCall = { index: calls.length, ...call };
    calls.push(recorded);
    events.emit('call', recorded);
  }

  function recordFrame(frame: Omit<GatewayFrame, 'index'>): void {
    const recorded: GatewayFrame = { index: frames.length, ...frame };
    frames.push(recorded);
    events.emit('frame', recorded);
  }

  /** Resolves with the first of `existing`, or of the values `event` brings later, that matches. */
  function waitOn<T>(event: string, existing: readonly T[], predicate: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = existing.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    if (closed) return Promise.reject(new Error(`fake Discord is closed; no ${what}`));
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        events.off(event, onEvent);
        events.off('closed', onClosed);
      };
      const onEvent = (v: T) => {
        try {
          if (!predicate(v)) return;
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        cleanup();
        resolve(v);
      };
      const onClosed = () => {
        cleanup();
        reject(new Error(`fake Discord closed while waiting for ${what}`));
      };
      // A safety net so a broken test fails with a message instead of hanging; not a way to wait.
      const timer = setTimeout(() => {
        cleanup();
        const recent = calls.slice(-5).map((c) => `${c.method} ${c.path} → ${c.status}`);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last calls: ${recent.join(', ') || 'none'}`));
      }, timeoutMs);
      events.on(event, onEvent);
      events.on('closed', onClosed);
    });
  }

  return {
    applicationId, token, guilds, botUser, calls, frames, messages, identifies, commands,
    /** ws://127.0.0.1:PORT/gateway, known once the server listens */
    gatewayUrl: () => gatewayUrl,
    listeningOn(port: number): void {
      gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    },
    /** Rejects every pending wait; later waits fail at once. */
    markClosed(): void {
      closed = true;
      events.emit('closed');
    },
    snowflake, channelGuild, messageObject, latestMessage, registeredCommand, addInteraction, interactionFor, webhookInteraction,
    addFault, takeFault, recordCall, recordFrame, waitOn,
  };
}
