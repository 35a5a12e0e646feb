import type { SourceOfKind } from '../config/configSchema.ts';
import { windowApy, type RatePoint } from '../core/apy.ts';
import { difference } from '../core/change.ts';
import { figure, missing, type Figure } from '../core/figure.ts';
import { RATE_DECIMALS, scaledRatio } from '../core/scaledRatio.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import type { HistoryStore, Observation } from '../store/historyStore.ts';
import { storedMetricAgo } from './history.ts';
import type { YieldFigures } from './figures.ts';

type YieldSource = SourceOfKind<'erc4626'> | SourceOfKind<'exchange-rate'>;

/** The rate of one observation as a fixed-point integer and its decimals (same scale across a source's history). */
export function ratePoint(source: YieldSource, observation: Observation): { point: RatePoint; decimals: number } | undefined {
  const v = observation.values;
  if (source.kind === 'erc4626') {
    if (v.pps === undefined) return undefined;
    return { point: { time: observation.blockTime, raw: v.pps }, decimals: Number(v.assetDecimals ?? 18n) };
  }
  if (v.numerator === undefined || v.denominator === undefined) return undefined;
  const raw = scaledRatio(v.numerator, v.denominator, Number(v.numeratorDecimals ?? 18n), Number(v.denominatorDecimals ?? 18n));
  return raw === undefined ? undefined : { point: { time: observation.blockTime, raw }, decimals: RATE_DECIMALS };
}

function apyOver(store: HistoryStore, source: YieldSource, now: RatePoint, windowSeconds: number): Figure {
  const then = store.observationAtOrBefore(source.id, now.time - windowSeconds);
  return windowApy(now, then && ratePoint(source, then)?.point, windowSeconds);
}

/** A yield-bearing wrapper's figures from its latest observation and stored share prices. */
export function yieldFigures(p: { source: YieldSource; baseToken: string; observation: Observation; store: HistoryStore; baseApy: Figure }): YieldFigures {
  const { source, observation, store } = p;
  const v = observation.values;
  const current = ratePoint(source, observation);
  const noRate = missing(source.kind === 'erc4626' ? 'no-data' : 'zero-supply');
  const apy24h = current ? apyOver(store, source, current.point, DAY_SECONDS) : noRate;
  const apy7d = current ? apyOver(store, source, current.point, 7 * DAY_SECONDS) : noRate;
  const tvl =
    source.kind === 'erc4626'
      ? figure(toNumber(v.totalAssets ?? 0n, Number(v.assetDecimals ?? 18n)))
      : figure(toNumber(v.numerator ?? 0n, Number(v.numeratorDecimals ?? 18n)));
  const supply =
    source.kind === 'erc4626'
      ? figure(toNumber(v.totalSupply ?? 0n, Number(v.shareDecimals ?? 18n)))
      : figure(toNumber(v.denominator ?? 0n, Number(v.denominatorDecimals ?? 18n)));
  return {
    kind: 'yield',
    rate: current ? figure(toNumber(current.point.raw, current.decimals)) : noRate,
    baseToken: p.baseToken,
    apy24h,
    apy7d,
    apy30d: current ? apyOver(store, source, current.point, 30 * DAY_SECONDS) : noRate,
    apyChange24h: difference(apy24h, storedMetricAgo(store, source.id, 'apy24h', observation.blockTime, DAY_SECONDS)),
    tvl,
    supply,
    spreadOverBase: difference(apy7d.ok ? apy7d : apy24h, p.baseApy),
  };
}
