/**
 * An in-process fake of Discord for tests: REST under http://127.0.0.1:PORT/api/v10 and a gateway WebSocket
 * on the same port, enough for the real discord.js Client to log in, receive interactions and answer them.
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiRoot } });
 *   await client.login(fake.token);
 *   const { token } = fake.dispatchInteraction({ name: 'apy' });
 *   const call = await fake.waitFor((c) => c.route === 'POST /interactions/:id/:token/callback' && c.path.includes(token));
 *
 * REST: GET /gateway/bot, GET /users/@me, GET/PUT application commands (global and guild), interaction
 * callbacks, webhook edits and follow-ups, POST /channels/{id}/messages. Bodies are checked against Discord's
 * limits (content 2000, embed description 4096, total 6000, 25 autocomplete choices…) and answered 400 with
 * code 50035 like Discord, so a rendering bug fails here rather than in production. Auth routes need
 * `Authorization: Bot <token>` (401 otherwise); faults (429 with Retry-After and X-RateLimit-* headers, 403
 * 50013, 404 10003, 500) are injected with `failNext`.
 *
 * Gateway: HELLO (op 10) → IDENTIFY (op 2; a wrong token is closed with 4004) → READY (user, guilds,
 * application, session_id, resume_gateway_url) and one GUILD_CREATE per guild; heartbeats (op 1) are
 * acknowledged (op 11); RESUME (op 6) is answered with INVALID_SESSION so the client identifies again.
 *
 * Everything is recorded (`calls`, `frames`, `messages`); tests wait on events (`waitFor`,
 * `waitForFrame`), never on time. Differences from Discord: Retry-After may be fractional (Discord rounds
 * the header up to whole seconds) so tests stay fast; interactions do not expire after 3 s.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { listenOnLoopback, readBody, trackSockets } from './loopbackHttp.ts';

export type Json = Record<string, unknown>;

export interface RestCall {
  /** position in `calls` */
  index: number;
  method: string;
  /** path after /api/v10, e.g. /channels/123/messages */
  path: string;
  /** method and path with ids replaced: 'POST /channels/:id/messages' ('unknown' when no route matched) */
  route: string;
  query: Record<string, string>;
  /** parsed JSON body (of a multipart request: its payload_json), or undefined */
  body: unknown;
  /** files of a multipart request (discord.js sends attachments that way), in order */
  files?: FakeAttachment[];
  /** the Authorization header as sent */
  authorization: string | undefined;
  status: number;
  /** the JSON answered, if any */
  response: unknown;
  at: number;
}

