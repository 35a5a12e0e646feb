import { figure, missing, type Figure } from './figure.ts';
import { ratio } from './units.ts';

/** One wrapper layer of the tower: its total supply and the fair value of 1 token in the native base. */
export interface TowerLayer {
  readonly token: string;
  readonly supply: bigint;
  readonly decimals: number;
  readonly fairValueInBase: Figure;
}

/**
 * Claims stacked on the base: Σ(supply_i × fair_i) / base. A zero base is 'zero-base'; any layer without a fair value makes it 'incomplete'; no layers is 0.
 * @example towerLeverage([{ token: 'eMetis', supply: 600_000n * 10n ** 18n, decimals: 18, fairValueInBase: figure(1) }], { amount: 10n ** 24n, decimals: 18 }) // 0.6
 */
export function towerLeverage(layers: readonly TowerLayer[], base: { readonly amount: bigint; readonly decimals: number }): Figure {
  if (base.amount === 0n) return missing('zero-base');
  let total = 0;
  for (const layer of layers) {
    if (!layer.fairValueInBase.ok) return missing('incomplete');
    // Each layer's supply / base is divided in bigint first, so 1e27-wei supplies keep their digits before the float multiply.
    const share = ratio(layer.supply, base.amount, layer.decimals, base.decimals);
    if (!share.ok) return share;
    total += share.value * layer.fairValueInBase.value;
  }
  return figure(total);
}
