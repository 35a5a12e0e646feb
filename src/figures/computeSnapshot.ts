import type { Config, SourceConfig, SourceOfKind } from '../config/configSchema.ts';
import { isPoolSource } from '../config/poolKinds.ts';
import type { WrapperLink } from '../core/fairValue.ts';
import { figure, missing, type Figure } from '../core/figure.ts';
import { toNumber } from '../core/units.ts';
import type { HistoryStore, MetricValues, SourceStatusRecord } from '../store/historyStore.ts';
import type { ChainView, SequencerFigures, SourceFigures, SourceView, Snapshot, TowerView } from './figures.ts';
import type { SequencersView } from './sequencersViewTypes.ts';
import { sequencersView } from './sequencersView.ts';
import { sourceBlockSince } from './chainLiveness.ts';
import { leverageChanges } from './leverageChanges.ts';
import { poolFigures } from './poolFigures.ts';
import { METIS_DECIMALS, sequencerFigures } from './sequencerFigures.ts';
import { towerFigures, type RawAmount } from './towerFigures.ts';
import { yieldFigures } from './yieldFigures.ts';

/** Re-exported where it always was: the tower's id among the sources' stored metrics. */
export { TOWER_SOURCE_ID } from './leverageChanges.ts';

export interface ComputedFigures {
  readonly sources: ReadonlyMap<string, { figures?: SourceFigures; observedAt?: number }>;
  readonly tower: TowerView;
  readonly sequencers?: SequencersView;
}

const defaultLabel = (source: SourceConfig) =>
  isPoolSource(source) ? `${source.asset}/${source.quote}` : source.kind === 'sequencer' ? 'Sequencer mining' : source.kind === 'sequencer-set' ? 'L2 sequencer set' : source.token;

/**
 * Every source's figures from the latest stored observations, in dependency order: the sequencer (the base
 * yield), yield wrappers (their rates), pools (valued along those rates), then the tower.
 * @param measuredBlockTimes this cycle's L2 block-time measurements by chain id.
 */
export function computeFigures(config: Config, store: HistoryStore, measuredBlockTimes: ReadonlyMap<number, Figure>): ComputedFigures {
  const out = new Map<string, { figures?: SourceFigures; observedAt?: number }>();
  const latest = new Map(config.sources.map((s) => [s.id, store.latestObservation(s.id)]));

  let base: SequencerFigures | undefined;
  let baseLocked: RawAmount | undefined;
  for (const source of config.sources) {
    const observation = latest.get(source.id);
    if (source.kind !== 'sequencer' || !observation) continue;
    const measured = source.l2Chain === undefined ? undefined : measuredBlockTimes.get(source.l2Chain);
    const figures = sequencerFigures({ source, observation, store, ...(measured ? { measuredBlockTime: measured } : {}) });
    if (!base) {
      base = figures;
      baseLocked = { amount: observation.values.totalLocked ?? 0n, decimals: METIS_DECIMALS };
    }
    out.set(source.id, { figures, observedAt: observation.observedAt });
  }
  const baseApy = base?.nominalApy ?? missing('no-data');

  const supplies = new Map<string, RawAmount>();
  for (const source of config.sources) {
    const observation = latest.get(source.id);
    if (!observation) continue;
    if (source.kind === 'erc4626' || source.kind === 'exchange-rate') {
      const baseToken = config.tokens[source.token]?.base ?? config.tower.baseToken;
      const figures = yieldFigures({ source, baseToken, observation, store, baseApy });
      const v = observation.values;
      supplies.set(
        source.token,
        source.kind === 'erc4626'
          ? { amount: v.totalSupply ?? 0n, decimals: Number(v.shareDecimals ?? 18n) }
          : { amount: v.denominator ?? 0n, decimals: Number(v.denominatorDecimals ?? 18n) },
      );
      out.set(source.id, { figures, observedAt: observation.observedAt });
    } else if (source.kind === 'erc20-supply') {
      const supply = { amount: observation.values.totalSupply ?? 0n, decimals: Number(observation.values.decimals ?? 18n) };
      supplies.set(source.token, supply);
      out.set(source.id, { figures: { kind: 'supply', supply: figure(toNumber(supply.amount, supply.decimals)) }, observedAt: observation.observedAt });
    }
  }

  const links = new Map<string, WrapperLink>();
  for (const [symbol, token] of Object.entries(config.tokens)) {
    if (token.base === undefined) continue;
    let rate: Figure = figure(1);
    if (token.rateFrom !== undefined) {
      const figures = out.get(token.rateFrom)?.figures;
      rate = figures?.kind === 'yield' ? figures.rate : missing('no-data');
    }
    links.set(symbol, { base: token.base, rate });
  }

  for (const source of config.sources) {
    const observation = latest.get(source.id);
    if (!observation || !isPoolSource(source)) continue;
    out.set(source.id, { figures: poolFigures({ source, observation, links }), observedAt: observation.observedAt });
  }

  const tower = towerFigures({ config, links, supplies, base: baseLocked });
  // The poller stores the leverage at the newest block time of the cycle; look back from the same clock.
  const towerTime = Math.max(0, ...[...latest.values()].map((o) => o?.blockTime ?? 0));
  const towerView: TowerView = { ...tower, ...leverageChanges(store, tower.leverage, towerTime) };
  // The first sequencer source is the base; its L2's sequencer set says who signs the current epoch.
  const sequencerSource = config.sources.find((s): s is SourceOfKind<'sequencer'> => s.kind === 'sequencer');
  const sequencerObservation = sequencerSource && latest.get(sequencerSource.id);
  const setSource = sequencerSource && config.sources.find((s) => s.kind === 'sequencer-set' && s.chain === sequencerSource.l2Chain);
  const epoch = setSource && latest.get(setSource.id);
  const sequencers =
    sequencerSource && sequencerObservation
      ? sequencersView({ config, source: sequencerSource, observation: sequencerObservation, store, tower: towerView, ...(epoch ? { epoch } : {}) })
      : undefined;
  return { sources: out, tower: towerView, ...(sequencers ? { sequencers } : {}) };
}

