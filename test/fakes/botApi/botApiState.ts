import { EventEmitter } from 'node:events';
import { parseTelegramHtml, type TgEntity } from '../telegramHtml.ts';
import { bad, isObject, type ChatType, type FakeBotApiOptions, type FakeBotUser, type FakeCall, type Fault, type Json, type MemberStatus, type RateViolation, type SentMessage } from './types.ts';

export interface ChatInfo {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
}

export interface StoredMessage {
  message: Json;
  fromBot: boolean;
  plain: string;
  entities: TgEntity[];
  replyMarkup: unknown;
}
export interface FaultEntry {
  fault: Fault;
  remaining: number;
}

const BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];

/** Chat ids as Telegram types them: positive private, -100… supergroups, other negatives groups. */
export const defaultChatType = (chatId: number): ChatType =>
  chatId > 0 ? 'private' : String(chatId).startsWith('-100') ? 'supergroup' : 'group';

/** What the fake Bot API holds: the bot, chats, users, messages, admins, commands, faults, and what it recorded. */
export type BotApiState = ReturnType<typeof createBotApiState>;

/** The state and the operations on it that every method handler shares; no I/O. */
export function createBotApiState(opts: FakeBotApiOptions) {
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
  const clock = opts.now ?? Date.now;
  const nowSeconds = (): number => Math.floor(clock() / 1000);

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls: FakeCall[] = [];
  const sent: SentMessage[] = [];
  const violationLog: RateViolation[] = [];
  const chats = new Map<number, ChatInfo>();
  const users = new Map<number, { id: number; is_bot: boolean; first_name: string; username?: string }>();
  const messages = new Map<number, Map<number, StoredMessage>>();
  const messageCounters = new Map<number, number>();
  const admins = new Map<number, Map<number, MemberStatus>>();
  const commands = new Map<string, unknown[]>();
  const faults = new Map<string, FaultEntry[]>();
  const openCallbackQueries = new Set<string>();

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
        if (b.text.trim() === '') throw bad('BUTTON_TEXT_EMPTY');
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

  function recordSent(s: SentMessage): void {
    sent.push(s);
    events.emit('sent', s);
  }

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

  return {
    token, botUser, botAsUser, clock, nowSeconds, events, calls, sent, violationLog, chats, users, messages, admins, commands,
    faults, openCallbackQueries, ensureChat, chatObject, resolveChatId, nextMessageId, storeMessage, getStored, formatText,
    validateReplyMarkup, replyTo, recordSent, recordCall, waitFor, recentCalls, takeFault,
  };
}
