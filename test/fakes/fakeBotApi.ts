/**
 * An in-process fake of the Telegram Bot API server for tests and benchmarks.
 *
 * The real grammY client talks to it over HTTP:
 *
 *   const fake = await startFakeBotApi();
 *   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
 *
 * It implements real long polling (held getUpdates, offsets, limits, 409 on a
 * concurrent poll), Telegram's HTML entity parser (see telegramHtml.ts), a
 * per-chat message store (edit/delete/reply checks), fault injection and an
 * optional rate limiter. Everything the bot does is recorded in `calls` and
 * `sent`; tests wait on events (`waitForCall`, `nextMessageTo`, `waitForPoll`)
 * instead of sleeping.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback, readBody, trackSockets } from './loopbackHttp.ts';
import { parseTelegramHtml, type TgEntity } from './telegramHtml.ts';

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
  method: 'sendMessage' | 'sendPhoto' | 'editMessageText';
  chat_id: number;
  message_id: number;
  /** raw text as the bot sent it (sendMessage / editMessageText), markup included */
  text?: string;
  /** raw caption as the bot sent it (sendPhoto) */
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
  /** a new getUpdates answers a still-held one with 409 Conflict, like Telegram; default true */
  conflictOnConcurrentPoll?: boolean;
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
}

export interface ButtonPressParams {
  chatId: number;
  /** the message carrying the inline keyboard (must exist in the fake's store) */
  messageId: number;
  data: string;
  userId?: number;
  username?: string;
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
  /** Mailbox: resolves with the next new message (sendMessage/sendPhoto) to chatId not yet returned by nextMessageTo. */
  nextMessageTo(chatId: number, timeoutMs?: number): Promise<SentMessage>;
  /** All messages sent/edited to chatId so far. */
  messagesTo(chatId: number): SentMessage[];
  /** Resolves once a getUpdates request is held open (the bot is idle, waiting for updates). */
  waitForPoll(timeoutMs?: number): Promise<void>;

  failNext(method: string, fault: Fault): void;
  clearFaults(): void;
  setAdmins(chatId: number, statuses: Record<number, MemberStatus>): void;
  /** Commands stored by setMyCommands for a scope (default {type:'default'}) and language ('' = none). */
  getCommands(scope?: object, languageCode?: string): unknown[] | undefined;
  /** Add or override a method; throw FakeBotApiError to answer an error. */
  onMethod(method: string, handler: MethodHandler): void;

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

const bad = (what: string): FakeBotApiError => new FakeBotApiError(400, `Bad Request: ${what}`);

const NUMERIC_FIELDS = new Set([
  'chat_id', 'message_id', 'user_id', 'offset', 'limit', 'timeout', 'reply_to_message_id',
  'message_thread_id', 'from_chat_id', 'cache_time', 'duration', 'width', 'height',
]);
const BOOLEAN_FIELDS = new Set([
  'disable_notification', 'protect_content', 'has_spoiler', 'show_caption_above_media',
  'drop_pending_updates', 'show_alert', 'allow_sending_without_reply', 'disable_web_page_preview',
]);
const JSON_FIELDS = new Set([
  'reply_markup', 'reply_parameters', 'entities', 'caption_entities', 'allowed_updates', 'commands',
  'scope', 'link_preview_options', 'media', 'results',
]);
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);
/** update types Telegram leaves out when allowed_updates is empty/unset */
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];

function coerceField(key: string, v: string): unknown {
  if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(v)) return Number(v);
  if (BOOLEAN_FIELDS.has(key)) return v === 'true' ? true : v === 'false' ? false : v;
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

function parseMultipart(body: Buffer, boundary: string): { fields: Json; files: Record<string, UploadedFile> } {
  const fields: Json = {};
  const files: Record<string, UploadedFile> = {};
  const delim = Buffer.from(`--${boundary}`);
  const sep = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delim);
  if (pos < 0) throw new Error('multipart boundary not found');
  pos += delim.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing --boundary--
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const next = body.indexOf(sep, pos);
    if (next < 0) throw new Error('unterminated multipart body');
    const part = body.subarray(pos, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new Error('multipart part without headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    let name: string | undefined;
    let filename: string | undefined;
    let contentType: string | undefined;
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        // grammY writes `content-disposition:form-data;name="x";filename=photo.jpg` (no spaces, unquoted filename)
        const n = /(?:^|[;\s])name=(?:"([^"]*)"|([^;\s]*))/i.exec(value);
        name = n?.[1] ?? n?.[2];
        const f = /(?:^|[;\s])filename=(?:"([^"]*)"|([^;]*))/i.exec(value);
        if (f) filename = (f[1] ?? f[2] ?? '').trim();
      } else if (key === 'content-type') {
        contentType = value;
      }
    }
    if (name === undefined) throw new Error('multipart part without a name');
    if (filename !== undefined) {
      files[name] = { field: name, filename, contentType, data: Buffer.from(content) };
    } else {
      fields[name] = coerceField(name, content.toString('utf8'));
    }
    pos = next + sep.length;
  }
  return { fields, files };
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const defaultChatType = (chatId: number): ChatType =>
  chatId > 0 ? 'private' : String(chatId).startsWith('-100') ? 'supergroup' : 'group';

