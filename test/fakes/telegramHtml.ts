/**
 * A port of the Telegram server's HTML entity parser (tdlib `parse_html`, which
 * the Bot API server uses for `parse_mode: 'HTML'`), used by the fake Bot API.
 *
 * Error strings are the ones Telegram puts after
 * `Bad Request: can't parse entities: ` — byte offsets are UTF-8 byte offsets
 * into the submitted text, and entity offsets/lengths are UTF-16 code units,
 * exactly like the real API.
 *
 * One deliberate deviation, on by default (`strictAmpersand`): Telegram itself
 * keeps a bare `&` that does not start a supported entity (`AT&T`, `&nbsp;`)
 * as a literal character. The fake rejects it so that tests catch text that
 * was not run through an HTML escaper (the same code would break on `<`).
 */

export interface TgEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: { id: number; is_bot: boolean; first_name: string };
}

export type HtmlParseResult =
  | { ok: true; text: string; entities: TgEntity[] }
  | { ok: false; error: string };

export interface HtmlParseOptions {
  /** Reject a bare `&` that is not a supported entity (Telegram keeps it literally). Default true. */
  strictAmpersand?: boolean;
}

const ALLOWED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

const SP = 0x20, TAB = 0x09, CR = 0x0d, LF = 0x0a, VT = 0x0b;
const AMP = 0x26, LT = 0x3c, GT = 0x3e, SLASH = 0x2f, EQ = 0x3d, SEMI = 0x3b, HASH = 0x23;
const QUOT = 0x22, APOS = 0x27, DOT = 0x2e, MINUS = 0x2d;

// td::is_space treats NUL as a space; the C++ code relies on the terminating NUL.
const isSpace = (c: number): boolean => c === SP || c === TAB || c === CR || c === LF || c === 0 || c === VT;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c);
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const hexVal = (c: number): number => (isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10);
const isFirstCodeUnit = (c: number): boolean => (c & 0xc0) !== 0x80;

function appendUtf8(out: number[], code: number): void {
  if (code < 0x80) out.push(code);
  else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
  else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
}

/** Port of tdlib decode_html_entity: returns the code point and the position after the entity, or undefined. */
function decodeEntity(at: (i: number) => number, bytes: Uint8Array, pos: number): { code: number; next: number } | undefined {
  let end = pos + 1;
  let res = 0;
  if (at(pos + 1) === HASH) {
    end++;
    if (at(pos + 2) === 0x78 /* x */) {
      end++;
      while (isHex(at(end))) res = res * 16 + hexVal(at(end++));
    } else {
      while (isDigit(at(end))) res = res * 10 + (at(end++) - 0x30);
    }
    if (res === 0 || res >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(at(end))) end++;
    const name = Buffer.from(bytes.subarray(pos + 1, end)).toString('latin1');
    if (name === 'lt') res = LT;
    else if (name === 'gt') res = GT;
    else if (name === 'amp') res = AMP;
    else if (name === 'quot') res = QUOT;
    else return undefined;
  }
  return { code: res, next: at(end) === SEMI ? end + 1 : end };
}

interface OpenTag {
  tag: string;
  argument: string;
  expandable: boolean;
  utf16Offset: number;
  outPos: number;
}

