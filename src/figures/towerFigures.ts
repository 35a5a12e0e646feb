import type { Config } from '../config/configSchema.ts';
import { fairValue, type WrapperLink } from '../core/fairValue.ts';
import { combine, figure, missing, type Figure } from '../core/figure.ts';
import { shareOf } from '../core/share.ts';
import { towerLeverage } from '../core/towerLeverage.ts';
import { toNumber } from '../core/units.ts';
import type { TowerLayerView, TowerView } from './figures.ts';

/** A token amount as read on chain. */
export interface RawAmount {
  readonly amount: bigint;
  readonly decimals: number;
}

/**
 * The tower: every wrapper token whose supply a source reports, valued in the base token, over the
 * native base (METIS locked by sequencers). Amounts stay bigint into towerLeverage.
 */
export function towerFigures(p: {
  config: Config;
  links: ReadonlyMap<string, WrapperLink>;
  supplies: ReadonlyMap<string, RawAmount>;
  base: RawAmount | undefined;
}): TowerView {
  const baseToken = p.config.tower.baseToken;
  const layers = [...p.supplies].map(([token, supply]) => ({ token, supply, fair: fairValue(p.links, token, baseToken) }));
  const base = p.base ? figure(toNumber(p.base.amount, p.base.decimals)) : missing('no-data');
  const views: TowerLayerView[] = layers.map(({ token, supply, fair }) => {
    const amount = figure(toNumber(supply.amount, supply.decimals));
    const inBase = combine(amount, fair, (s, f) => s * f);
    return { token, supply: amount, inBase, ofBase: shareOf(inBase, base) };
  });
  const claimsInBase = views.reduce<Figure>((sum, layer) => combine(sum, layer.inBase, (a, b) => a + b), figure(0));
  const leverage: Figure = p.base
    ? towerLeverage(
        layers.map(({ token, supply, fair }) => ({ token, supply: supply.amount, decimals: supply.decimals, fairValueInBase: fair })),
        p.base,
      )
    : missing('no-data');
  return { baseToken, base, layers: views, claimsInBase, leverage };
}