/** Telegram's bot_command detection (tdlib match_bot_commands); offsets are UTF-16 like the JS string. */
function botCommandEntities(text: string): TgEntity[] {
  const out: TgEntity[] = [];
  const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
  const blocks = (ch: string | undefined): boolean => isWord(ch) || ch === '/' || ch === '<' || ch === '>';
  const isCmdChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
    if (i > 0) {
      const prevCp = text.codePointAt(i - 1);
      const lowSurrogate = prevCp !== undefined && prevCp >= 0xdc00 && prevCp <= 0xdfff && i >= 2;
      const prev = lowSurrogate ? String.fromCodePoint(text.codePointAt(i - 2) ?? 0) : text[i - 1];
      if (blocks(prev)) continue;
    }
    let j = i + 1;
    while (isCmdChar(text[j])) j++;
    const size = j - i - 1;
    if (size < 1 || size > 64) continue;
    let end = j;
    if (text[j] === '@') {
      let k = j + 1;
      while (isCmdChar(text[k])) k++;
      const msize = k - j - 1;
      if (msize < 3 || msize > 32) continue;
      end = k;
      j = k;
    }
    const nextCp = text.codePointAt(j);
    if (blocks(nextCp === undefined ? undefined : String.fromCodePoint(nextCp))) continue;
    out.push({ type: 'bot_command', offset: i, length: end - i });
  }
  return out;
}

interface ChatInfo {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
}

interface StoredMessage {
  message: Json;
  fromBot: boolean;
  plain: string;
  entities: TgEntity[];
  replyMarkup: unknown;
}

interface QueuedUpdate {
  id: number;
  type: string;
  update: Json;
}

interface HeldPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout | undefined;
  call: FakeCall;
  done: boolean;
}

interface FaultEntry {
  fault: Fault;
  remaining: number;
}