/** A file uploaded with a message (multipart part `files[n]`). */
export interface FakeAttachment {
  /** multipart part name, e.g. files[0] */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface GatewayFrame {
  index: number;
  /** 'in' from the client, 'out' from the fake */
  direction: 'in' | 'out';
  op: number;
  t?: string | null;
  d: unknown;
  /** which connection (1, 2, … in order of connecting) */
  connection: number;
}

export interface FakeChannel {
  id: string;
  name: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

export interface FakeDiscordOptions {
  /** default: a random token of Discord's shape (three dot-separated parts) */
  token?: string;
  /** default '100000000000000001' */
  applicationId?: string;
  botUsername?: string;
  /** default: one guild '200000000000000001' with text channel '300000000000000001' */
  guilds?: FakeGuild[];
  /** heartbeat interval announced in HELLO; default 41250 ms like Discord */
  heartbeatIntervalMs?: number;
  /**
   * Close every IDENTIFY with this code even when the token is right (4004 Authentication failed for a token
   * revoked between the REST check and the gateway, 4014 Disallowed intents…).
   */
  identifyCloseCode?: number;
}

export interface Fault {
  status: number;
  /** Discord's JSON error code (50013 Missing Permissions, 50001 Missing Access, 10003 Unknown Channel…) */
  code?: number;
  message?: string;
  /** seconds, for 429 (body retry_after, Retry-After and X-RateLimit-Reset-After headers) */
  retryAfter?: number;
  /** a global rate limit (X-RateLimit-Global) */
  global?: boolean;
  /** how many matching requests fail; default 1 */
  times?: number;
  /** let this many matching requests through first; default 0 */
  skip?: number;
}

export interface InteractionOption {
  name: string;
  value: string | number | boolean;
  /** ApplicationCommandOptionType; default: from the registered command, else from the value */
  type?: number;
  /** the option being typed (autocomplete) */
  focused?: boolean;
}

export interface InteractionParams {
  /** 'command' (type 2) or 'autocomplete' (type 4); default 'command' */
  kind?: 'command' | 'autocomplete';
  name: string;
  options?: InteractionOption[];
  /** default: the first guild; null for a DM */
  guildId?: string | null;
  /** default: the guild's first channel (or a DM channel) */
  channelId?: string;
  userId?: string;
  username?: string;
  /** the member's permissions in the channel, a bitfield; default View Channel, Send Messages, Read History, Use Application Commands */
  permissions?: bigint | string;
}

export interface DispatchedInteraction {
  id: string;
  token: string;
  payload: Json;
}

export interface SentMessage {
  kind: 'channel' | 'reply' | 'deferred' | 'edit' | 'followup';
  channelId: string;
  /** the interaction, for replies, edits and follow-ups */
  interactionId?: string;
  /** the request body (content, embeds, flags, allowed_mentions…) */
  body: Json;
  /** the message object answered */
  message: Json;
  /** files uploaded with it */
  files?: FakeAttachment[];
}

export interface FakeDiscord {
  /** for discord.js `rest: { api }` (no version: discord.js appends /v10) */
  readonly apiRoot: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: Json;
  readonly guilds: readonly FakeGuild[];
  /** every REST request, in order of completion */
  readonly calls: RestCall[];
  /** every gateway frame, both ways */
  readonly frames: GatewayFrame[];
  /** every message the bot created or edited */
  readonly messages: SentMessage[];
  /** IDENTIFY payloads accepted (a wrong token is not recorded here) */
  readonly identifies: Json[];

  /** Commands registered globally, or in a guild; undefined when never written. */
  registeredCommands(guildId?: string): Json[] | undefined;
  /** Sets the registered commands as if written earlier (Discord fills in ids and defaults). */
  setRegisteredCommands(commands: Json[], guildId?: string): void;
  /** Sends INTERACTION_CREATE on the latest identified gateway connection. */
  dispatchInteraction(params: InteractionParams): DispatchedInteraction;
  /** The interaction callbacks, edits and follow-ups for an interaction, in order. */
  responsesTo(interaction: { id: string; token: string }): RestCall[];
  /** Resolves with the first call (already made or to come) matching the predicate. */
  waitFor(predicate: (call: RestCall) => boolean, timeoutMs?: number): Promise<RestCall>;
  /** Resolves with the first gateway frame (already seen or to come) matching the predicate. */
  waitForFrame(predicate: (frame: GatewayFrame) => boolean, timeoutMs?: number): Promise<GatewayFrame>;
  /**
   * The next `times` requests whose `METHOD /path` (after /api/v10) equals `request` answer with the fault
   * (after `skip` of them went through).
   */
  failNext(request: string, fault: Fault): void;
  /** Closes every open gateway connection with a close code, as Discord does (4004 after a token reset). */
  closeGateway(code: number, reason: string): void;
  close(): Promise<void>;
}

/** Discord's epoch for snowflakes (2015-01-01). */
const DISCORD_EPOCH = 1_420_070_400_000n;
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DEFAULT_MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n);
/** View Channel, Send Messages, Embed Links, Attach Files: what the invite link grants. */
const BOT_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n);

class FakeDiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Json,
  ) {
    super(message);
  }
}

