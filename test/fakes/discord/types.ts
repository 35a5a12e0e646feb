/** The fake Discord's public shapes: what tests pass in and read back; and the error a route handler throws. */

/** A JSON object as the fake reads and answers it. */
export type Json = Record<string, unknown>;

/** One REST request the fake answered, as recorded in `calls`. */
export interface RestCall {
  /** position in `calls` */
  index: number;
  method: string;
  /** path after /api/v10, e.g. /channels/123/messages */
  path: string;
  /** method and path with ids replaced: 'POST /channels/:id/messages' ('unknown' when no route matched) */
  route: string;
  /** parsed JSON body (of a multipart request: its payload_json), or undefined */
  body: unknown;
  /** files of a multipart request (discord.js sends attachments that way), in order */
  files?: FakeAttachment[];
  /** the Authorization header as sent */
  authorization: string | undefined;
  status: number;
}

/** A file uploaded with a message (multipart part `files[n]`). */
export interface FakeAttachment {
  /** multipart part name, e.g. files[0] */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One gateway frame, as recorded in `frames`. */
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

/** A text channel of a guild. */
export interface FakeChannel {
  id: string;
  name: string;
}

/** A guild the bot is in, with its text channels. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

/** How the gateway behaves: the heartbeat it asks for, and whether it refuses IDENTIFY. */
export interface FakeDiscordOptions {
  /** heartbeat interval announced in HELLO; default 41250 ms like Discord */
  heartbeatIntervalMs?: number;
  /**
   * Close every IDENTIFY with this code even when the token is right (4004 Authentication failed for a token
   * revoked between the REST check and the gateway, 4014 Disallowed intents…).
   */
  identifyCloseCode?: number;
}

/** An error answer injected with `failNext`. */
export interface Fault {
  status: number;
  /** Discord's JSON error code (50013 Missing Permissions, 50001 Missing Access, 10003 Unknown Channel…) */
  code?: number;
  message?: string;
  /** seconds, for 429 (body retry_after, Retry-After and X-RateLimit-Reset-After headers) */
  retryAfter?: number;
  /** how many matching requests fail; default 1 */
  times?: number;
  /** let this many matching requests through first; default 0 */
  skip?: number;
}

/** An option of a dispatched interaction; its type comes from the registered command, else from the value. */
export interface InteractionOption {
  name: string;
  value: string | number | boolean;
  /** the option being typed (autocomplete) */
  focused?: boolean;
}

/** What `dispatchInteraction` sends: a user in the first guild's first channel (or a DM) running a command. */
export interface InteractionParams {
  /** 'command' (type 2) or 'autocomplete' (type 4); default 'command' */
  kind?: 'command' | 'autocomplete';
  name: string;
  /** the member's client language (`locale`); default 'en-US' */
  locale?: string;
  options?: InteractionOption[];
  /** default: the first guild; null for a DM */
  guildId?: string | null;
  userId?: string;
  /** the member's permissions in the channel, a bitfield; default View Channel, Send Messages, Read History, Use Application Commands */
  permissions?: bigint;
}

/** A press of a component (type 3) on a message the bot sent: a button (component_type 2) or a string select (3). */
export interface ComponentParams {
  kind: 'button' | 'select';
  /** the message carrying the component (its id, as recorded in `messages`) */
  messageId: string;
  /** the button's custom_id, or the menu's */
  customId: string;
  /** a select's chosen values */
  values?: string[];
  userId?: string;
  /** the member's permissions, a bitfield; default as for commands */
  permissions?: bigint;
  /** default 'en-US' */
  locale?: string;
}

/** The id and token of a dispatched interaction, to find its responses. */
export interface DispatchedInteraction {
  id: string;
  token: string;
}

/** A message the bot created or edited, as recorded in `messages`. */
export interface SentMessage {
  kind: 'channel' | 'reply' | 'deferred' | 'edit' | 'followup' | 'update';
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

/** The running fake: its addresses, what it recorded, and the test's levers. */
export interface FakeDiscord {
  /** for discord.js `rest: { api }` (no version: discord.js appends /v10) */
  readonly apiRoot: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
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
  /** Sends INTERACTION_CREATE on the latest identified gateway connection. */
  dispatchInteraction(params: InteractionParams): DispatchedInteraction;
  /** Sends INTERACTION_CREATE for a press of a button or menu on a message the bot sent (in that message's channel). */
  pressComponent(params: ComponentParams): DispatchedInteraction;
  /** The newest version of a message the bot sent, updated or edited. */
  latestMessage(messageId: string): Json | undefined;
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

/** What a route handler answers: a status and, unless 204, a JSON body. */
export interface RouteResult {
  status: number;
  json?: unknown;
}

/** One REST route: `METHOD pattern`, its name as recorded in `RestCall.route`, and its handler. */
export interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  /** needs `Authorization: Bot <token>` (interaction and webhook routes authenticate by their token instead) */
  auth: boolean;
  handle: (match: RegExpExecArray, body: unknown, query: Record<string, string>) => RouteResult;
}

/** Throw from a route handler to answer `{ message, code, errors? }` with this status, like Discord. */
export class FakeDiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Json,
  ) {
    super(message);
    this.name = 'FakeDiscordError';
  }
}

/** A 400 Invalid Form Body (code 50035) about one field. */
export const invalidForm = (path: string, message: string): FakeDiscordError =>
  new FakeDiscordError(400, 50035, 'Invalid Form Body', { [path]: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message }] } });

/** A 200 with a JSON body. */
export const ok = (json: unknown): RouteResult => ({ status: 200, json });

/** A JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string field, or '' when it is anything else. */
export const text = (v: unknown): string => (typeof v === 'string' ? v : '');
