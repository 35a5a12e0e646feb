import { layoutTable, type Block, type Inline, type Reply } from '../../commands/reply.ts';

/** Telegram's limit for one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode (only &, < and > are special there). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
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
  }
}

/**
 * Renders a reply as Telegram HTML messages. Blocks are never cut in half: a reply longer than one
 * message is split between blocks (a single block over the limit is cut as plain text).
 */
export function renderTelegramHtml(reply: Reply): string[] {
  const messages: string[] = [];
  let current = '';
  for (const b of reply.blocks) {
    let html = block(b);
    if (html.length > TELEGRAM_MESSAGE_LIMIT) html = escapeHtml(`${html.replace(/<[^>]+>/g, '').slice(0, TELEGRAM_MESSAGE_LIMIT - 20)}…`);
    const joined = current ? `${current}\n\n${html}` : html;
    if (joined.length > TELEGRAM_MESSAGE_LIMIT) {
      messages.push(current);
      current = html;
    } else current = joined;
  }
  if (current) messages.push(current);
  return messages;
}