/** The numbers worth keeping as history for a source's figures (rates as fractions). */
export function metricValues(figures: SourceFigures): MetricValues {
  const picked: Record<string, Figure> =
    figures.kind === 'sequencer'
      ? { nominalApr: figures.nominalApr, nominalApy: figures.nominalApy, realizedApr7d: figures.realizedApr7d, realizedApr30d: figures.realizedApr30d, blockTimeSeconds: figures.blockTimeSeconds, totalLocked: figures.totalLocked }
      : figures.kind === 'yield'
        ? { rate: figures.rate, apy24h: figures.apy24h, apy7d: figures.apy7d, apy30d: figures.apy30d, tvl: figures.tvl, supply: figures.supply }
        : figures.kind === 'pool'
          ? { price: figures.price, depegBps: figures.depegBps }
          : { supply: figures.supply };
  return Object.fromEntries(Object.entries(picked).flatMap(([name, f]) => (f.ok ? [[name, f.value]] : [])));
}

/** Joins computed figures with read status and chain health into the snapshot commands read. */
export function buildSnapshot(p: {
  config: Config;
  computed: ComputedFigures;
  statuses: ReadonlyMap<string, SourceStatusRecord>;
  lastReads: ReadonlyMap<string, { blockNumber: bigint; blockTime: number; observedAt: number }>;
  chains: readonly ChainView[];
  lastCycle?: { startedAt: number; finishedAt: number };
}): Snapshot {
  const sources: SourceView[] = p.config.sources.map((source) => {
    const status = p.statuses.get(source.id);
    const figures = p.computed.sources.get(source.id)?.figures;
    const lastRead = p.lastReads.get(source.id);
    const blockSince = sourceBlockSince(lastRead, p.chains.find((c) => c.id === source.chain));
    return {
      id: source.id,
      label: source.label ?? defaultLabel(source),
      kind: source.kind,
      chainId: source.chain,
      ...('token' in source ? { token: source.token } : {}),
      ...(figures ? { figures } : {}),
      ...(lastRead ? { lastRead } : {}),
      ...(status?.lastError !== undefined && status.lastErrorAt !== undefined && (status.lastOkAt ?? 0) < status.lastErrorAt
        ? { lastError: { message: status.lastError, at: status.lastErrorAt } }
        : {}),
      staleAfterSeconds: source.staleAfter ?? p.config.poll.staleAfter,
      ...(blockSince === undefined ? {} : { blockSince }),
    };
  });
  const parLinks = new Map(Object.entries(p.config.tokens).flatMap(([symbol, t]) => (t.base !== undefined && t.rateFrom === undefined ? [[symbol, t.base] as const] : [])));
  return {
    sources,
    tower: p.computed.tower,
    ...(p.computed.sequencers ? { sequencers: p.computed.sequencers } : {}),
    chains: p.chains,
    ...(p.lastCycle ? { lastCycle: p.lastCycle } : {}),
    parLinks,
  };
}
