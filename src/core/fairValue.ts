import { figure, missing, type Figure } from './figure.ts';

/** One wrapper layer: `rate` is the value of 1 wrapper token in its `base` token. */
export interface WrapperLink {
  readonly base: string;
  readonly rate: Figure;
}

/** The links from `token` up its chain of bases, and the token the chain ends at; undefined when it loops. */
function chainOf(links: ReadonlyMap<string, WrapperLink>, token: string): { path: WrapperLink[]; root: string } | undefined {
  const path: WrapperLink[] = [];
  const seen = new Set<string>();
  let current = token;
  for (let link = links.get(current); link !== undefined; link = links.get(current)) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    path.push(link);
    current = link.base;
  }
  return { path, root: current };
}

/** The product of the rates along `path` (1 for none); the first missing rate wins. */
function product(path: readonly WrapperLink[]): Figure {
  let value = 1;
  for (const link of path) {
    if (!link.rate.ok) return link.rate;
    value *= link.rate.value;
  }
  return figure(value);
}

/**
 * Value of 1 `token` in `target`. When `target` is on the token's chain of bases (token → base → … → target),
 * the rates along that path multiply; otherwise, when both chains end at the same token (artMETIS → METIS and
 * WMETIS → METIS), it is the token's value in that common base over the target's. `token === target` is 1.
 * Chains that loop, or end at different tokens, are 'no-path' (checked before any rate); otherwise the first
 * missing rate needed wins.
 * @example fairValue(new Map([['seMetis', { base: 'eMetis', rate: figure(1.05) }], ['eMetis', { base: 'METIS', rate: figure(1) }]]), 'seMetis', 'METIS') // 1.05
 * @example fairValue(new Map([['artMetis', { base: 'METIS', rate: figure(1.03) }], ['WMETIS', { base: 'METIS', rate: figure(1) }]]), 'artMetis', 'WMETIS') // 1.03
 */
export function fairValue(links: ReadonlyMap<string, WrapperLink>, token: string, target: string): Figure {
  if (token === target) return figure(1);
  const from = chainOf(links, token);
  const to = chainOf(links, target);
  if (from === undefined || to === undefined) return missing('no-path');
  // The target on the token's own chain: only the links below it are needed.
  const direct = from.path.findIndex((link) => link.base === target);
  if (direct >= 0) return product(from.path.slice(0, direct + 1));
  if (from.root !== to.root) return missing('no-path');
  const tokenInRoot = product(from.path);
  const targetInRoot = product(to.path);
  if (!tokenInRoot.ok) return tokenInRoot;
  if (!targetInRoot.ok) return targetInRoot;
  if (targetInRoot.value === 0) return missing('zero-price');
  return figure(tokenInRoot.value / targetInRoot.value);
}
