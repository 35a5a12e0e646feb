import { describeMissing, type Figure } from './figure.ts';
import type { Words } from './words.ts';

/**
 * How a strategy earns. The sequencer's figure is a nominal APR (rewards paid out): the chosen compounding
 * turns it into growth. A wrapper's figure is the realized growth of its share price, an APY with the
 * compounding already inside: it is applied as it is, whatever compounding is asked for.
 */
export type StrategyRate =
  | { readonly kind: 'apr'; readonly value: number; readonly label: string }
  | { readonly kind: 'apy'; readonly value: number; readonly label: string; readonly baseToken: string };

/** A strategy's rate, or why it has none yet (in words). */
export type RateChoice = StrategyRate | { readonly kind: 'missing'; readonly why: string };

/** The figures a rate is chosen from: a sequencer's APR, a wrapper's share-price APYs; other kinds earn nothing. */
export type EarningFigures =
  | { readonly kind: 'sequencer'; readonly nominalApr: Figure }
  | { readonly kind: 'yield'; readonly apy24h: Figure; readonly apy7d: Figure; readonly apy30d: Figure; readonly baseToken: string }
  | { readonly kind: 'supply' | 'pool' };

/**
 * The rate a projection uses: the sequencer's nominal APR; for a wrapper the 7 d APY, else 30 d, else 24 h.
 * @example strategyRate(english, { kind: 'sequencer', nominalApr: figure(0.15768) }) // { kind: 'apr', value: 0.15768, label: words('rate-nominal-apr') }
 * @example strategyRate(english, undefined) // { kind: 'missing', why: words('rate-no-data-yet') }
 */
export function strategyRate(words: Words, figures: EarningFigures | undefined): RateChoice {
  if (!figures) return { kind: 'missing', why: words('rate-no-data-yet') };
  if (figures.kind === 'sequencer') {
    const apr = figures.nominalApr;
    return apr.ok ? { kind: 'apr', value: apr.value, label: words('rate-nominal-apr') } : { kind: 'missing', why: describeMissing(words, apr.missing) };
  }
  if (figures.kind === 'yield') {
    // The 7 d window is steadier than 24 h; the longer 30 d, then the 24 h window stand in while history is short.
    const windows: [Figure, string][] = [
      [figures.apy7d, '7 d'],
      [figures.apy30d, '30 d'],
      [figures.apy24h, '24 h'],
    ];
    const found = windows.find(([w]) => w.ok);
    if (found && found[0].ok) return { kind: 'apy', value: found[0].value, label: words('rate-share-price-apy', { window: found[1] }), baseToken: figures.baseToken };
    return { kind: 'missing', why: describeMissing(words, figures.apy24h.ok ? 'no-data' : figures.apy24h.missing) };
  }
  return { kind: 'missing', why: words('rate-no-yield-figures') };
}
