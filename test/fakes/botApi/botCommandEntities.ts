import type { TgEntity } from '../telegramHtml.ts';

/** Telegram's bot_command detection (tdlib match_bot_commands); offsets are UTF-16 like the JS string. */
export function botCommandEntities(text: string): TgEntity[] {
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
