import type { SourceOfKind } from '../config/configSchema.ts';
import { windowApy, type RatePoint } from '../core/apy.ts';
import { difference } from '../core/change.ts';
import { figure, missing, type Figure } from '../core/figure.ts';
import { RATE_DECIMALS, scaledRatio } from '../core/scaledRatio.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import type { HistoryStore, Observation } from '../store/historyStore.ts';
import { storedMetricAgo, storedMetricAverage } from './history.ts';
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

/** The APY over a trailing window and the seconds it really spans (from the stored point it starts at, up to 1.5 windows back). */
function apyOver(store: HistoryStore, source: YieldSource, now: RatePoint, windowSeconds: number): { apy: Figure; span?: number } {
  const then = store.observationAtOrBefore(source.id, now.time - windowSeconds);
  const from = then && ratePoint(source, then)?.point;
  const apy = windowApy(now, from, windowSeconds);
  return apy.ok && from ? { apy, span: now.time - from.time } : { apy };
}

/** A yield-bearing wrapper's figures from its latest observation and stored share prices. */
export function yieldFigures(p: { source: YieldSource; baseToken: string; observation: Observation; store: HistoryStore; baseApy: Figure }): YieldFigures {
  const { source, observation, store } = p;
  const v = observation.values;
  const current = ratePoint(source, observation);
  const noRate = missing(source.kind === 'erc4626' ? 'no-data' : 'zero-supply');
  const windows = current
    ? { h24: apyOver(store, source, current.point, DAY_SECONDS), d7: apyOver(store, source, current.point, 7 * DAY_SECONDS), d30: apyOver(store, source, current.point, 30 * DAY_SECONDS) }
    : { h24: { apy: noRate }, d7: { apy: noRate }, d30: { apy: noRate } };
  const apy24h = windows.h24.apy;
  const apy7d = windows.d7.apy;
  const spans = { apy24h: windows.h24.span, apy7d: windows.d7.span, apy30d: windows.d30.span };
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
    apy30d: windows.d30.apy,
    spans: Object.fromEntries(Object.entries(spans).filter(([, span]) => span !== undefined)),
    apyChange24h: difference(apy24h, storedMetricAgo(store, source.id, 'apy24h', observation.blockTime, DAY_SECONDS)),
    apyChange7d: difference(apy24h, storedMetricAgo(store, source.id, 'apy24h', observation.blockTime, 7 * DAY_SECONDS)),
    apy24hAverage7d: storedMetricAverage(store, source.id, 'apy24h', observation.blockTime - 7 * DAY_SECONDS, observation.blockTime),
    tvl,
    supply,
    spreadOverBase: difference(apy7d.ok ? apy7d : apy24h, p.baseApy),
    spreadWindowSeconds: apy7d.ok ? 7 * DAY_SECONDS : DAY_SECONDS,
  };
}
