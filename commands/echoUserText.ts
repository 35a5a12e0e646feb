/**
 * Text a user typed, made safe to quote back in a reply. Everything we echo (a bad value, an unknown option or
 * command) goes through here, so a right-to-left override typed into a command cannot turn our sentence around.
 */

/** At most this many characters (code points) of what a user typed are quoted back. */
export const MAX_ECHO_LENGTH = 40;

/** First-strong isolate and pop directional isolate: the text between them cannot reorder what is around it. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Characters that are not text: controls (C0, C1), format characters (bidi embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, marks U+200E/U+200F/U+061C, zero-width U+200B–U+200D, U+2060, U+FEFF, tags),
 * line and paragraph separators, lone surrogates and unassigned code points.
 */
const NOT_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}]/gu;

/**
 * What a user typed, with its invisible and direction-changing characters removed.
 * @example stripControls('se\u202EsiteM') // 'sesiteM'
 */
export function stripControls(text: string): string {
  return text.replace(NOT_TEXT, '');
}

/**
 * User text to quote in a reply: controls stripped, capped at MAX_ECHO_LENGTH code points ('…' marks a cut),
 * and, unless it is plain printable ASCII (which cannot reorder a left-to-right sentence), isolated in
 * U+2068 … U+2069 so right-to-left letters in it stay inside the quotes.
 * @example echoUserText('dogecoin') // 'dogecoin'
 * @example echoUserText('\u202Eevil') // 'evil'
 * @example echoUserText('שלום') // '\u2068שלום\u2069'
 */
export function echoUserText(text: string): string {
  const chars = [...stripControls(text)];
  const kept = chars.length > MAX_ECHO_LENGTH ? chars.slice(0, MAX_ECHO_LENGTH - 1) : chars;
  const capped = kept.join('') + (kept === chars ? '' : '…');
  return /^[\x20-\x7e]*$/.test(kept.join('')) ? capped : `${FSI}${capped}${PDI}`;
}
