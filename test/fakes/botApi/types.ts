import type { TgEntity } from '../telegramHtml.ts';

/** The fake Bot API's public shapes: what tests pass in and read back. */

export type Json = Record<string, unknown>;
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface FakeBotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business: boolean;
  has_main_web_app: boolean;
}

export interface UploadedFile {
  /** multipart part name (grammY uses a random id and puts `attach://<id>` in the field) */
  field: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

export interface FakeCall {
  /** position in `calls` */
  index: number;
  /** canonical method name (Telegram method names are case-insensitive) */
  method: string;
  /** JSON body, or multipart/urlencoded/query fields coerced to JSON-like values */
  payload: Json;
  /** when the request arrived (the `now` option's time) */
  at: number;
  /**
   * HTTP status answered: 200, 4xx/5xx; 0 = connection reset by a fault.
   * getUpdates (with recordGetUpdates) is recorded on arrival: 102 while held open, then updated in place
   * (and emitted again for waitForCall) to the answer's status, or 499 if the client aborted it.
   */
  status: number;
  result?: unknown;
  description?: string;
  /** uploaded files of a multipart request, by part name */
  files?: Record<string, UploadedFile>;
}

export interface SentMessage {
  method: 'sendMessage' | 'sendPhoto' | 'editMessageText' | 'editMessageMedia' | 'editMessageReplyMarkup';
  chat_id: number;
  message_id: number;
  /** raw text as the bot sent it (sendMessage / editMessageText), markup included */
  text?: string;
  /** raw caption as the bot sent it (sendPhoto, editMessageMedia) */
  caption?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  /** uploaded bytes, or the file_id/URL string the bot passed */
  photo?: Buffer | string;
  /** text/caption after entity parsing, as a Telegram client would show it */
  plain: string;
  entities: TgEntity[];
  /** set for editMessageText with inline_message_id (chat_id is 0 then) */
  inline_message_id?: string;
  at: number;
  payload: Json;
  /** the Message object returned to the bot */
  message: Json;
}

export type Fault =
  | { status: number; description: string; retryAfter?: number; times?: number; chatId?: number | string }
  | { kind: 'reset'; times?: number; chatId?: number | string }
  /** the request is taken and never answered (a hung connection); it never counts as delivered */
  | { kind: 'hang'; times?: number; chatId?: number | string };

export interface RateLimits {
  /** all sends, sliding 1 s window (Telegram: ~30) */
  globalPerSecond?: number;
  /** sends to one chat, sliding 1 s window (Telegram: ~1) */
  perChatPerSecond?: number;
  /** sends to one group/supergroup/channel (chat id < 0), sliding 60 s window (Telegram: 20) */
  perGroupPerMinute?: number;
}

export interface RateViolation {
  kind: 'global' | 'chat' | 'group';
  method: string;
  chatId: number;
  at: number;
  retryAfter: number;
}

export interface FakeBotApiOptions {
  /** default '123456:TEST-TOKEN'; the bot id is the numeric part before ':' */
  token?: string;
  botUser?: Partial<Pick<FakeBotUser, 'first_name' | 'username'>>;
  /** when set, sendMessage/sendPhoto over a limit answer 429 with retry_after and count a violation */
  limits?: RateLimits;
  /** record getUpdates calls in `calls` too (default false) */
  recordGetUpdates?: boolean;
  /** reject a bare `&` in HTML (Telegram itself keeps it literally); default true */
  strictAmpersand?: boolean;
  /** time for `at` stamps, message dates and the rate limits (default Date.now): a fake clock shared with the bot */
  now?: () => number;
}

export interface UserMessageParams {
  chatId: number;
  text: string;
  /** default: chatId for private chats, 1_000_001 otherwise */
  userId?: number;
  /** default: 'private' for chatId > 0, 'supergroup' for -100…, else 'group' */
  chatType?: ChatType;
  username?: string;
  firstName?: string;
  /** title for group/supergroup/channel chats */
  chatTitle?: string;
  replyToMessageId?: number;
  /** the sender's client language (`from.language_code`); default 'en' */
  languageCode?: string;
}

export interface ButtonPressParams {
  chatId: number;
  /** the message carrying the inline keyboard (must exist in the fake's store) */
  messageId: number;
  data: string;
  userId?: number;
  username?: string;
  /** the presser's client language (`from.language_code`); default 'en' */
  languageCode?: string;
}

export type MethodHandler = (payload: Json, files: Record<string, UploadedFile>) => unknown;

export interface FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly botUser: FakeBotUser;
  /** every API call (getUpdates only with recordGetUpdates) */
  readonly calls: FakeCall[];
  /** messages sent/edited by the bot */
  readonly sent: SentMessage[];
  /** number of rate-limit violations (429 answered by the limiter) */
  readonly violations: number;
  readonly violationLog: RateViolation[];
  /** updates queued and not yet confirmed by an offset */
  readonly pendingUpdates: number;
  /** 1 while a getUpdates request is being held open, else 0 */
  readonly heldPolls: number;

  /** Queues a `message` (or `channel_post` for channel chats) update; returns its update_id. */
  sendUserMessage(p: UserMessageParams): number;
  /** Queues a `callback_query` update for an inline button on a stored message; returns its update_id. */
  pressButton(p: ButtonPressParams): number;
  /** Queues an arbitrary update (update_id assigned when missing); returns its update_id. */
  pushUpdate(update: object): number;

  /** Resolves with the first matching call at index >= since (default: only calls arriving from now on). */
  waitForCall(predicate: (call: FakeCall) => boolean, timeoutMs?: number, since?: number): Promise<FakeCall>;
  /** Mailbox: resolves with the next new message (sendMessage/sendPhoto, not an edit) to chatId not yet returned by nextMessageTo. */
  nextMessageTo(chatId: number, timeoutMs?: number): Promise<SentMessage>;
  /** All messages sent/edited to chatId so far. */
  messagesTo(chatId: number): SentMessage[];
  /** Replaces (or adds) the handler of one method: for a method group a test installs itself (see fakeWebhook.ts). */
  onMethod(method: string, handler: MethodHandler): void;
  /** Resolves once a getUpdates request is held open (the bot is idle, waiting for updates). */
  waitForPoll(timeoutMs?: number): Promise<void>;

  failNext(method: string, fault: Fault): void;
  setAdmins(chatId: number, statuses: Record<number, MemberStatus>): void;
  /** Commands stored by setMyCommands for a scope (default {type:'default'}) and language ('' = none). */
  getCommands(scope?: object, languageCode?: string): unknown[] | undefined;

  close(): Promise<void>;
}

/** Throw from a method handler to answer `{ ok:false, error_code: status, description, parameters }`. */
export class FakeBotApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
    this.name = 'FakeBotApiError';
  }
}

/** A 400 with Telegram's wording. */
export const bad = (what: string): FakeBotApiError => new FakeBotApiError(400, `Bad Request: ${what}`);

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Length as Telegram counts it (code points). */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