export function parseTelegramHtml(html: string, options: HtmlParseOptions = {}): HtmlParseResult {
  const strictAmpersand = options.strictAmpersand ?? true;
  const bytes = Buffer.from(html, 'utf8');
  const n = bytes.length;
  const at = (i: number): number => (i < n ? (bytes[i] ?? 0) : 0);
  const slice = (a: number, b: number): string => Buffer.from(bytes.subarray(a, b)).toString('utf8');
  const lower = (s: string): string => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const fail = (error: string): HtmlParseResult => ({ ok: false, error });

  const out: number[] = [];
  const entities: TgEntity[] = [];
  const nested: OpenTag[] = [];
  let utf16 = 0;

  for (let i = 0; i < n; i++) {
    const c = at(i);
    if (c === AMP) {
      const d = decodeEntity(at, bytes, i);
      if (d !== undefined) {
        if (d.code >= 0xd800 && d.code <= 0xdfff) {
          return fail('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
        }
        utf16 += d.code > 0xffff ? 2 : 1;
        appendUtf8(out, d.code);
        i = d.next - 1;
        continue;
      }
      if (strictAmpersand) {
        return fail(`Unescaped "&" at byte offset ${i} (the fake Bot API is stricter than Telegram here: escape it as &amp;)`);
      }
    }
    if (c !== LT) {
      if (isFirstCodeUnit(c)) utf16 += c >= 0xf0 ? 2 : 1;
      out.push(c);
      continue;
    }

    const beginPos = i++;
    if (at(i) !== SLASH) {
      // start tag
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      if (at(i) === 0) return fail(`Unclosed start tag at byte offset ${beginPos}`);
      const tag = lower(slice(beginPos + 1, i));
      if (!ALLOWED_TAGS.has(tag)) return fail(`Unsupported start tag "${tag}" at byte offset ${beginPos}`);

      let argument = '';
      let expandable = false;
      while (at(i) !== GT) {
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) === GT) break;
        const attrBegin = i;
        // (newer Telegram also stops at '>' so that a bare `<blockquote expandable>` works)
        while (!isSpace(at(i)) && at(i) !== EQ && at(i) !== GT) i++;
        const attrName = slice(attrBegin, i);
        if (attrName.length === 0) return fail(`Empty attribute name in the tag "${tag}" at byte offset ${beginPos}`);
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) !== EQ) {
          // newer Telegram versions accept a bare `expandable` on blockquote
          if (tag === 'blockquote' && attrName === 'expandable') {
            expandable = true;
            continue;
          }
          return fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${beginPos}`);
        }
        i++;
        while (at(i) !== 0 && isSpace(at(i))) i++;
        if (at(i) === 0) return fail(`Unclosed start tag "${tag}" at byte offset ${beginPos}`);

        let value: string;
        if (at(i) !== APOS && at(i) !== QUOT) {
          const tokenBegin = i;
          while (isAlnum(at(i)) || at(i) === DOT || at(i) === MINUS) i++;
          value = lower(slice(tokenBegin, i));
          if (!isSpace(at(i)) && at(i) !== GT) return fail(`Unexpected end of name token at byte offset ${tokenBegin}`);
        } else {
          const endChar = at(i++);
          const valueBytes: number[] = [];
          while (at(i) !== endChar && at(i) !== 0) {
            if (at(i) === AMP) {
              const d = decodeEntity(at, bytes, i);
              if (d !== undefined) {
                appendUtf8(valueBytes, d.code);
                i = d.next;
                continue;
              }
            }
            valueBytes.push(at(i++));
          }
          if (at(i) === endChar) i++;
          value = Buffer.from(valueBytes).toString('utf8');
        }
        if (at(i) === 0) return fail(`Unclosed start tag at byte offset ${beginPos}`);

        if (tag === 'a' && attrName === 'href') argument = value;
        else if (tag === 'code' && attrName === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (tag === 'span' && attrName === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tag === 'tg-emoji' && attrName === 'emoji-id') argument = value;
      }

      if (tag === 'span' && argument !== 'spoiler') {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${beginPos}`);
      }
      nested.push({ tag, argument, expandable, utf16Offset: utf16, outPos: out.length });
    } else {
      // end tag
      const top = nested[nested.length - 1];
      if (top === undefined) return fail(`Unexpected end tag at byte offset ${beginPos}`);
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      const endTag = lower(slice(beginPos + 2, i));
      while (isSpace(at(i)) && at(i) !== 0) i++;
      if (at(i) !== GT) return fail(`Unclosed end tag at byte offset ${beginPos}`);
      if (endTag !== '' && endTag !== top.tag) {
        return fail(`Unmatched end tag at byte offset ${beginPos}, expected "</${top.tag}>", found "</${endTag}>"`);
      }

      if (utf16 > top.utf16Offset) {
        const offset = top.utf16Offset;
        const length = utf16 - offset;
        const last = entities[entities.length - 1];
        switch (top.tag) {
          case 'i':
          case 'em':
            entities.push({ type: 'italic', offset, length });
            break;
          case 'b':
          case 'strong':
            entities.push({ type: 'bold', offset, length });
            break;
          case 's':
          case 'strike':
          case 'del':
            entities.push({ type: 'strikethrough', offset, length });
            break;
          case 'u':
          case 'ins':
            entities.push({ type: 'underline', offset, length });
            break;
          case 'tg-spoiler':
          case 'span':
            entities.push({ type: 'spoiler', offset, length });
            break;
          case 'tg-emoji': {
            if (!/^\d+$/.test(top.argument) || /^0+$/.test(top.argument)) {
              return fail('Invalid custom emoji identifier specified');
            }
            entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: top.argument });
            break;
          }
          case 'a': {
            let url = top.argument;
            if (url === '') url = Buffer.from(out.slice(top.outPos)).toString('utf8');
            const mention = /^tg:\/\/user\?id=(\d+)$/i.exec(url);
            if (mention?.[1] !== undefined) {
              entities.push({ type: 'text_mention', offset, length, user: { id: Number(mention[1]), is_bot: false, first_name: '' } });
            } else if (url !== '') {
              entities.push({ type: 'text_link', offset, length, url });
            }
            break;
          }
          case 'pre':
            if (last !== undefined && last.type === 'code' && last.offset === offset && last.length === length && last.language) {
              last.type = 'pre';
            } else {
              entities.push({ type: 'pre', offset, length });
            }
            break;
          case 'code':
            if (last !== undefined && last.type === 'pre' && last.offset === offset && last.length === length && top.argument !== '') {
              last.language = top.argument;
            } else {
              const e: TgEntity = { type: 'code', offset, length };
              if (top.argument !== '') e.language = top.argument;
              entities.push(e);
            }
            break;
          case 'blockquote':
            entities.push({ type: top.expandable ? 'expandable_blockquote' : 'blockquote', offset, length });
            break;
          default:
            return fail(`Unsupported start tag "${top.tag}"`);
        }
      }
      nested.pop();
    }
  }
  const open = nested[nested.length - 1];
  if (open !== undefined) return fail(`Can't find end tag corresponding to start tag ${open.tag}`);

  for (const e of entities) if (e.type === 'code') delete e.language;
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text: Buffer.from(out).toString('utf8'), entities };
}

/** Escapes text for parse_mode HTML (what the bot code should be doing). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
