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
 *
 * Layout (test/fakes/botApi/): types, botApiState (chats, messages, members, faults, recording), sendLimits,
 * one file per group of methods (botMethods, messageMethods, editMethods, chatMethods), longPolling and httpTransport.
 */
import { botCommandEntities } from './botApi/botCommandEntities.ts';
import { createBotApiState, defaultChatType } from './botApi/botApiState.ts';
import { commandsKey, defineBotMethods } from './botApi/botMethods.ts';
import { defineChatMethods } from './botApi/chatMethods.ts';
import { defineEditMethods } from './botApi/editMethods.ts';
import { startBotApiServer } from './botApi/httpTransport.ts';
import { createLongPolling } from './botApi/longPolling.ts';
import { defineMessageMethods } from './botApi/messageMethods.ts';
import { createSendLimits } from './botApi/sendLimits.ts';
import type { FakeBotApi, FakeBotApiOptions, FakeCall, Json, MemberStatus, MethodHandler, SentMessage } from './botApi/types.ts';

export type { FakeBotApi, FakeBotApiOptions, FakeCall, RateLimits, SentMessage, UserMessageParams } from './botApi/types.ts';

/** Starts the fake on a free loopback port: state, the method handlers by group, long polling, the HTTP server. */
export async function startFakeBotApi(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const state = createBotApiState(opts);
  const polling = createLongPolling(state);
  const handlers = new Map<string, { name: string; fn: MethodHandler }>();
  const define = (name: string, fn: MethodHandler): void => {
    handlers.set(name.toLowerCase(), { name, fn });
  };
  defineBotMethods(state, define, polling.dropUpdates);
  defineMessageMethods(state, define, createSendLimits(opts.limits, state.clock, state.violationLog));
  defineChatMethods(state, define);
  defineEditMethods(state, define);
  let closed = false;
  let closePromise: Promise<void> | undefined;
  const mailboxCursor = new Map<number, number>();
  let callbackCounter = 0;
  const server = await startBotApiServer(state, handlers, polling, () => closed);

  const api: FakeBotApi = {
    apiRoot: `http://127.0.0.1:${server.port}`,
    token: state.token,
    botUser: state.botUser,
    calls: state.calls,
    sent: state.sent,
    get violations() {
      return state.violationLog.length;
    },
    violationLog: state.violationLog,
    get pendingUpdates() {
      return polling.pending;
    },
    get heldPolls() {
      return polling.held ? 1 : 0;
    },

    sendUserMessage(p) {
      const type = p.chatType ?? state.chats.get(p.chatId)?.type ?? defaultChatType(p.chatId);
      const userId = p.userId ?? (type === 'private' ? p.chatId : 1_000_001);
      const firstName = p.firstName ?? `User ${userId}`;
      const user: { id: number; is_bot: boolean; first_name: string; username?: string; language_code?: string } = {
        id: userId, is_bot: false, first_name: firstName,
      };
      if (p.username !== undefined) user.username = p.username;
      state.users.set(userId, { ...user });
      user.language_code = p.languageCode ?? 'en';
      state.ensureChat(p.chatId, type, p.chatTitle, type === 'private' ? p.username : undefined, type === 'private' ? firstName : undefined);
      const message: Json = { message_id: state.nextMessageId(p.chatId) };
      if (type === 'channel') message.sender_chat = state.chatObject(p.chatId);
      else message.from = user;
      message.chat = state.chatObject(p.chatId);
      message.date = state.nowSeconds();
      message.text = p.text;
      const entities = botCommandEntities(p.text);
      if (entities.length > 0) message.entities = entities;
      if (p.replyToMessageId !== undefined) {
        const target = state.getStored(p.chatId, p.replyToMessageId);
        if (!target) throw new Error(`sendUserMessage: no message ${p.replyToMessageId} in chat ${p.chatId} to reply to`);
        message.reply_to_message = target.message;
      }
      state.storeMessage(p.chatId, { message, fromBot: false, plain: p.text, entities, replyMarkup: undefined });
      return polling.enqueue(type === 'channel' ? { channel_post: message } : { message });
    },

    pressButton(p) {
      const stored = state.getStored(p.chatId, p.messageId);
      if (!stored) throw new Error(`pressButton: no message ${p.messageId} in chat ${p.chatId}`);
      const userId = p.userId ?? (p.chatId > 0 ? p.chatId : 1_000_001);
      const from: Json = { id: userId, is_bot: false, first_name: state.users.get(userId)?.first_name ?? `User ${userId}` };
      const username = p.username ?? state.users.get(userId)?.username;
      if (username !== undefined) from.username = username;
      from.language_code = p.languageCode ?? 'en';
      const id = `cbq-${++callbackCounter}`;
      return polling.enqueue({ callback_query: { id, from, message: stored.message, chat_instance: `ci${p.chatId}`, data: p.data } });
    },

    pushUpdate(update) {
      return polling.enqueue(structuredClone(update) as Json);
    },

    waitForCall(predicate, timeoutMs = 10_000, since) {
      if (since !== undefined) {
        for (let i = Math.max(0, since); i < state.calls.length; i++) {
          const c = state.calls[i];
          if (c && predicate(c)) return Promise.resolve(c);
        }
      }
      if (closed) return Promise.reject(new Error('fake Bot API is closed'));
      return state.waitFor<FakeCall>('call', predicate, timeoutMs, () => `a matching call${state.recentCalls()}`);
    },

    nextMessageTo(chatId, timeoutMs = 10_000) {
      const isNew = (s: SentMessage): boolean => s.chat_id === chatId && (s.method === 'sendMessage' || s.method === 'sendPhoto');
      const cursor = mailboxCursor.get(chatId) ?? 0;
      for (let i = cursor; i < state.sent.length; i++) {
        const s = state.sent[i];
        if (s && isNew(s)) {
          mailboxCursor.set(chatId, i + 1);
          return Promise.resolve(s);
        }
      }
      mailboxCursor.set(chatId, state.sent.length);
      if (closed) return Promise.reject(new Error('fake Bot API is closed'));
      return state.waitFor<SentMessage>('sent', isNew, timeoutMs, () => `a message to chat ${chatId}${state.recentCalls()}`).then((s) => {
        mailboxCursor.set(chatId, state.sent.indexOf(s) + 1);
        return s;
      });
    },

    messagesTo(chatId) {
      return state.sent.filter((s) => s.chat_id === chatId);
    },

    waitForPoll(timeoutMs = 10_000) {
      if (polling.held) return Promise.resolve();
      if (closed) return Promise.reject(new Error('fake Bot API is closed'));
      return state.waitFor<undefined>('poll', () => true, timeoutMs, () => `a held getUpdates${state.recentCalls()}`).then(() => undefined);
    },

    onMethod: define,

    failNext(method, fault) {
      const key = method.toLowerCase();
      let list = state.faults.get(key);
      if (!list) state.faults.set(key, (list = []));
      list.push({ fault, remaining: Math.max(1, fault.times ?? 1) });
    },


    setAdmins(chatId, statuses) {
      const m = new Map<number, MemberStatus>();
      for (const [uid, status] of Object.entries(statuses)) m.set(Number(uid), status);
      state.admins.set(chatId, m);
    },

    getCommands(scope, languageCode) {
      return state.commands.get(commandsKey(scope, languageCode));
    },


    close() {
      if (closePromise) return closePromise;
      closed = true;
      closePromise = (async () => {
        await polling.close();
        state.events.emit('closed');
        await server.close();
      })();
      return closePromise;
    },
  };
  return api;
}
