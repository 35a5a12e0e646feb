import type { Inline } from '../src/vocabulary/reply.ts';

/**
 * A message with styled pieces (a bold figure, a reference in code) where the language puts them: `say` gets a
 * marker per styled piece to pass as that placeholder's value, and the text it returns is cut at the markers.
 * So a translation may move the bold figure anywhere in its sentence, and the reply still carries it as a part.
 * @example styledMessage({ net: bold('14.40%') }, (m) => t('simulate-net-apy', { net: m.net!, … })) // ['Net APY ', bold('14.40%'), ' = …']
 */
export function styledMessage(styled: Readonly<Record<string, Inline>>, say: (markers: Readonly<Record<string, string>>) => string): Inline[] {
  const names = Object.keys(styled);
  // NUL never occurs in a message or in what a user typed (echoUserText strips controls).
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]));
  return say(markers)
    .split(/\u0000(\d+)\u0000/)
    .flatMap((piece, i) => (i % 2 === 1 ? [styled[names[Number(piece)]!]!] : piece === '' ? [] : [piece]));
}
