/**
 * Edit distance with adjacent transpositions (Damerau–Levenshtein, optimal string alignment): the number of
 * single-character insertions, deletions, substitutions and swaps of two neighbours that turn `a` into `b`.
 * Transpositions count once because they are the commonest typing slip (`htpp` for `http`).
 * @example editDistance('stalAfter', 'staleAfter') // 1
 * @example editDistance('htpp', 'http') // 1
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the transposition step looks two rows back.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate a mistyped word most likely meant, or undefined when none is close: case is ignored, and at
 * most one edit is allowed in words under 6 characters, two in longer ones (more would suggest unrelated words).
 * Ties go to the candidate listed first.
 * @example didYouMean('stalAfter', ['schedule', 'staleAfter']) // 'staleAfter'
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length < 6 ? 1 : 2;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