const invalidForm = (path: string, message: string) =>
  new FakeDiscordError(400, 50035, 'Invalid Form Body', { [path]: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message }] } });

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Checks a message body against Discord's limits. */
function validateMessage(body: Json, requireSomething: boolean): void {
  const content = body.content;
  if (content !== undefined && content !== null && typeof content !== 'string') throw invalidForm('content', 'Must be a string.');
  if (typeof content === 'string' && content.length > 2000) throw invalidForm('content', 'Must be 2000 or fewer in length.');
  const embeds = body.embeds;
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds)) throw invalidForm('embeds', 'Must be an array.');
    if (embeds.length > 10) throw invalidForm('embeds', 'Must be 10 or fewer in length.');
    let total = 0;
    embeds.forEach((e: unknown, i) => {
      if (!isObject(e)) throw invalidForm(`embeds.${i}`, 'Must be an object.');
      const title = text(e.title);
      const description = text(e.description);
      const footer = isObject(e.footer) ? text(e.footer.text) : '';
      if (title.length > 256) throw invalidForm(`embeds.${i}.title`, 'Must be 256 or fewer in length.');
      if (description.length > 4096) throw invalidForm(`embeds.${i}.description`, 'Must be 4096 or fewer in length.');
      if (footer.length > 2048) throw invalidForm(`embeds.${i}.footer.text`, 'Must be 2048 or fewer in length.');
      if (!title && !description && !footer && !Array.isArray(e.fields) && !isObject(e.image)) throw invalidForm(`embeds.${i}`, 'Embed is empty.');
      total += title.length + description.length + footer.length;
    });
    if (total > 6000) throw invalidForm('embeds', 'Embed size exceeds maximum size of 6000');
  }
  const hasContent = typeof content === 'string' && content.length > 0;
  const hasEmbeds = Array.isArray(embeds) && embeds.length > 0;
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (requireSomething && !hasContent && !hasEmbeds && !hasAttachments) throw new FakeDiscordError(400, 50006, 'Cannot send an empty message');
}

/** Checks one command of a bulk overwrite the way Discord does (the parts that catch our mistakes). */
function validateCommand(c: unknown, i: number): Json {
  if (!isObject(c)) throw invalidForm(`${i}`, 'Must be an object.');
  const type = c.type ?? 1;
  const name = text(c.name);
  if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) throw invalidForm(`${i}.name`, 'Command name is invalid');
  const description = text(c.description);
  if (type === 1 && (description.length < 1 || description.length > 100)) throw invalidForm(`${i}.description`, 'Must be between 1 and 100 in length.');
  const dmp = c.default_member_permissions;
  if (dmp !== undefined && dmp !== null && (typeof dmp !== 'string' || !/^\d+$/.test(dmp))) throw invalidForm(`${i}.default_member_permissions`, 'Must be a bitfield string.');
  const options = c.options ?? [];
  if (!Array.isArray(options) || options.length > 25) throw invalidForm(`${i}.options`, 'Must be 25 or fewer in length.');
  let optionalSeen = false;
  options.forEach((o: unknown, j) => {
    const at = `${i}.options.${j}`;
    if (!isObject(o)) throw invalidForm(at, 'Must be an object.');
    if (typeof o.type !== 'number' || o.type < 1 || o.type > 11) throw invalidForm(`${at}.type`, 'Value is not a valid option type.');
    if (!NAME_PATTERN.test(text(o.name)) || text(o.name) !== text(o.name).toLowerCase()) throw invalidForm(`${at}.name`, 'Option name is invalid');
    const d = text(o.description);
    if (d.length < 1 || d.length > 100) throw invalidForm(`${at}.description`, 'Must be between 1 and 100 in length.');
    if (o.required === true && optionalSeen) throw invalidForm(`${at}.required`, 'Required options must be placed before non-required options');
    if (o.required !== true) optionalSeen = true;
    if (o.autocomplete === true && ![3, 4, 10].includes(o.type)) throw invalidForm(`${at}.autocomplete`, 'Autocomplete is only for string, integer and number options');
    if (o.autocomplete === true && Array.isArray(o.choices) && o.choices.length > 0) throw invalidForm(`${at}.autocomplete`, 'Autocomplete cannot be set with choices');
    if ((o.min_value !== undefined || o.max_value !== undefined) && ![4, 10].includes(o.type)) throw invalidForm(`${at}.min_value`, 'Only for integer and number options');
  });
  return c;
}