export async function startFakeBotApi(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = opts.token ?? '123456:TEST-TOKEN';
  const idFromToken = Number(/^(\d+):/.exec(token)?.[1] ?? '123456');
  const botUser: FakeBotUser = {
    id: idFromToken,
    is_bot: true,
    first_name: opts.botUser?.first_name ?? 'Metis Yield Test Bot',
    username: opts.botUser?.username ?? 'metis_yield_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  };
  const botAsUser = { id: botUser.id, is_bot: true, first_name: botUser.first_name, username: botUser.username };
  const strictAmpersand = opts.strictAmpersand ?? true;
  const conflictOnConcurrentPoll = opts.conflictOnConcurrentPoll ?? true;
  const limits = opts.limits;
  const clock = opts.now ?? Date.now;
  const nowSeconds = (): number => Math.floor(clock() / 1000);

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls: FakeCall[] = [];
  const sent: SentMessage[] = [];
  const violationLog: RateViolation[] = [];
  let queue: QueuedUpdate[] = [];
  let nextUpdateId = 1;
  let poller: HeldPoll | undefined;
  let allowedUpdates: string[] = [];
  let webhookUrl = '';
  let closed = false;
  let closePromise: Promise<void> | undefined;

  const chats = new Map<number, ChatInfo>();
  const users = new Map<number, { id: number; is_bot: boolean; first_name: string; username?: string }>();
  const messages = new Map<number, Map<number, StoredMessage>>();
  const messageCounters = new Map<number, number>();
  const admins = new Map<number, Map<number, MemberStatus>>();
  const commands = new Map<string, unknown[]>();
  const faults = new Map<string, FaultEntry[]>();
  const openCallbackQueries = new Set<string>();
  const mailboxCursor = new Map<number, number>();
  let callbackCounter = 0;
  let photoCounter = 0;
  const sendTimes: number[] = [];
  const chatSendTimes = new Map<number, number[]>();
  const groupSendTimes = new Map<number, number[]>();

  // ---------- chats, users, messages ----------

  function ensureChat(id: number, type?: ChatType, title?: string, username?: string, firstName?: string): ChatInfo {
    let chat = chats.get(id);
    if (!chat) {
      const t = type ?? defaultChatType(id);
      chat = { id, type: t };
      if (t === 'private') chat.first_name = firstName ?? `User ${id}`;
      else chat.title = title ?? `Chat ${id}`;
      chats.set(id, chat);
    } else if (type !== undefined) {
      chat.type = type;
    }
    if (chat.type !== 'private' && title !== undefined) chat.title = title;
    if (chat.type === 'private' && firstName !== undefined) chat.first_name = firstName;
    if (username !== undefined && chat.type === 'private') chat.username = username;
    return chat;
  }

  function chatObject(id: number): Json {
    const c = ensureChat(id);
    const o: Json = { id: c.id, type: c.type };
    if (c.title !== undefined) o.title = c.title;
    if (c.first_name !== undefined) o.first_name = c.first_name;
    if (c.username !== undefined) o.username = c.username;
    return o;
  }

  function resolveChatId(v: unknown): number {
    if (v === undefined || v === null || v === '') throw bad('chat_id is empty');
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    if (typeof v === 'string') {
      if (/^-?\d+$/.test(v)) return Number(v);
      if (v.startsWith('@')) {
        const name = v.slice(1).toLowerCase();
        for (const c of chats.values()) if (c.username?.toLowerCase() === name) return c.id;
      }
    }
    throw bad('chat not found');
  }

  function nextMessageId(chatId: number): number {
    const n = (messageCounters.get(chatId) ?? 0) + 1;
    messageCounters.set(chatId, n);
    return n;
  }

  function storeMessage(chatId: number, stored: StoredMessage): void {
    let m = messages.get(chatId);
    if (!m) messages.set(chatId, (m = new Map()));
    m.set(stored.message.message_id as number, stored);
  }

  function getStored(chatId: number, messageId: unknown): StoredMessage | undefined {
    return typeof messageId === 'number' ? messages.get(chatId)?.get(messageId) : undefined;
  }

  function formatText(text: string, parseMode: unknown, explicit: unknown): { plain: string; entities: TgEntity[] } {
    if (parseMode === undefined || parseMode === null || parseMode === '') {
      return { plain: text, entities: Array.isArray(explicit) ? (explicit as TgEntity[]) : [] };
    }
    const mode = String(parseMode).toLowerCase();
    if (mode === 'html') {
      const r = parseTelegramHtml(text, { strictAmpersand });
      if (!r.ok) throw bad(`can't parse entities: ${r.error}`);
      return { plain: r.text, entities: r.entities };
    }
    // Markdown/MarkdownV2 are accepted but not validated by the fake.
    if (mode === 'markdown' || mode === 'markdownv2') return { plain: text, entities: [] };
    throw bad('unsupported parse_mode');
  }

  function validateReplyMarkup(rm: unknown): void {
    if (rm === undefined || rm === null) return;
    if (!isObject(rm)) throw bad("can't parse reply keyboard markup JSON object");
    const ik = rm.inline_keyboard;
    if (ik === undefined) return;
    if (!Array.isArray(ik)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
    for (const row of ik) {
      if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      for (const b of row) {
        if (!isObject(b) || typeof b.text !== 'string') throw bad("can't parse inline keyboard button: Field \"text\" must be of type String");
        if (b.callback_data !== undefined) {
          const len = Buffer.byteLength(String(b.callback_data), 'utf8');
          if (len < 1 || len > 64) throw bad('BUTTON_DATA_INVALID');
        }
        if (!BUTTON_ACTIONS.some((k) => b[k] !== undefined)) {
          throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
      }
    }
  }

  function replyTo(chatId: number, p: Json): Json | undefined {
    const rp = isObject(p.reply_parameters) ? p.reply_parameters : undefined;
    const id = rp?.message_id ?? p.reply_to_message_id;
    if (id === undefined) return undefined;
    const target = getStored(rp?.chat_id !== undefined ? resolveChatId(rp.chat_id) : chatId, id);
    if (target) return target.message;
    if (rp?.allow_sending_without_reply === true || p.allow_sending_without_reply === true) return undefined;
    throw bad('message to be replied not found');
  }

  function enforceLimits(method: string, chatId: number): void {
    if (!limits) return;
    const now = clock();
    const prune = (arr: number[], windowMs: number): void => {
      while (arr.length > 0 && (arr[0] ?? 0) <= now - windowMs) arr.shift();
    };
    const check = (kind: RateViolation['kind'], arr: number[], max: number | undefined, windowMs: number): void => {
      if (max === undefined) return;
      prune(arr, windowMs);
      if (arr.length >= max) {
        const oldest = arr[0] ?? now;
        const retryAfter = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
        violationLog.push({ kind, method, chatId, at: now, retryAfter });
        throw new FakeBotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
    };
    let chatArr = chatSendTimes.get(chatId);
    if (!chatArr) chatSendTimes.set(chatId, (chatArr = []));
    let groupArr: number[] | undefined;
    if (chatId < 0) {
      groupArr = groupSendTimes.get(chatId);
      if (!groupArr) groupSendTimes.set(chatId, (groupArr = []));
    }
    check('global', sendTimes, limits.globalPerSecond, 1000);
    check('chat', chatArr, limits.perChatPerSecond, 1000);
    if (groupArr) check('group', groupArr, limits.perGroupPerMinute, 60_000);
    sendTimes.push(now);
    chatArr.push(now);
    groupArr?.push(now);
  }

  function recordSent(s: SentMessage): void {
    sent.push(s);
    events.emit('sent', s);
  }

  // ---------- updates ----------

  function enqueue(update: Json): number {
    let id = update.update_id;
    if (typeof id !== 'number') {
      id = nextUpdateId++;
      update.update_id = id;
    } else {
      nextUpdateId = Math.max(nextUpdateId, id + 1);
    }
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
    const cq = update.callback_query;
    if (isObject(cq) && typeof cq.id === 'string') openCallbackQueries.add(cq.id);
    queue.push({ id: id as number, type, update });
    queueMicrotask(wakePoller);
    return id as number;
  }

  function deliverable(limit: number): Json[] {
    const allow = (t: string): boolean => (allowedUpdates.length > 0 ? allowedUpdates.includes(t) : !OPT_IN_UPDATES.has(t));
    return queue.filter((u) => allow(u.type)).slice(0, limit).map((u) => u.update);
  }

  function confirm(offset: unknown): void {
    if (typeof offset !== 'number') return;
    if (offset < 0) queue = queue.slice(Math.max(0, queue.length + offset));
    else queue = queue.filter((u) => u.id >= offset);
  }

  function wakePoller(): void {
    const p = poller;
    if (!p || p.done) return;
    const ready = deliverable(p.limit);
    if (ready.length > 0) finishPoll(p, 200, { ok: true, result: ready });
  }

  function finishPoll(p: HeldPoll, status: number, body: Json): Promise<void> {
    p.done = true;
    if (p.timer) clearTimeout(p.timer);
    if (poller === p) poller = undefined;
    p.call.status = status;
    if (body.ok === true) p.call.result = body.result;
    else p.call.description = body.description as string;
    if (p.call.index < 0) recordCall(p.call);
    else events.emit('call', p.call); // a held poll was recorded on arrival: announce its answer too
    return writeJson(p.res, status, body);
  }

  // ---------- recording & waiting ----------

  function recordCall(call: FakeCall): void {
    if (call.method === 'getUpdates' && !opts.recordGetUpdates) return;
    call.index = calls.length;
    calls.push(call);
    events.emit('call', call);
  }

  function waitFor<T>(event: string, test: (v: T) => boolean, timeoutMs: number, what: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        events.off(event, onEvent);
        events.off('closed', onClosed);
      };
      const onEvent = (v: T): void => {
        let matched: boolean;
        try {
          matched = test(v);
        } catch (err) {
          cleanup();
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (matched) {
          cleanup();
          resolve(v);
        }
      };
      const onClosed = (): void => {
        cleanup();
        reject(new Error(`fake Bot API closed while waiting for ${what()}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      events.on(event, onEvent);
      events.on('closed', onClosed);
    });
  }

  const recentCalls = (): string => {
    const tail = calls.slice(-10).map((c) => `${c.method}(${c.status})`);
    return tail.length > 0 ? `; last calls: ${tail.join(', ')}` : '; no calls recorded';
  };

  // ---------- methods ----------

  const handlers = new Map<string, { name: string; fn: MethodHandler }>();
  const define = (name: string, fn: MethodHandler): void => {
    handlers.set(name.toLowerCase(), { name, fn });
  };

  define('getMe', () => botUser);
  define('logOut', () => true);
  define('deleteWebhook', (p) => {
    webhookUrl = '';
    if (p.drop_pending_updates === true) queue = [];
    return true;
  });
  define('setWebhook', (p) => {
    if (typeof p.url !== 'string') throw bad('bad webhook: Webhook URL is empty');
    webhookUrl = p.url;
    if (p.drop_pending_updates === true) queue = [];
    return true;
  });
  define('getWebhookInfo', () => ({ url: webhookUrl, has_custom_certificate: false, pending_update_count: queue.length }));

  const commandsKey = (scope: unknown, lang: unknown): string =>
    `${JSON.stringify(isObject(scope) ? scope : { type: 'default' })}|${typeof lang === 'string' ? lang : ''}`;
  define('setMyCommands', (p) => {
    if (!Array.isArray(p.commands)) throw bad('parameter "commands" is required');
    if (p.commands.length > 100) throw bad('too many commands');
    for (const c of p.commands) {
      if (!isObject(c) || typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || codePoints(c.description) < 1 || codePoints(c.description) > 256) {
        throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    commands.set(commandsKey(p.scope, p.language_code), p.commands.map((c) => ({ ...(c as Json) })));
    return true;
  });
  define('getMyCommands', (p) => commands.get(commandsKey(p.scope, p.language_code)) ?? []);
  define('deleteMyCommands', (p) => {
    commands.delete(commandsKey(p.scope, p.language_code));
    return true;
  });
  for (const m of ['setMyDescription', 'setMyShortDescription', 'setMyName', 'setChatMenuButton']) define(m, () => true);

  define('sendMessage', (p) => {
    const chatId = resolveChatId(p.chat_id);
    const text = typeof p.text === 'string' ? p.text : p.text === undefined || p.text === null ? '' : String(p.text);
    if (text.trim() === '') throw bad('message text is empty');
    const { plain, entities } = formatText(text, p.parse_mode, p.entities);
    if (codePoints(plain) > 4096) throw bad('message is too long');
    validateReplyMarkup(p.reply_markup);
    const reply = replyTo(chatId, p);
    enforceLimits('sendMessage', chatId);
    const message: Json = { message_id: nextMessageId(chatId), from: botAsUser, chat: chatObject(chatId), date: nowSeconds(), text: plain };
    if (entities.length > 0) message.entities = entities;
    if (reply) message.reply_to_message = reply;
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    storeMessage(chatId, { message, fromBot: true, plain, entities, replyMarkup: p.reply_markup });
    const s: SentMessage = {
      method: 'sendMessage', chat_id: chatId, message_id: message.message_id as number, text, plain, entities,
      at: clock(), payload: p, message,
    };
    if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
    if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
    recordSent(s);
    return message;
  });

  define('sendPhoto', (p, files) => {
    const chatId = resolveChatId(p.chat_id);
    let photo: Buffer | string | undefined;
    const field = p.photo;
    if (typeof field === 'string' && field.startsWith('attach://')) {
      const f = files[field.slice('attach://'.length)];
      if (!f) throw bad('there is no photo in the request');
      photo = f.data;
    } else if (files.photo) {
      photo = files.photo.data;
    } else if (typeof field === 'string' && field !== '') {
      photo = field;
    }
    if (photo === undefined) throw bad('there is no photo in the request');
    if (Buffer.isBuffer(photo) && photo.length === 0) throw bad('file must be non-empty');
    const caption = typeof p.caption === 'string' ? p.caption : undefined;
    const { plain, entities } = caption === undefined ? { plain: '', entities: [] } : formatText(caption, p.parse_mode, p.caption_entities);
    if (codePoints(plain) > 1024) throw bad('message caption is too long');
    validateReplyMarkup(p.reply_markup);
    const reply = replyTo(chatId, p);
    enforceLimits('sendPhoto', chatId);
    photoCounter++;
    const size = Buffer.isBuffer(photo) ? photo.length : 0;
    const message: Json = {
      message_id: nextMessageId(chatId), from: botAsUser, chat: chatObject(chatId), date: nowSeconds(),
      photo: [
        { file_id: `fake-photo-${photoCounter}-s`, file_unique_id: `fps${photoCounter}`, width: 90, height: 90, file_size: Math.ceil(size / 10) },
        { file_id: `fake-photo-${photoCounter}`, file_unique_id: `fp${photoCounter}`, width: 800, height: 800, file_size: size },
      ],
    };
    if (caption !== undefined) message.caption = plain;
    if (entities.length > 0) message.caption_entities = entities;
    if (reply) message.reply_to_message = reply;
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    storeMessage(chatId, { message, fromBot: true, plain, entities, replyMarkup: p.reply_markup });
    const s: SentMessage = {
      method: 'sendPhoto', chat_id: chatId, message_id: message.message_id as number, photo, plain, entities,
      at: clock(), payload: p, message,
    };
    if (caption !== undefined) s.caption = caption;
    if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
    if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
    recordSent(s);
    return message;
  });

  define('editMessageText', (p) => {
    const text = typeof p.text === 'string' ? p.text : '';
    if (text.trim() === '') throw bad('message text is empty');
    const { plain, entities } = formatText(text, p.parse_mode, p.entities);
    if (codePoints(plain) > 4096) throw bad('MESSAGE_TOO_LONG');
    validateReplyMarkup(p.reply_markup);
    if (typeof p.inline_message_id === 'string') {
      const s: SentMessage = {
        method: 'editMessageText', chat_id: 0, message_id: 0, inline_message_id: p.inline_message_id, text, plain,
        entities, at: clock(), payload: p, message: {},
      };
      if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
      if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
      recordSent(s);
      return true;
    }
    const chatId = resolveChatId(p.chat_id);
    const stored = getStored(chatId, p.message_id);
    if (!stored) throw bad('message to edit not found');
    if (!stored.fromBot) throw bad("message can't be edited");
    if (stored.message.text === undefined) throw bad('there is no text in the message to edit');
    if (
      stored.plain === plain &&
      JSON.stringify(stored.entities) === JSON.stringify(entities) &&
      JSON.stringify(stored.replyMarkup ?? null) === JSON.stringify(p.reply_markup ?? null)
    ) {
      throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    const message: Json = { ...stored.message, text: plain, edit_date: nowSeconds() };
    if (entities.length > 0) message.entities = entities;
    else delete message.entities;
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    else delete message.reply_markup;
    storeMessage(chatId, { message, fromBot: true, plain, entities, replyMarkup: p.reply_markup });
    const s: SentMessage = {
      method: 'editMessageText', chat_id: chatId, message_id: message.message_id as number, text, plain, entities,
      at: clock(), payload: p, message,
    };
    if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
    if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
    recordSent(s);
    return message;
  });

  define('editMessageReplyMarkup', (p) => {
    validateReplyMarkup(p.reply_markup);
    if (typeof p.inline_message_id === 'string') return true;
    const chatId = resolveChatId(p.chat_id);
    const stored = getStored(chatId, p.message_id);
    if (!stored) throw bad('message to edit not found');
    if (!stored.fromBot) throw bad("message can't be edited");
    if (JSON.stringify(stored.replyMarkup ?? null) === JSON.stringify(p.reply_markup ?? null)) {
      throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    const message: Json = { ...stored.message, edit_date: nowSeconds() };
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    else delete message.reply_markup;
    storeMessage(chatId, { ...stored, message, replyMarkup: p.reply_markup });
    return message;
  });

  define('deleteMessage', (p) => {
    const chatId = resolveChatId(p.chat_id);
    if (!getStored(chatId, p.message_id)) throw bad('message to delete not found');
    messages.get(chatId)?.delete(p.message_id as number);
    return true;
  });

  define('sendChatAction', (p) => {
    resolveChatId(p.chat_id);
    if (typeof p.action !== 'string' || !CHAT_ACTIONS.has(p.action)) throw bad('wrong parameter action in request');
    return true;
  });

  define('answerCallbackQuery', (p) => {
    const id = typeof p.callback_query_id === 'string' ? p.callback_query_id : String(p.callback_query_id ?? '');
    if (!openCallbackQueries.delete(id)) throw bad('query is too old and response timeout expired or query ID is invalid');
    if (typeof p.text === 'string' && codePoints(p.text) > 200) throw bad('MESSAGE_TOO_LONG');
    return true;
  });

  function memberObject(chatId: number, userId: number): Json {
    const status = admins.get(chatId)?.get(userId) ?? 'member';
    const user = userId === botUser.id ? botAsUser : (users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` });
    switch (status) {
      case 'creator':
        return { status, user, is_anonymous: false };
      case 'administrator':
        return {
          status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
          can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
          can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
          can_pin_messages: true, can_manage_topics: false,
        };
      case 'restricted':
        return {
          status, user, is_member: true, until_date: 0, can_send_messages: false, can_send_audios: false,
          can_send_documents: false, can_send_photos: false, can_send_videos: false, can_send_video_notes: false,
          can_send_voice_notes: false, can_send_polls: false, can_send_other_messages: false,
          can_add_web_page_previews: false, can_change_info: false, can_invite_users: false, can_pin_messages: false,
          can_manage_topics: false,
        };
      case 'kicked':
        return { status, user, until_date: 0 };
      default:
        return { status, user };
    }
  }

  define('getChatMember', (p) => {
    const chatId = resolveChatId(p.chat_id);
    if (typeof p.user_id !== 'number') throw bad('invalid user_id specified');
    return memberObject(chatId, p.user_id);
  });
  define('getChatAdministrators', (p) => {
    const chatId = resolveChatId(p.chat_id);
    const out: Json[] = [];
    for (const [uid, status] of admins.get(chatId) ?? []) {
      if (status === 'creator' || status === 'administrator') out.push(memberObject(chatId, uid));
    }
    return out;
  });
  define('getChat', (p) => {
    const chatId = resolveChatId(p.chat_id);
    return { ...chatObject(chatId), accent_color_id: 0, max_reaction_count: 11 };
  });

  // ---------- HTTP ----------

  function writeJson(res: ServerResponse, status: number, body: Json): Promise<void> {
    return new Promise((resolve) => {
      if (res.writableEnded || res.destroyed) {
        resolve();
        return;
      }
      const data = JSON.stringify(body);
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) };
      if (closed) headers.connection = 'close';
      res.writeHead(status, headers);
      res.end(data, () => resolve());
      res.once('close', () => resolve());
    });
  }

  const errorBody = (status: number, description: string, parameters?: Json): Json => {
    const body: Json = { ok: false, error_code: status, description };
    if (parameters) body.parameters = parameters;
    return body;
  };

  function takeFault(method: string, payload: Json): Fault | undefined {
    const list = faults.get(method.toLowerCase());
    if (!list) return undefined;
    const idx = list.findIndex((f) => f.fault.chatId === undefined || String(f.fault.chatId) === String(payload.chat_id));
    const entry = list[idx];
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) list.splice(idx, 1);
    return entry.fault;
  }

  function handleGetUpdates(payload: Json, res: ServerResponse, call: FakeCall): void {
    if (webhookUrl !== '') {
      void finishPoll(
        { res, limit: 0, timer: undefined, call, done: false },
        409,
        errorBody(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
      );
      return;
    }
    const limit = Math.min(100, Math.max(1, typeof payload.limit === 'number' ? payload.limit : 100));
    const timeout = Math.max(0, typeof payload.timeout === 'number' ? payload.timeout : 0);
    if (Array.isArray(payload.allowed_updates)) allowedUpdates = payload.allowed_updates.map(String);
    confirm(payload.offset);
    if (poller && !poller.done && conflictOnConcurrentPoll) {
      void finishPoll(poller, 409, errorBody(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    }
    const p: HeldPoll = { res, limit, timer: undefined, call, done: false };
    const ready = deliverable(limit);
    if (ready.length > 0 || timeout === 0 || closed) {
      void finishPoll(p, 200, { ok: true, result: ready });
      return;
    }
    poller = p;
    call.status = 102; // held; updated in place when answered
    recordCall(call);
    p.timer = setTimeout(() => void finishPoll(p, 200, { ok: true, result: [] }), timeout * 1000);
    res.once('close', () => {
      if (!p.done) {
        // client gave up (grammY aborts the held request on bot.stop())
        p.done = true;
        if (p.timer) clearTimeout(p.timer);
        if (poller === p) poller = undefined;
        p.call.status = 499;
        p.call.description = 'client closed the connection';
        events.emit('call', p.call);
      }
    });
    events.emit('poll');
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clock();
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = /^\/bot([^/]*)\/(?:test\/)?([^/]+)\/?$/.exec(url.pathname);
    if (!route) {
      await writeJson(res, 404, errorBody(404, 'Not Found'));
      return;
    }
    const [, reqToken = '', rawMethod = ''] = route;
    const known = handlers.get(rawMethod.toLowerCase());
    const method = rawMethod.toLowerCase() === 'getupdates' ? 'getUpdates' : (known?.name ?? rawMethod);

    let payload: Json = {};
    let files: Record<string, UploadedFile> = {};
    for (const [k, v] of url.searchParams) payload[k] = coerceField(k, v);
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    try {
      if (body.length > 0) {
        if (contentType.startsWith('application/json')) {
          const parsed = JSON.parse(body.toString('utf8')) as unknown;
          if (isObject(parsed)) payload = { ...payload, ...parsed };
        } else if (contentType.startsWith('multipart/form-data')) {
          const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(req.headers['content-type']));
          const boundary = b?.[1] ?? b?.[2];
          if (boundary === undefined) throw new Error('no boundary');
          const parsed = parseMultipart(body, boundary);
          payload = { ...payload, ...parsed.fields };
          files = parsed.files;
        } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
          for (const [k, v] of new URLSearchParams(body.toString('utf8'))) payload[k] = coerceField(k, v);
        }
      }
    } catch (err) {
      const call: FakeCall = { index: -1, method, payload, at, status: 400, description: `Bad Request: can't parse request body: ${String(err)}` };
      recordCall(call);
      await writeJson(res, 400, errorBody(400, call.description ?? 'Bad Request'));
      return;
    }

    const call: FakeCall = { index: -1, method, payload, at, status: 0 };
    if (Object.keys(files).length > 0) call.files = files;

    if (reqToken !== token) {
      call.status = 401;
      call.description = 'Unauthorized';
      recordCall(call);
      await writeJson(res, 401, errorBody(401, 'Unauthorized'));
      return;
    }

    const fault = takeFault(method, payload);
    if (fault) {
      if ('kind' in fault && fault.kind === 'hang') {
        call.status = 0;
        call.description = 'no answer (injected)';
        recordCall(call);
        return;
      }
      if ('kind' in fault) {
        call.status = 0;
        call.description = 'connection reset (injected)';
        recordCall(call);
        req.socket.destroy();
        return;
      }
      const parameters = fault.retryAfter !== undefined ? { retry_after: fault.retryAfter } : undefined;
      call.status = fault.status;
      call.description = fault.description;
      recordCall(call);
      await writeJson(res, fault.status, errorBody(fault.status, fault.description, parameters));
      return;
    }

    if (method === 'getUpdates') {
      handleGetUpdates(payload, res, call);
      return;
    }
    if (!known) {
      call.status = 404;
      call.description = 'Not Found: method not found';
      recordCall(call);
      await writeJson(res, 404, errorBody(404, 'Not Found: method not found'));
      return;
    }
    let status = 200;
    let out: Json;
    try {
      const result = known.fn(payload, files);
      out = { ok: true, result };
      call.result = result;
    } catch (err) {
      if (err instanceof FakeBotApiError) {
        status = err.status;
        out = errorBody(err.status, err.description, err.parameters);
      } else {
        status = 500;
        out = errorBody(500, `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`);
      }
      call.description = out.description as string;
    }
    call.status = status;
    recordCall(call);
    await writeJson(res, status, out);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      void writeJson(res, 500, errorBody(500, `Internal Server Error: ${String(err)}`));
    });
  });
  // Keep-alive sockets stay open until close(): a server-side idle timeout races
  // with grammY's keep-alive agent reusing the socket (spurious ECONNRESET).
  server.keepAliveTimeout = 0;
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const sockets = trackSockets(server);

  const port = await listenOnLoopback(server);

  // ---------- public API ----------

  const api: FakeBotApi = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUser,
    calls,
    sent,
    get violations() {
      return violationLog.length;
    },
    violationLog,
    get pendingUpdates() {
      return queue.length;
    },
    get heldPolls() {
      return poller && !poller.done ? 1 : 0;
    },

    sendUserMessage(p) {
      const type = p.chatType ?? chats.get(p.chatId)?.type ?? defaultChatType(p.chatId);
      const userId = p.userId ?? (type === 'private' ? p.chatId : 1_000_001);
      const firstName = p.firstName ?? `User ${userId}`;
      const user: { id: number; is_bot: boolean; first_name: string; username?: string; language_code?: string } = {
        id: userId, is_bot: false, first_name: firstName,
      };
      if (p.username !== undefined) user.username = p.username;
      users.set(userId, { ...user });
      user.language_code = 'en';
      ensureChat(p.chatId, type, p.chatTitle, type === 'private' ? p.username : undefined, type === 'private' ? firstName : undefined);
      const message: Json = { message_id: nextMessageId(p.chatId) };
      if (type === 'channel') message.sender_chat = chatObject(p.chatId);
      else message.from = user;
      message.chat = chatObject(p.chatId);
      message.date = nowSeconds();
      message.text = p.text;
      const entities = botCommandEntities(p.text);
      if (entities.length > 0) message.entities = entities;
      if (p.replyToMessageId !== undefined) {
        const target = getStored(p.chatId, p.replyToMessageId);
        if (!target) throw new Error(`sendUserMessage: no message ${p.replyToMessageId} in chat ${p.chatId} to reply to`);
        message.reply_to_message = target.message;
      }
      storeMessage(p.chatId, { message, fromBot: false, plain: p.text, entities, replyMarkup: undefined });
      return enqueue(type === 'channel' ? { channel_post: message } : { message });
    },

    pressButton(p) {
      const stored = getStored(p.chatId, p.messageId);
      if (!stored) throw new Error(`pressButton: no message ${p.messageId} in chat ${p.chatId}`);
      const userId = p.userId ?? (p.chatId > 0 ? p.chatId : 1_000_001);
      const from: Json = { id: userId, is_bot: false, first_name: users.get(userId)?.first_name ?? `User ${userId}` };
      const username = p.username ?? users.get(userId)?.username;
      if (username !== undefined) from.username = username;
      const id = `cbq-${++callbackCounter}`;
      return enqueue({ callback_query: { id, from, message: stored.message, chat_instance: `ci${p.chatId}`, data: p.data } });
    },

    pushUpdate(update) {
      return enqueue(structuredClone(update) as Json);
    },

    waitForCall(predicate, timeoutMs = 10_000, since) {
      if (since !== undefined) {
        for (let i = Math.max(0, since); i < calls.length; i++) {
          const c = calls[i];
          if (c && predicate(c)) return Promise.resolve(c);
        }
      }
      if (closed) return Promise.reject(new Error('fake Bot API is closed'));
      return waitFor<FakeCall>('call', predicate, timeoutMs, () => `a matching call${recentCalls()}`);
    },

    nextMessageTo(chatId, timeoutMs = 10_000) {
      const isNew = (s: SentMessage): boolean => s.chat_id === chatId && s.method !== 'editMessageText';
      const cursor = mailboxCursor.get(chatId) ?? 0;
      for (let i = cursor; i < sent.length; i++) {
        const s = sent[i];
        if (s && isNew(s)) {
          mailboxCursor.set(chatId, i + 1);
          return Promise.resolve(s);
        }
      }
      mailboxCursor.set(chatId, sent.length);
      if (closed) return Promise.reject(new Error('fake Bot API is closed'));
      return waitFor<SentMessage>('sent', isNew, timeoutMs, () => `a message to chat ${chatId}${recentCalls()}`).then((s) => {
        mailboxCursor.set(chatId, sent.indexOf(s) + 1);
        return s;
      });
    },

    messagesTo(chatId) {
      return sent.filter((s) => s.chat_id === chatId);
    },

    waitForPoll(timeoutMs = 10_000) {
      if (poller && !poller.done) return Promise.resolve();
      if (closed) return Promise.reject(new Error('fake Bot API is closed'));
      return waitFor<undefined>('poll', () => true, timeoutMs, () => `a held getUpdates${recentCalls()}`).then(() => undefined);
    },

    failNext(method, fault) {
      const key = method.toLowerCase();
      let list = faults.get(key);
      if (!list) faults.set(key, (list = []));
      list.push({ fault, remaining: Math.max(1, fault.times ?? 1) });
    },

    clearFaults() {
      faults.clear();
    },

    setAdmins(chatId, statuses) {
      const m = new Map<number, MemberStatus>();
      for (const [uid, status] of Object.entries(statuses)) m.set(Number(uid), status);
      admins.set(chatId, m);
    },

    getCommands(scope, languageCode) {
      return commands.get(commandsKey(scope, languageCode));
    },

    onMethod(method, handler) {
      define(method, handler);
    },

    close() {
      if (closePromise) return closePromise;
      closed = true;
      closePromise = (async () => {
        const p = poller;
        if (p && !p.done) await finishPoll(p, 200, { ok: true, result: [] });
        events.emit('closed');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setImmediate(() => {
            server.closeAllConnections();
            for (const s of sockets) s.destroy();
          });
        });
      })();
      return closePromise;
    },
  };
  return api;
}
