import { createHash } from 'node:crypto';
import type { BotApiState, StoredMessage } from './botApiState.ts';
import { bad, codePoints, isObject, type Json, type MethodHandler, type SentMessage, type UploadedFile } from './types.ts';

const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** The bot's own message to edit, as Telegram finds it (400 when it is gone or not the bot's). */
function editable(state: BotApiState, p: Json): { chatId: number; stored: StoredMessage } {
  const chatId = state.resolveChatId(p.chat_id);
  const stored = state.getStored(chatId, p.message_id);
  if (!stored) throw bad('message to edit not found');
  if (!stored.fromBot) throw bad("message can't be edited");
  return { chatId, stored };
}

/** The uploaded bytes (or file_id string) an InputMedia names: `attach://<part>` or a string. */
function mediaFile(media: unknown, files: Record<string, UploadedFile>): Buffer | string {
  if (typeof media === 'string' && media.startsWith('attach://')) {
    const f = files[media.slice('attach://'.length)];
    if (!f) throw bad('there is no media in the request');
    if (f.data.length === 0) throw bad('file must be non-empty');
    return f.data;
  }
  if (typeof media === 'string' && media !== '') return media;
  throw bad('there is no media in the request');
}

const fingerprint = (photo: Buffer | string) => (Buffer.isBuffer(photo) ? createHash('sha256').update(photo).digest('hex') : photo);

/** Stores the edited message and records the edit as the tests see it. */
function record(state: BotApiState, method: SentMessage['method'], chatId: number, p: Json, stored: StoredMessage, message: Json, extra: Partial<SentMessage>): Json {
  state.storeMessage(chatId, { ...stored, message, replyMarkup: p.reply_markup });
  const s: SentMessage = { method, chat_id: chatId, message_id: message.message_id as number, plain: stored.plain, entities: stored.entities, at: state.clock(), payload: p, message, ...extra };
  if (p.reply_markup !== undefined) s.reply_markup = p.reply_markup;
  state.recordSent(s);
  return message;
}

const withMarkup = (message: Json, markup: unknown): Json => {
  const out = { ...message };
  if (isObject(markup) && markup.inline_keyboard !== undefined) out.reply_markup = markup;
  else delete out.reply_markup;
  return out;
};

/** Edits that keep a message where it is: its picture and caption (editMessageMedia), or only its buttons (editMessageReplyMarkup). */
export function defineEditMethods(state: BotApiState, define: (name: string, fn: MethodHandler) => void): void {
  const photos = new Map<string, string>(); // chat:message → fingerprint of its current picture

  define('editMessageMedia', (p, files) => {
    const { chatId, stored } = editable(state, p);
    const media = p.media;
    if (!isObject(media) || media.type !== 'photo') throw bad('wrong type of the media specified');
    if (!Array.isArray(stored.message.photo)) throw bad('there is no media in the message to edit');
    const photo = mediaFile(media.media, files);
    const caption = typeof media.caption === 'string' ? media.caption : undefined;
    const { plain, entities } = caption === undefined ? { plain: '', entities: [] } : state.formatText(caption, media.parse_mode, media.caption_entities);
    if (codePoints(plain) > 1024) throw bad('message caption is too long');
    state.validateReplyMarkup(p.reply_markup);
    const key = `${chatId}:${String(p.message_id)}`;
    const same = photos.get(key) === fingerprint(photo) && stored.plain === plain && JSON.stringify(stored.replyMarkup ?? null) === JSON.stringify(p.reply_markup ?? null);
    if (same) throw bad(NOT_MODIFIED);
    photos.set(key, fingerprint(photo));
    const id = stored.message.message_id as number;
    const message = withMarkup({ ...stored.message, photo: [{ file_id: `fake-edited-photo-${chatId}-${id}-${photos.size}`, file_unique_id: `fep${photos.size}`, width: 800, height: 800 }], edit_date: state.nowSeconds() }, p.reply_markup);
    if (caption !== undefined) message.caption = plain;
    else delete message.caption;
    if (entities.length > 0) message.caption_entities = entities;
    else delete message.caption_entities;
    return record(state, 'editMessageMedia', chatId, p, { ...stored, plain, entities }, message, { photo, plain, entities, ...(caption !== undefined ? { caption } : {}), ...(typeof media.parse_mode === 'string' ? { parse_mode: media.parse_mode } : {}) });
  });

  define('editMessageReplyMarkup', (p) => {
    const { chatId, stored } = editable(state, p);
    state.validateReplyMarkup(p.reply_markup);
    if (JSON.stringify(stored.replyMarkup ?? null) === JSON.stringify(p.reply_markup ?? null)) throw bad(NOT_MODIFIED);
    const message = withMarkup({ ...stored.message, edit_date: state.nowSeconds() }, p.reply_markup);
    return record(state, 'editMessageReplyMarkup', chatId, p, stored, message, {});
  });
}
