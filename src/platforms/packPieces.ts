/**
 * Joins pieces, in order, into as few texts of at most `limit` characters as possible, `separator` between
 * them. A piece is never cut: the caller keeps each within `limit`.
 * @example packPieces(['a', 'b', 'c'], 4) // ['a\n\nb', 'c']
 */
export function packPieces(pieces: readonly string[], limit: number, separator = '\n\n'): string[] {
  const texts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current ? `${current}${separator}${piece}` : piece;
    if (joined.length > limit) {
      texts.push(current);
      current = piece;
    } else current = joined;
  }
  if (current) texts.push(current);
  return texts;
}
