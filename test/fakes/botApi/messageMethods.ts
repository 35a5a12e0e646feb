import type { BotApiState } from './botApiState.ts';
import { bad, codePoints, isObject, type Json, type MethodHandler, type SentMessage } from './types.ts';
import type { TgEntity } from '../telegramHtml.ts';

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

/** Stores a text message the bot sent or edited and records it as the tests see it (sendMessage, editMessageText). */
function storeAndRecord(state: BotApiState, method: 'sendMessage' | 'editMessageText', chatId: number, p: Json, m: { text: string; plain: string; entities: TgEntity[]; message: Json }): Json {
  const { text, plain, entities, message } = m;
  state.storeMessage(chatId, { message, fromBot: true, plain, entities, replyMarkup: p.reply_markup });
  const s: SentMessage = { method, chat_id: chatId, message_id: message.message_id as number, text, plain, entities, at: state.clock(), payload: p, message };
  if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
  if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
  state.recordSent(s);
  return message;
}

/** Messages: send (text, photo), edit, delete, chat actions, answers to button presses. */
export function defineMessageMethods(state: BotApiState, define: (name: string, fn: MethodHandler) => void, limitSends: (method: string, chatId: number) => void): void {
  let photoCounter = 0;

  define('sendMessage', (p) => {
    const chatId = state.resolveChatId(p.chat_id);
    const text = typeof p.text === 'string' ? p.text : p.text === undefined || p.text === null ? '' : String(p.text);
    if (text.trim() === '') throw bad('message text is empty');
    const { plain, entities } = state.formatText(text, p.parse_mode, p.entities);
    if (codePoints(plain) > 4096) throw bad('message is too long');
    state.validateReplyMarkup(p.reply_markup);
    const reply = state.replyTo(chatId, p);
    limitSends('sendMessage', chatId);
    const message: Json = { message_id: state.nextMessageId(chatId), from: state.botAsUser, chat: state.chatObject(chatId), date: state.nowSeconds(), text: plain };
    if (entities.length > 0) message.entities = entities;
    if (reply) message.reply_to_message = reply;
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    return storeAndRecord(state, 'sendMessage', chatId, p, { text, plain, entities, message });
  });

  define('sendPhoto', (p, files) => {
    const chatId = state.resolveChatId(p.chat_id);
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
    const { plain, entities } = caption === undefined ? { plain: '', entities: [] } : state.formatText(caption, p.parse_mode, p.caption_entities);
    if (codePoints(plain) > 1024) throw bad('message caption is too long');
    state.validateReplyMarkup(p.reply_markup);
    const reply = state.replyTo(chatId, p);
    limitSends('sendPhoto', chatId);
    photoCounter++;
    const size = Buffer.isBuffer(photo) ? photo.length : 0;
    const message: Json = {
      message_id: state.nextMessageId(chatId), from: state.botAsUser, chat: state.chatObject(chatId), date: state.nowSeconds(),
      photo: [
        { file_id: `fake-photo-${photoCounter}-s`, file_unique_id: `fps${photoCounter}`, width: 90, height: 90, file_size: Math.ceil(size / 10) },
        { file_id: `fake-photo-${photoCounter}`, file_unique_id: `fp${photoCounter}`, width: 800, height: 800, file_size: size },
      ],
    };
    if (caption !== undefined) message.caption = plain;
    if (entities.length > 0) message.caption_entities = entities;
    if (reply) message.reply_to_message = reply;
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    state.storeMessage(chatId, { message, fromBot: true, plain, entities, replyMarkup: p.reply_markup });
    const s: SentMessage = {
      method: 'sendPhoto', chat_id: chatId, message_id: message.message_id as number, photo, plain, entities,
      at: state.clock(), payload: p, message,
    };
    if (caption !== undefined) s.caption = caption;
    if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
    if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
    state.recordSent(s);
    return message;
  });

  define('editMessageText', (p) => {
    const text = typeof p.text === 'string' ? p.text : '';
    if (text.trim() === '') throw bad('message text is empty');
    const { plain, entities } = state.formatText(text, p.parse_mode, p.entities);
    if (codePoints(plain) > 4096) throw bad('MESSAGE_TOO_LONG');
    state.validateReplyMarkup(p.reply_markup);
    if (typeof p.inline_message_id === 'string') {
      const s: SentMessage = {
        method: 'editMessageText', chat_id: 0, message_id: 0, inline_message_id: p.inline_message_id, text, plain,
        entities, at: state.clock(), payload: p, message: {},
      };
      if (typeof p.parse_mode === 'string') s.parse_mode = p.parse_mode;
      if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
      state.recordSent(s);
      return true;
    }
    const chatId = state.resolveChatId(p.chat_id);
    const stored = state.getStored(chatId, p.message_id);
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
    const message: Json = { ...stored.message, text: plain, edit_date: state.nowSeconds() };
    if (entities.length > 0) message.entities = entities;
    else delete message.entities;
    if (isObject(p.reply_markup) && p.reply_markup.inline_keyboard !== undefined) message.reply_markup = p.reply_markup;
    else delete message.reply_markup;
    return storeAndRecord(state, 'editMessageText', chatId, p, { text, plain, entities, message });
  });

  define('deleteMessage', (p) => {
    const chatId = state.resolveChatId(p.chat_id);
    if (!state.getStored(chatId, p.message_id)) throw bad('message to delete not found');
    state.messages.get(chatId)?.delete(p.message_id as number);
    return true;
  });

  define('sendChatAction', (p) => {
    state.resolveChatId(p.chat_id);
    if (typeof p.action !== 'string' || !CHAT_ACTIONS.has(p.action)) throw bad('wrong parameter action in request');
    return true;
  });

  define('answerCallbackQuery', (p) => {
    const id = typeof p.callback_query_id === 'string' ? p.callback_query_id : String(p.callback_query_id ?? '');
    if (!state.openCallbackQueries.delete(id)) throw bad('query is too old and response timeout expired or query ID is invalid');
    if (typeof p.text === 'string' && codePoints(p.text) > 200) throw bad('MESSAGE_TOO_LONG');
    return true;
  });
}
