import type { APIEmbed } from 'discord.js';
import { layoutTable, type Block, type Inline, type Reply } from '../vocabulary/reply.ts';
import { discordComponents, type DiscordComponentRow } from './discordComponents.ts';
import { packPieces } from './packPieces.ts';

/** Discord's limits, in characters (we count UTF-16 units, which is never fewer than Discord counts). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  /** title + description + footer (+ fields, author) of all embeds in one message */
  embedTotal: 6000,
  embedsPerMessage: 10,
} as const;

/** Metis teal, so our answers are recognisable in a busy channel. */
export const EMBED_COLOR = 0x00d2c6;

/** A file sent with a message (a chart), shown by an embed that names it as `attachment://name`. */
export interface DiscordFile {
  readonly name: string;
  readonly data: Uint8Array;
  /** Alt text. */
  readonly description: string;
}

/** One Discord message, before the platform adds flags and allowed_mentions. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  /** Attachments; only present when the message carries a picture. */
  readonly files?: readonly DiscordFile[];
  /** Buttons and menus (the reply's controls); only on the last message of a reply. */
  readonly components?: readonly DiscordComponentRow[];
}

/**
 * Escapes text for Discord markdown: the characters that start formatting anywhere (\ * _ ~ ` | < [ ]) and
 * those that only do at the start of a line (# headings, > quotes, - + lists and subtext, "1." lists).
 * A backslash before punctuation is hidden by Discord, so the text reads the same. @everyone and @here get a
 * zero-width space: they cannot ping anyway (allowed_mentions is empty), and now they do not even look like it.
 * @param atLineStart whether the text begins a line (false after a bullet or inside bold).
 */
export function escapeDiscordMarkdown(text: string, atLineStart = true): string {
  return text
    .replace(/[\\*_~`|<[\]]/g, '\\$&')
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/(^|\n)([ \t]*)(#|>|-|\+|\d+\.)/g, (match, newline: string, space: string, marker: string, offset: number) => {
      if (offset === 0 && newline === '' && !atLineStart) return match;
      return marker.endsWith('.') ? `${newline}${space}${marker.slice(0, -1)}\\.` : `${newline}${space}\\${marker}`;
    });
}

/** Inline code cannot escape a backtick; a modifier grave accent looks the same and cannot end the span. */
const inlineCode = (text: string) => (text === '' ? '' : `\`${text.replace(/`/g, 'ˋ')}\``);

/** A URL inside markdown's `(…)`: parentheses, angle brackets and whitespace percent-encoded so none ends the link early. */
const linkTarget = (url: string) => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function inline(part: Inline, atLineStart: boolean): string {
  if (typeof part === 'string') return escapeDiscordMarkdown(part, atLineStart);
  if (part.text === '') return '';
  if (part.style === 'code') return inlineCode(part.text);
  if (part.style === 'link') return `[${escapeDiscordMarkdown(part.text, false)}](${linkTarget(part.url)})`;
  const text = escapeDiscordMarkdown(part.text, false);
  return part.style === 'bold' ? `**${text}**` : `*${text}*`;
}

function inlines(parts: readonly Inline[], atLineStart: boolean): string {
  let out = '';
  for (const part of parts) out += inline(part, out === '' ? atLineStart : out.endsWith('\n'));
  return out;
}

/** A zero-width space after a backtick that precedes another, so nothing inside can close the code block. */
const breakFences = (line: string) => line.replace(/`(?=`)/g, '`\u200b');
const fenced = (lines: readonly string[]) => `\`\`\`\n${lines.join('\n')}\n\`\`\``;

/** Cuts one line into parts of at most `limit`. */
function cutLine(line: string, limit: number): string[] {
  const parts: string[] = [];
  while (line.length > limit) {
    let cut = limit;
    if (line[cut - 1] === '\\') cut--; // never leave an escape without the character it escapes
    parts.push(line.slice(0, cut));
    line = line.slice(cut);
  }
  parts.push(line);
  return parts;
}

/** Cuts text into pieces of at most `limit`, at line ends where possible (a single longer line is cut hard). */
const splitLines = (text: string, limit: number) => packPieces(text.split('\n').flatMap((line) => cutLine(line, limit)), limit, '\n');

/** A table as code blocks of at most `limit` characters, the header line repeated in each. */
function tablePieces(block: Extract<Block, { kind: 'table' }>, limit: number): string[] {
  const [header = '', ...rows] = layoutTable(block.columns, block.rows).map(breakFences);
  const whole = fenced([header, ...rows]);
  if (whole.length <= limit) return [whole];
  const room = limit - fenced([header, '']).length; // room for the rows of one piece
  const pieces: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const row of rows.flatMap((r) => splitLines(r, room))) {
    if (chunk.length > 0 && size + row.length + 1 > room) {
      pieces.push(fenced([header, ...chunk]));
      chunk = [];
      size = 0;
    }
    chunk.push(row);
    size += row.length + 1;
  }
  if (chunk.length > 0 || pieces.length === 0) pieces.push(fenced([header, ...chunk]));
  return pieces;
}

