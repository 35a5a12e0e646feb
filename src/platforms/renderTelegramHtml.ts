import { layoutTable, type Block, type Inline, type Reply } from '../vocabulary/reply.ts';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { packPieces } from './packPieces.ts';
import { telegramKeyboard } from './telegramKeyboard.ts';

/** Telegram's limit for one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode (only &, < and > are special there). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value in double quotes (the quote itself too). */
const escapeAttribute = (text: string) => escapeHtml(text).replace(/"/g, '&quot;');

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if (part.style === 'link') return `<a href="${escapeAttribute(part.url)}">${escapeHtml(part.text)}</a>`;
  const tag = part.style === 'bold' ? 'b' : part.style === 'italic' ? 'i' : 'code';
  return `<${tag}>${escapeHtml(part.text)}</${tag}>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<b>${escapeHtml(b.text)}</b>`;
    case 'paragraph':
      return b.parts.map(inline).join('');
    case 'table':
      return `<pre>${escapeHtml(layoutTable(b.columns, b.rows).join('\n'))}</pre>`;
    case 'list':
      return b.items.map((item) => `• ${item.map(inline).join('')}`).join('\n');
    case 'note':
      return `<i>${escapeHtml(b.text)}</i>`;
    case 'image':
      // Text-only paths (renderTelegramHtml alone) describe the picture; renderTelegram sends it as a photo.
      return `<i>[picture: ${escapeHtml(b.alt)}]</i>`;
  }
}

/**
 * Renders a reply as Telegram HTML messages. Blocks are never cut in half: a reply longer than one
 * message is split between blocks (a single block over the limit is cut as plain text).
 */
export function renderTelegramHtml(reply: Reply): string[] {
  const pieces = reply.blocks.map((b) => {
    const html = block(b);
    return html.length > TELEGRAM_MESSAGE_LIMIT ? escapeHtml(`${html.replace(/<[^>]+>/g, '').slice(0, TELEGRAM_MESSAGE_LIMIT - 20)}…`) : html;
  });
  return packPieces(pieces, TELEGRAM_MESSAGE_LIMIT);
}

/** Telegram's limit for a photo caption (we count the HTML, never less than Telegram counts). */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** One thing to send on Telegram: an HTML message, or a photo (PNG) with an HTML caption; the last one carries the reply's buttons. */
export type TelegramOutgoing = (
  | { readonly kind: 'text'; readonly html: string }
  | { readonly kind: 'photo'; readonly png: Uint8Array; readonly filename: string; readonly captionHtml: string }
) & { readonly keyboard?: InlineKeyboardMarkup };

/** The reply's controls as the keyboard of its last message (under everything it says). */
function withKeyboard(reply: Reply, outgoing: TelegramOutgoing[]): TelegramOutgoing[] {
  const keyboard = telegramKeyboard(reply.controls);
  const last = outgoing.at(-1);
  if (!keyboard || !last) return outgoing;
  return [...outgoing.slice(0, -1), { ...last, keyboard }];
}

/**
 * Renders a reply as what the bot sends: pictures as photos first, the text blocks as the first photo's
 * caption when they fit in one (1024 characters), otherwise as messages after the photos (each photo then
 * captioned with its text alternative). A reply without pictures is exactly `renderTelegramHtml`'s messages.
 * The reply's controls become the inline keyboard of the last message.
 */
export function renderTelegram(reply: Reply): TelegramOutgoing[] {
  return withKeyboard(reply, renderWithoutKeyboard(reply));
}

function renderWithoutKeyboard(reply: Reply): TelegramOutgoing[] {
  const images = reply.blocks.flatMap((b) => (b.kind === 'image' ? [b] : []));
  const texts = renderTelegramHtml({ ...reply, blocks: reply.blocks.filter((b) => b.kind !== 'image') });
  if (images.length === 0) return texts.map((html) => ({ kind: 'text', html }));
  const captionFits = texts.length === 1 && texts[0]!.length <= TELEGRAM_CAPTION_LIMIT;
  const photos: TelegramOutgoing[] = images.map((image, i) => ({
    kind: 'photo',
    png: image.png,
    filename: image.filename,
    captionHtml: i === 0 && captionFits ? texts[0]! : escapeHtml(image.alt.slice(0, TELEGRAM_CAPTION_LIMIT / 2)),
  }));
  return [...photos, ...(captionFits ? [] : texts.map((html): TelegramOutgoing => ({ kind: 'text', html })))];
}
