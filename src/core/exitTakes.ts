import { exitRoutes, type ParLinks } from './exitRoutes.ts';
import { figure, type Figure } from './figure.ts';
import { shareOf } from './share.ts';

/** A pool as an exit sees it: what it trades, its price and fair value in the quote, what it takes before 1 % / 5 % slippage. */
export interface ExitPool {
  readonly asset: string;
  readonly quote: string;
  readonly price: Figure;
  readonly fairValue: Figure;
  readonly exitLiquidity1pct?: Figure;
  readonly exitLiquidity5pct?: Figure;
}

/** What a pool takes at one slippage, in asset tokens, and as a share of the position when it can be valued (may exceed 1). */
export interface ExitTake {
  readonly amount: number;
  readonly ofPosition?: number;
}

/** A pool that closes the loop (its index in the list given, the 1:1 token it pays in), with its takes at 1 % and 5 % (absent when unknown). */
export interface ExitOption {
  readonly index: number;
  readonly paysIn?: string;
  readonly at1pct?: ExitTake;
  readonly at5pct?: ExitTake;
}

/**
 * The pools that swap `token` into `debt` (see exitRoutes) and what each takes against a position worth
 * `positionInBase` debt tokens. The quote is worth one debt token, so a take in the debt token is the take at
 * fair value (at the price when the fair value is missing).
 * @example exitTakes({ token: 'seMetis', debt: 'METIS', parLinks: new Map(), positionInBase: 2000, pools: [{ asset: 'seMetis', quote: 'METIS', price: figure(1.04), fairValue: figure(1.05), exitLiquidity1pct: figure(500) }] })
 * // [{ index: 0, at1pct: { amount: 500, ofPosition: 0.2625 } }]: 500 × 1.05 / 2000
 */
export function exitTakes(p: {
  readonly token: string;
  readonly debt: string;
  readonly parLinks: ParLinks;
  readonly pools: readonly ExitPool[];
  readonly positionInBase: number;
}): ExitOption[] {
  return exitRoutes(p).map(({ index, paysIn }) => {
    const pool = p.pools[index]!;
    const value = pool.fairValue.ok ? pool.fairValue : pool.price;
    const take = (f: Figure | undefined): ExitTake | undefined => {
      if (!f?.ok) return undefined;
      const fraction = value.ok ? shareOf(figure(f.value * value.value), figure(p.positionInBase)) : undefined;
      return fraction?.ok ? { amount: f.value, ofPosition: fraction.value } : { amount: f.value };
    };
    const option: ExitOption = { index, at1pct: take(pool.exitLiquidity1pct), at5pct: take(pool.exitLiquidity5pct) };
    return paysIn === undefined ? option : { ...option, paysIn };
  });
}
