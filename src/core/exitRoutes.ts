/**
 * Which pools can close a loop: a looped position holds a token and owes the debt token (METIS), so an exit is
 * a pool that sells that very token for the debt token, or for a token worth exactly one debt token through
 * 1:1 links only (WMETIS unwraps to METIS). Selling the debt token's own pools (METIS/USDC) repays nothing.
 */

/** The token each 1:1 claim is on (`tokens` entries with a base and no rateFrom): WMETIS → METIS, eMetis → METIS. */
export type ParLinks = ReadonlyMap<string, string>;

/** The token a chain of 1:1 links from `token` ends at (itself without one); loops stop where they repeat. */
function parRoot(parLinks: ParLinks, token: string): string {
  const seen = new Set<string>();
  let current = token;
  for (let base = parLinks.get(current); base !== undefined && !seen.has(current); base = parLinks.get(current)) {
    seen.add(current);
    current = base;
  }
  return current;
}

/**
 * Whether one `token` is worth exactly one `debt` through 1:1 links alone: the same token, a 1:1 wrapper of it
 * (WMETIS for METIS), or both 1:1 claims on one token.
 * @example isParWith(new Map([['WMETIS', 'METIS']]), 'WMETIS', 'METIS') // true
 * @example isParWith(new Map([['WMETIS', 'METIS']]), 'USDC', 'METIS') // false
 */
export function isParWith(parLinks: ParLinks, token: string, debt: string): boolean {
  return parRoot(parLinks, token) === parRoot(parLinks, debt);
}

/** An exit: the pool's index in the list given, and the 1:1 token it pays in when that is not the debt itself. */
export interface ExitRoute {
  readonly index: number;
  readonly paysIn?: string;
}

/**
 * The pools (by index) that swap `token` into `debt`: asset = token and quote = debt or a token at par with it.
 * Pools of other tokens, the debt token's own pools and pools quoting a token of another value are left out.
 * @example exitRoutes({ token: 'eMetis', debt: 'METIS', parLinks: new Map([['WMETIS', 'METIS']]), pools: [{ asset: 'METIS', quote: 'USDC' }, { asset: 'eMetis', quote: 'WMETIS' }] })
 * // [{ index: 1, paysIn: 'WMETIS' }]
 */
export function exitRoutes(p: {
  readonly token: string;
  readonly debt: string;
  readonly parLinks: ParLinks;
  readonly pools: readonly { readonly asset: string; readonly quote: string }[];
}): ExitRoute[] {
  return p.pools.flatMap((pool, index) =>
    pool.asset === p.token && pool.quote !== p.token && isParWith(p.parLinks, pool.quote, p.debt) ? [pool.quote === p.debt ? { index } : { index, paysIn: pool.quote }] : [],
  );
}
