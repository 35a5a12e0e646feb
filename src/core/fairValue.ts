import { figure, missing, type Figure } from './figure.ts';

/** One wrapper layer: `rate` is the value of 1 wrapper token in its `base` token. */
export interface WrapperLink {
  readonly base: string;
  readonly rate: Figure;
}

/**
 * Value of 1 `token` in `target`, multiplying rates along token → base → … → target; `token === target` is 1.
 * A chain that ends before `target`, or loops, is 'no-path' (checked before any rate); otherwise the first missing rate on the path wins.
 * @example fairValue(new Map([['seMetis', { base: 'eMetis', rate: figure(1.05) }], ['eMetis', { base: 'METIS', rate: figure(1) }]]), 'seMetis', 'METIS') // 1.05
 */
export function fairValue(links: ReadonlyMap<string, WrapperLink>, token: string, target: string): Figure {
  const path: WrapperLink[] = [];
  const seen = new Set<string>();
  let current = token;
  while (current !== target) {
    const link = links.get(current);
    if (link === undefined || seen.has(current)) return missing('no-path');
    seen.add(current);
    path.push(link);
    current = link.base;
  }
  let value = 1;
  for (const link of path) {
    if (!link.rate.ok) return link.rate;
    value *= link.rate.value;
  }
  return figure(value);
}