/** A stored command the way Discord answers it: ids, version and the defaults it fills in. */
function storedCommand(c: Json, id: string, applicationId: string, version: string, guildId: string | undefined): Json {
  const out: Json = {
    id,
    application_id: applicationId,
    version,
    default_member_permissions: c.default_member_permissions ?? null,
    type: c.type ?? 1,
    name: c.name,
    description: c.description ?? '',
    ...(guildId ? { guild_id: guildId } : { dm_permission: true, contexts: null, integration_types: [0] }),
    nsfw: c.nsfw ?? false,
  };
  if (Array.isArray(c.options) && c.options.length > 0) {
    // Discord leaves out `required: false` and `autocomplete: false` in what it returns.
    out.options = c.options.map((o: Json) => {
      const { required, autocomplete, ...rest } = o;
      return { ...rest, ...(required === true ? { required: true } : {}), ...(autocomplete === true ? { autocomplete: true } : {}) };
    });
  }
  return out;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? '100000000000000001';
  const token =
    options.token ??
    `${Buffer.from(applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
  const guilds: FakeGuild[] = options.guilds ?? [{ id: '200000000000000001', name: 'Metis Test', channels: [{ id: '300000000000000001', name: 'yields' }] }];
  const heartbeatInterval = options.heartbeatIntervalMs ?? 41_250;
  const botUser: Json = {
    id: applicationId,
    username: options.botUsername ?? 'metis-yield-bot',
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
  const commands = new Map<string, Json[]>();
  const faults: { request: string; fault: Fault; skip: number; remaining: number }[] = [];
  interface InteractionState {
    id: string;
    token: string;
    kind: 'command' | 'autocomplete';
    channelId: string;
    guildId: string | undefined;
    /** callback type once acknowledged */
    acknowledged?: number;
    original?: Json;
  }
  const interactions = new Map<string, InteractionState>();
  const byToken = new Map<string, InteractionState>();
  let closed = false;
  let closePromise: Promise<void> | undefined;
  let snowflakeCounter = 0n;

  const snowflake = () => (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (snowflakeCounter++ & 0xfffn)).toString();
  const channelGuild = (channelId: string) => guilds.find((g) => g.channels.some((c) => c.id === channelId));

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
      components: [],
      ...extra,
    };
  }

  // ---------- REST ----------

  type Handler = (m: RegExpExecArray, body: unknown, query: Record<string, string>) => { status: number; json?: unknown };
  interface Route {
    method: string;
    pattern: RegExp;
    name: string;
    auth: boolean;
    handle: Handler;
  }

  const ok = (json: unknown) => ({ status: 200, json });

  function appCommands(appId: string, guildId: string | undefined, method: string, body: unknown) {
    if (appId !== applicationId) throw new FakeDiscordError(403, 50001, 'Missing Access');
    if (guildId && !guilds.some((g) => g.id === guildId)) throw new FakeDiscordError(403, 50001, 'Missing Access');
    const key = guildId ?? 'global';
    if (method === 'GET') return ok(commands.get(key) ?? []);
    if (!Array.isArray(body)) throw invalidForm('_', 'Must be an array.');
    if (body.length > 100) throw invalidForm('_', 'Must be 100 or fewer in length.');
    const valid = body.map(validateCommand);
    const names = valid.map((c) => `${String(c.type ?? 1)}:${text(c.name)}`);
    if (new Set(names).size !== names.length) throw invalidForm('_', 'Application command names must be unique');
    const previous = commands.get(key) ?? [];
    const stored = valid.map((c) => {
      const same = previous.find((p) => p.name === c.name && p.type === (c.type ?? 1));
      return storedCommand(c, typeof same?.id === 'string' ? same.id : snowflake(), applicationId, snowflake(), guildId);
    });
    commands.set(key, stored);
    return ok(stored);
  }

  function interactionFor(id: string, interactionToken: string): InteractionState {
    const state = interactions.get(id);
    if (!state || state.token !== interactionToken) throw new FakeDiscordError(404, 10062, 'Unknown interaction');
    return state;
  }

  function webhookInteraction(appId: string, webhookToken: string): InteractionState {
    const state = byToken.get(webhookToken);
    if (appId !== applicationId || !state) throw new FakeDiscordError(404, 10015, 'Unknown Webhook');
    return state;
  }

  function callback(m: RegExpExecArray, body: unknown, query: Record<string, string>) {
    const state = interactionFor(m[1]!, m[2]!);
    if (state.acknowledged !== undefined) throw new FakeDiscordError(400, 40060, 'Interaction has already been acknowledged.');
    if (!isObject(body) || typeof body.type !== 'number') throw invalidForm('type', 'This field is required');
    const data = isObject(body.data) ? body.data : {};
    const allowed = state.kind === 'autocomplete' ? [8] : [4, 5, 9];
    if (!allowed.includes(body.type)) throw new FakeDiscordError(400, 40043, 'This interaction type does not accept that response type');
    if (body.type === 8) {
      const choices = data.choices;
      if (!Array.isArray(choices) || choices.length > 25) throw invalidForm('data.choices', 'Must be 25 or fewer in length.');
      for (const [i, c] of choices.entries()) {
        if (!isObject(c) || text(c.name).length < 1 || text(c.name).length > 100) throw invalidForm(`data.choices.${i}.name`, 'Must be between 1 and 100 in length.');
        if (typeof c.value === 'string' && c.value.length > 100) throw invalidForm(`data.choices.${i}.value`, 'Must be 100 or fewer in length.');
      }
    } else if (body.type === 4) {
      validateMessage(data, true);
    }
    state.acknowledged = body.type;
    let message: Json | undefined;
    if (body.type === 4 || body.type === 5) {
      message = messageObject(state.channelId, body.type === 4 ? data : { flags: data.flags }, {
        type: 20,
        application_id: applicationId,
        webhook_id: applicationId,
        interaction_metadata: { id: state.id, type: 2 },
      });
      state.original = message;
      messages.push({ kind: body.type === 4 ? 'reply' : 'deferred', channelId: state.channelId, interactionId: state.id, body: data, message });
    }
    if (query.with_response === 'true') {
      return ok({ interaction: { id: state.id, type: state.kind === 'command' ? 2 : 4 }, ...(message ? { resource: { type: body.type, message } } : {}) });
    }
    return { status: 204 };
  }

  function webhookMessage(method: string) {
    return (m: RegExpExecArray, body: unknown) => {
      const state = webhookInteraction(m[1]!, m[2]!);
      const original = state.original;
      if (m[3] !== '@original' || !original) throw new FakeDiscordError(404, 10008, 'Unknown Message');
      if (method === 'GET') return ok(original);
      if (method === 'DELETE') {
        state.original = undefined;
        return { status: 204 };
      }
      const patch = isObject(body) ? body : {};
      validateMessage(patch, false);
      const edited: Json = {
        ...original,
        ...(patch.content !== undefined ? { content: patch.content ?? '' } : {}),
        ...(patch.embeds !== undefined ? { embeds: patch.embeds ?? [] } : {}),
        edited_timestamp: new Date().toISOString(),
      };
      if (!text(edited.content) && (!Array.isArray(edited.embeds) || edited.embeds.length === 0)) {
        throw new FakeDiscordError(400, 50006, 'Cannot send an empty message');
      }
      state.original = edited;
      messages.push({ kind: 'edit', channelId: state.channelId, interactionId: state.id, body: patch, message: edited });
      return ok(edited);
    };
  }

  function followUp(m: RegExpExecArray, body: unknown, query: Record<string, string>) {
    const state = webhookInteraction(m[1]!, m[2]!);
    if (state.acknowledged === undefined) throw new FakeDiscordError(400, 40060, 'Interaction has not been acknowledged.');
    const data = isObject(body) ? body : {};
    validateMessage(data, true);
    const message = messageObject(state.channelId, data, { application_id: applicationId, webhook_id: applicationId });
    messages.push({ kind: 'followup', channelId: state.channelId, interactionId: state.id, body: data, message });
    return query.wait === 'true' ? ok(message) : { status: 204 };
  }

  function channelMessage(m: RegExpExecArray, body: unknown) {
    const channelId = m[1]!;
    if (!channelGuild(channelId)) throw new FakeDiscordError(404, 10003, 'Unknown Channel');
    const data = isObject(body) ? body : {};
    validateMessage(data, true);
    const message = messageObject(channelId, data);
    messages.push({ kind: 'channel', channelId, body: data, message });
    return ok(message);
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      name: 'GET /gateway/bot',
      auth: true,
      handle: () => ok({ url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }),
    },
    { method: 'GET', pattern: /^\/gateway$/, name: 'GET /gateway', auth: false, handle: () => ok({ url: gatewayUrl }) },
    { method: 'GET', pattern: /^\/users\/@me$/, name: 'GET /users/@me', auth: true, handle: () => ok(botUser) },
    ...(['GET', 'PUT'] as const).flatMap((method): Route[] => [
      {
        method,
        pattern: /^\/applications\/(\d+)\/commands$/,
        name: `${method} /applications/:app/commands`,
        auth: true,
        handle: (m, body) => appCommands(m[1]!, undefined, method, body),
      },
      {
        method,
        pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        name: `${method} /applications/:app/guilds/:guild/commands`,
        auth: true,
        handle: (m, body) => appCommands(m[1]!, m[2]!, method, body),
      },
    ]),
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, name: 'POST /interactions/:id/:token/callback', auth: false, handle: callback },
    ...(['GET', 'PATCH', 'DELETE'] as const).map(
      (method): Route => ({
        method,
        pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
        name: `${method} /webhooks/:app/:token/messages/:message`,
        auth: false,
        handle: webhookMessage(method),
      }),
    ),
    { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, name: 'POST /webhooks/:app/:token', auth: false, handle: followUp },
    { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, name: 'POST /channels/:id/messages', auth: true, handle: channelMessage },
  ];

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

  function faultResponse(res: ServerResponse, fault: Fault, path: string): { status: number; json: Json } {
    if (fault.status === 429) {
      const retryAfter = fault.retryAfter ?? 1;
      res.setHeader('Retry-After', String(retryAfter));
      res.setHeader('X-RateLimit-Limit', '5');
      res.setHeader('X-RateLimit-Remaining', '0');
      res.setHeader('X-RateLimit-Reset', String(Date.now() / 1000 + retryAfter));
      res.setHeader('X-RateLimit-Reset-After', String(retryAfter));
      res.setHeader('X-RateLimit-Bucket', `fake-${Buffer.from(path).toString('hex').slice(-16)}`);
      res.setHeader('X-RateLimit-Scope', fault.global ? 'global' : 'user');
      if (fault.global) res.setHeader('X-RateLimit-Global', 'true');
      return { status: 429, json: { message: fault.message ?? 'You are being rate limited.', retry_after: retryAfter, global: fault.global ?? false, code: fault.code ?? 0 } };
    }
    return { status: fault.status, json: { message: fault.message ?? `${fault.status}: injected`, code: fault.code ?? 0 } };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = /^\/api\/v\d+(\/.*)$/.exec(url.pathname);
    const path = decodeURIComponent(versioned?.[1] ?? url.pathname);
    const query = Object.fromEntries(url.searchParams);
    let body: unknown;
    let files: FakeAttachment[] | undefined;
    if (raw.length > 0 && String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        body = raw.toString('utf8');
      }
    } else if (raw.length > 0 && String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      // Attachments: the JSON body travels as the part payload_json, each file as files[n].
      const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: raw }).formData();
      files = [];
      for (const [field, value] of form) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value) as unknown;
        } else files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    const authorization = req.headers.authorization;
    const route = versioned ? routes.find((r) => r.method === method && r.pattern.test(path)) : undefined;
    let status: number;
    let json: unknown;
    if (!route) {
      status = 404;
      json = { message: '404: Not Found', code: 0 };
    } else if (route.auth && authorization !== `Bot ${token}`) {
      status = 401;
      json = { message: '401: Unauthorized', code: 0 };
    } else {
      const fault = takeFault(method, path);
      if (fault) ({ status, json } = faultResponse(res, fault, path));
      else {
        try {
          const before = messages.length;
          ({ status, json } = route.handle(route.pattern.exec(path)!, body, query));
          const uploaded = files ?? [];
          for (const sent of uploaded.length > 0 ? messages.slice(before) : []) {
            sent.files = uploaded;
            sent.message.attachments = uploaded.map((f) => {
              const url = `https://cdn.discordapp.invalid/attachments/${sent.channelId}/${f.filename}`;
              return { id: snowflake(), filename: f.filename, size: f.data.length, content_type: f.contentType, url, proxy_url: url };
            });
          }
        } catch (error) {
          if (!(error instanceof FakeDiscordError)) throw error;
          status = error.status;
          json = { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) };
        }
      }
    }
    const call: RestCall = { index: calls.length, method, path, route: route?.name ?? 'unknown', query, body, authorization, status, response: json, at, ...(files ? { files } : {}) };
    calls.push(call);
    events.emit('call', call);
    if (json === undefined) {
      res.writeHead(status).end();
    } else {
      const payload = JSON.stringify(json);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }).end(payload);
    }
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  server.keepAliveTimeout = 0;
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const sockets = trackSockets(server);

  // ---------- gateway ----------

  interface Session {
    socket: WebSocket;
    connection: number;
    seq: number;
    identified: boolean;
  }
  const sessions: Session[] = [];
  let connections = 0;
  const wss = new WebSocketServer({ noServer: true });

  function record(session: Session, direction: 'in' | 'out', payload: Json): void {
    const frame: GatewayFrame = {
      index: frames.length,
      direction,
      op: typeof payload.op === 'number' ? payload.op : -1,
      t: typeof payload.t === 'string' ? payload.t : null,
      d: payload.d,
      connection: session.connection,
    };
    frames.push(frame);
    events.emit('frame', frame);
  }

  function send(session: Session, payload: Json): void {
    record(session, 'out', payload);
    session.socket.send(JSON.stringify(payload));
  }

  function dispatch(session: Session, t: string, d: unknown): void {
    send(session, { op: 0, t, s: ++session.seq, d });
  }

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

  function onMessage(session: Session, raw: string): void {
    let payload: Json;
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (!isObject(parsed)) throw new Error('not an object');
      payload = parsed;
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    record(session, 'in', payload);
    const d = isObject(payload.d) ? payload.d : {};
    switch (payload.op) {
      case 1:
        send(session, { op: 11 });
        return;
      case 2: {
        if (session.identified) {
          session.socket.close(4005, 'Already authenticated.');
          return;
        }
        if (d.token !== token) {
          session.socket.close(4004, 'Authentication failed.');
          return;
        }
        if (options.identifyCloseCode !== undefined) {
          session.socket.close(options.identifyCloseCode, 'Closed by the test.');
          return;
        }
        session.identified = true;
        identifies.push(d);
        dispatch(session, 'READY', {
          v: 10,
          user: botUser,
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: randomBytes(16).toString('hex'),
          resume_gateway_url: gatewayUrl,
          shard: [0, 1],
          application: { id: applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          user_settings: {},
          geo_ordered_rtc_regions: [],
        });
        for (const g of guilds) dispatch(session, 'GUILD_CREATE', guildCreate(g));
        return;
      }
      case 6:
        // We keep no sessions to resume: the client identifies again.
        send(session, { op: 9, d: false });
        return;
      default:
        return; // presence updates, member requests… are accepted and ignored
    }
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session: Session = { socket: ws, connection: ++connections, seq: 0, identified: false };
      sessions.push(session);
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) ws.close(4002, 'Error while decoding payload.');
        else onMessage(session, data.toString('utf8'));
      });
      ws.on('close', () => {
        session.identified = false;
        events.emit('disconnect', session.connection);
      });
      if (url.searchParams.get('encoding') !== 'json' || url.searchParams.has('compress')) {
        ws.close(4002, 'The fake gateway speaks uncompressed JSON only.');
        return;
      }
      send(session, { op: 10, d: { heartbeat_interval: heartbeatInterval }, s: null, t: null });
    });
  });

  const port = await listenOnLoopback(server);
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  // ---------- public API ----------

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

  function optionType(commandName: string, guildId: string | undefined, option: InteractionOption): number {
    if (option.type !== undefined) return option.type;
    const registered = [...(guildId ? (commands.get(guildId) ?? []) : []), ...(commands.get('global') ?? [])].find((c) => c.name === commandName);
    const spec = Array.isArray(registered?.options) ? (registered.options as Json[]).find((o) => o.name === option.name) : undefined;
    if (typeof spec?.type === 'number') return spec.type;
    if (typeof option.value === 'boolean') return 5;
    if (typeof option.value === 'number') return Number.isInteger(option.value) ? 4 : 10;
    return 3;
  }

  const api: FakeDiscord = {
    apiRoot: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    guilds,
    calls,
    frames,
    messages,
    identifies,

    registeredCommands(guildId) {
      return commands.get(guildId ?? 'global');
    },

    setRegisteredCommands(list, guildId) {
      const version = snowflake();
      commands.set(
        guildId ?? 'global',
        list.map((c) => storedCommand(c, snowflake(), applicationId, version, guildId)),
      );
    },

    dispatchInteraction(p) {
      const session = [...sessions].reverse().find((s) => s.identified);
      if (!session) throw new Error('dispatchInteraction: no identified gateway connection (is the client logged in?)');
      const kind = p.kind ?? 'command';
      const guildId = p.guildId === undefined ? guilds[0]?.id : (p.guildId ?? undefined);
      const guild = guilds.find((g) => g.id === guildId);
      const channelId = p.channelId ?? guild?.channels[0]?.id ?? '390000000000000001';
      const user = { id: p.userId ?? '500000000000000001', username: p.username ?? 'alice', discriminator: '0', global_name: 'Alice', avatar: null, bot: false };
      const registered = [...(guildId ? (commands.get(guildId) ?? []) : []), ...(commands.get('global') ?? [])].find((c) => c.name === p.name);
      const id = snowflake();
      const interactionToken = Buffer.from(`interaction:${id}:${randomBytes(48).toString('hex')}`).toString('base64url');
      const options = (p.options ?? []).map((o) => ({
        name: o.name,
        type: optionType(p.name, guildId, o),
        value: o.value,
        ...(o.focused ? { focused: true } : {}),
      }));
      const payload: Json = {
        id,
        application_id: applicationId,
        type: kind === 'command' ? 2 : 4,
        token: interactionToken,
        version: 1,
        channel_id: channelId,
        channel: guild ? { id: channelId, type: 0, guild_id: guild.id, name: guild.channels.find((c) => c.id === channelId)?.name ?? 'channel' } : { id: channelId, type: 1 },
        data: {
          id: typeof registered?.id === 'string' ? registered.id : snowflake(),
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
        ...(guild
          ? {
              guild_id: guild.id,
              guild_locale: 'en-US',
              member: {
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
              },
            }
          : { user }),
      };
      const state: InteractionState = { id, token: interactionToken, kind, channelId, guildId: guild?.id };
      interactions.set(id, state);
      byToken.set(interactionToken, state);
      dispatch(session, 'INTERACTION_CREATE', payload);
      return { id, token: interactionToken, payload };
    },

    responsesTo(interaction) {
      return calls.filter((c) => c.path.includes(`/interactions/${interaction.id}/`) || c.path.includes(`/${interaction.token}`));
    },

    waitFor(predicate, timeoutMs = 10_000) {
      return waitOn('call', calls, predicate, timeoutMs, 'a matching REST call');
    },

    waitForFrame(predicate, timeoutMs = 10_000) {
      return waitOn('frame', frames, predicate, timeoutMs, 'a matching gateway frame');
    },

    failNext(request, fault) {
      faults.push({ request, fault, skip: fault.skip ?? 0, remaining: Math.max(1, fault.times ?? 1) });
    },

    closeGateway(code, reason) {
      for (const s of sessions) s.socket.close(code, reason);
    },

    close() {
      closePromise ??= (async () => {
        closed = true;
        events.emit('closed');
        for (const s of sessions) s.socket.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        });
      })();
      return closePromise;
    },
  };
  return api;
}
