import { GrammyError, InputFile, type Context } from 'grammy';
import type { InlineKeyboardMarkup, MaybeInaccessibleMessage } from 'grammy/types';
import { plainText, type Reply } from '../vocabulary/reply.ts';
import { renderTelegram, type TelegramOutgoing } from './renderTelegramHtml.ts';

/** Telegram's limit for the text of a callback query's answer. */
export const CALLBACK_ANSWER_LIMIT = 200;

const markup = (keyboard: InlineKeyboardMarkup | undefined) => (keyboard ? { reply_markup: keyboard } : {});

/** Sends one rendered message to the chat of the update. */
async function sendOutgoing(ctx: Context, message: TelegramOutgoing): Promise<void> {
  if (message.kind === 'photo') {
    await ctx.replyWithPhoto(new InputFile(message.png, message.filename), { caption: message.captionHtml, parse_mode: 'HTML', ...markup(message.keyboard) });
  } else await ctx.reply(message.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...markup(message.keyboard) });
}

/** Sends a reply as HTML messages (and photos with their caption) to the chat of the update, its buttons under the last. */
export async function sendTelegramReply(ctx: Context, reply: Reply): Promise<void> {
  for (const message of renderTelegram(reply)) await sendOutgoing(ctx, message);
}

/** A reply's words as one plain line of text, for a callback query's answer (a small pop-up). */
export function callbackAnswerText(reply: Reply): string {
  const text = reply.blocks
    .map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'list' ? b.items.map(plainText).join('\n') : b.kind === 'title' || b.kind === 'note' ? b.text : b.kind === 'image' ? b.alt : ''))
    .filter((t) => t !== '')
    .join('\n');
  return [...text].length <= CALLBACK_ANSWER_LIMIT ? text : `${[...text].slice(0, CALLBACK_ANSWER_LIMIT - 1).join('')}…`;
}

/** Telegram's 400 for an edit that changes nothing (a second press of the same button): the message is already right. */
const isNotModified = (error: unknown) => error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);

/** A 400 about the message itself (gone, too old, not the bot's, no text to edit): a new message is sent instead. */
const isUneditable = (error: unknown) => error instanceof GrammyError && error.error_code === 400;

/**
 * Replaces the message a pressed button sits under with a reply: its text (editMessageText), or its picture
 * (editMessageMedia, the new photo with caption and keyboard). A reply that takes more than one message, or
 * turns text into a picture or back (Telegram cannot edit one into the other), comes as new messages, as it
 * does when the message is gone or too old to edit. An edit that changes nothing is fine as it is.
 */
export async function editTelegramReply(ctx: Context, under: MaybeInaccessibleMessage | undefined, reply: Reply): Promise<void> {
  const rendered = renderTelegram(reply);
  const only = rendered.length === 1 ? rendered[0]! : undefined;
  const accessible = under && under.date !== 0 ? under : undefined;
  const sameKind = only && accessible && (only.kind === 'photo' ? 'photo' in accessible : 'text' in accessible);
  if (!only || !accessible || !sameKind) return sendTelegramReply(ctx, reply);
  const chatId = accessible.chat.id;
  try {
    if (only.kind === 'photo') {
      await ctx.api.editMessageMedia(chatId, accessible.message_id, { type: 'photo', media: new InputFile(only.png, only.filename), caption: only.captionHtml, parse_mode: 'HTML' }, markup(only.keyboard));
    } else {
      await ctx.api.editMessageText(chatId, accessible.message_id, only.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...markup(only.keyboard) });
    }
  } catch (error) {
    if (isNotModified(error)) return;
    if (isUneditable(error)) return sendOutgoing(ctx, only);
    throw error;
  }
}