/** One block as markdown pieces of at most `limit` characters each. */
function blockPieces(block: Block, limit: number): string[] {
  switch (block.kind) {
    case 'title':
      return splitLines(`**${escapeDiscordMarkdown(block.text, false)}**`, limit);
    case 'paragraph':
      return splitLines(inlines(block.parts, true), limit);
    case 'list':
      return splitLines(block.items.map((item) => `• ${inlines(item, false)}`).join('\n'), limit);
    case 'table':
      return tablePieces(block, limit);
    case 'note':
      // Subtext: small grey print, the markdown equivalent of an embed footer.
      return splitLines(block.text.split('\n').map((line) => `-# ${escapeDiscordMarkdown(line, false)}`).join('\n'), limit);
    case 'image':
      // Plain markdown has no picture: its text alternative (embeds show the picture itself).
      return splitLines(`*${escapeDiscordMarkdown(`[picture: ${block.alt}]`, false)}*`, limit);
  }
}

const fit = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`);

/**
 * Renders a reply as plain markdown messages (content ≤ 2000 each): title in bold, notes as subtext. Used for
 * short usage replies, where an embed would be heavier than the sentence it carries.
 */
export function renderDiscordMarkdown(reply: Reply): DiscordMessage[] {
  const pieces = reply.blocks.flatMap((b) => blockPieces(b, DISCORD_LIMITS.content));
  return packPieces(pieces, DISCORD_LIMITS.content).map((content) => ({ content }));
}

interface Section {
  title?: string;
  pieces: string[];
  notes: string[];
  image?: DiscordFile;
}

const embedLength = (e: APIEmbed) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);

/**
 * Renders a reply as embeds: each title block starts an embed (its title), paragraphs, lists and tables
 * (as code blocks) make the description, notes the footer. A description over 4096 characters continues in
 * another embed; embeds are grouped into messages of at most 10 embeds and 6000 characters.
 */
export function renderDiscordEmbeds(reply: Reply): DiscordMessage[] {
  const sections: Section[] = [];
  let section: Section | undefined;
  for (const block of reply.blocks) {
    if (block.kind === 'title' || !section || (block.kind === 'image' && section.image)) sections.push((section = { pieces: [], notes: [] }));
    // Titles render inline markdown too (footers do not).
    if (block.kind === 'title') section.title = fit(escapeDiscordMarkdown(block.text, false), DISCORD_LIMITS.embedTitle);
    else if (block.kind === 'image') section.image = { name: block.filename, data: block.png, description: block.alt };
    else if (block.kind === 'note') section.notes.push(block.text);
    else section.pieces.push(...blockPieces(block, DISCORD_LIMITS.embedDescription));
  }

  const embeds: APIEmbed[] = [];
  const embedFiles = new Map<APIEmbed, DiscordFile>();
  for (const s of sections) {
    let descriptions = packPieces(s.pieces, DISCORD_LIMITS.embedDescription);
    let footer = s.notes.join('\n');
    if (descriptions.length === 0 && s.title === undefined) {
      // Notes alone have no title or text for a footer to sit under: they become the description, in italics.
      descriptions = packPieces(s.notes.flatMap((n) => splitLines(`*${escapeDiscordMarkdown(n, false)}*`, DISCORD_LIMITS.embedDescription)), DISCORD_LIMITS.embedDescription);
      footer = '';
    }
    if (descriptions.length === 0) descriptions = [''];
    descriptions.forEach((description, i) => {
      const embed: APIEmbed = { color: EMBED_COLOR };
      if (i === 0 && s.title !== undefined) embed.title = s.title;
      if (description) embed.description = description;
      if (i === 0 && s.image) {
        embed.image = { url: `attachment://${s.image.name}` };
        embedFiles.set(embed, s.image);
      }
      if (i === descriptions.length - 1 && footer) {
        // Footers are plain text (no markdown), so the note goes in unescaped.
        embed.footer = { text: fit(footer, Math.min(DISCORD_LIMITS.embedFooter, DISCORD_LIMITS.embedTotal - embedLength(embed))) };
      }
      embeds.push(embed);
    });
  }

  const messages: DiscordMessage[] = [];
  let batch: APIEmbed[] = [];
  let total = 0;
  // A picture travels in the same message as the embed that shows it.
  const withFiles = (batch: APIEmbed[]): DiscordMessage => {
    const files = batch.flatMap((e) => embedFiles.get(e) ?? []);
    return files.length > 0 ? { embeds: batch, files } : { embeds: batch };
  };
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (batch.length > 0 && (batch.length === DISCORD_LIMITS.embedsPerMessage || total + size > DISCORD_LIMITS.embedTotal)) {
      messages.push(withFiles(batch));
      batch = [];
      total = 0;
    }
    batch.push(embed);
    total += size;
  }
  if (batch.length > 0) messages.push(withFiles(batch));
  return messages;
}

/**
 * The Discord rendering of a reply: answers as embeds (title, a wide description limit, notes as footer),
 * usage replies as a plain sentence; the controls as components of the last message.
 */
export function renderDiscord(reply: Reply): DiscordMessage[] {
  const rendered = reply.kind === 'usage' ? renderDiscordMarkdown(reply) : renderDiscordEmbeds(reply);
  const messages = rendered.length > 0 ? rendered : [{ content: '(nothing to show)' }];
  // The controls sit under the last message, below everything the reply says.
  const components = discordComponents(reply.controls);
  return components.length > 0 ? [...messages.slice(0, -1), { ...messages.at(-1)!, components }] : messages;
}
