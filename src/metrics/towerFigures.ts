import type { Config } from '../config/configSchema.ts';
import { fairValue, type WrapperLink } from '../core/fairValue.ts';
import { combine, missing, type Figure } from '../core/figure.ts';
import { towerLeverage } from '../core/towerLeverage.ts';
import type { TowerLayerView, TowerView } from './figures.ts';

// Supplies arrive as whole-token numbers; towerLeverage wants fixed-point integers: 9 decimals keep every digit that matters.
const LAYER_DECIMALS = 9;
const toFixed = (tokens: number) => BigInt(Math.round(tokens * 10 ** LAYER_DECIMALS));

/**
 * The tower: every wrapper token whose supply a source reports, valued in the base token, over the
 * native base (METIS locked by sequencers).
 */
export function towerFigures(p: {
  config: Config;
  links: ReadonlyMap<string, WrapperLink>;
  supplies: ReadonlyMap<string, Figure>;
  base: Figure;
}): TowerView {
  const baseToken = p.config.tower.baseToken;
  const layers: TowerLayerView[] = [...p.supplies].map(([token, supply]) => {
    const fair = fairValue(p.links, token, baseToken);
    return { token, supply, inBase: combine(supply, fair, (s, f) => s * f) };
  });
  let leverage: Figure;
  if (!p.base.ok) leverage = p.base;
  else if (layers.some((l) => !l.supply.ok)) leverage = missing('incomplete');
  else
    leverage = towerLeverage(
      layers.map((l) => ({
        token: l.token,
        supply: l.supply.ok ? toFixed(l.supply.value) : 0n,
        decimals: LAYER_DECIMALS,
        fairValueInBase: fairValue(p.links, l.token, baseToken),
      })),
      { amount: toFixed(p.base.value), decimals: LAYER_DECIMALS },
    );
  return { baseToken, base: p.base, layers, leverage };
}
