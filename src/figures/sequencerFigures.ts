import type { SourceOfKind } from '../config/configSchema.ts';
import { aprToApy } from '../core/apy.ts';
import { difference } from '../core/change.ts';
import { figure, missing, type Figure } from '../core/figure.ts';
import { sequencerNominalApr, sequencerRealizedApr } from '../core/sequencer.ts';
import { timeWeightedMean } from '../core/timeWeightedMean.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import { eventCursorKey } from '../store/eventCursorKey.ts';
import type { HistoryStore, Observation } from '../store/historyStore.ts';
import { storedMetricAgo, storedProductAverage } from './history.ts';
import type { SequencerFigures } from './figures.ts';

/** METIS, the token sequencers lock, has 18 decimals on both chains. */
export const METIS_DECIMALS = 18;
/** Sequencer rewards are paid out, not auto-compounded: daily compounding is what a diligent restaker gets. */
const COMPOUNDING_PER_YEAR = 365;

// Buckets of stored totalLocked per window: a step function this fine keeps the mean within a cycle's drift.
const LOCKED_POINTS = 500;

/**
 * The trailing 7 d average of the nominal APR at today's block time: rewardPerBlock × blocks per year makes a
 * slower chain lower the APR without any cut, so the stored per-block yield (APR × block time) is averaged and
 * divided by the block time now.
 */
function aprAverage(store: HistoryStore, sourceId: string, now: number, blockTime: Figure): Figure {
  if (!blockTime.ok) return blockTime;
  if (!(blockTime.value > 0)) return missing('no-data');
  const perBlock = storedProductAverage(store, sourceId, 'nominalApr', 'blockTimeSeconds', now - 7 * DAY_SECONDS, now);
  return perBlock.ok ? figure(perBlock.value / blockTime.value) : perBlock;
}

/**
 * totalLocked averaged over the window, in wei: the stored per-cycle values (whole METIS) with today's read as
 * the last step. Before the bot's first stored read the earliest read stands in (LockingInfo's lock events
 * would tell exactly; until they are read, the earliest read is the best knowledge).
 */
function averageLocked(store: HistoryStore, sourceId: string, now: number, totalLocked: bigint, windowSeconds: number): bigint {
  const current = toNumber(totalLocked, METIS_DECIMALS);
  const stored = store.metricSeries(sourceId, 'totalLocked', now - windowSeconds, now - 1, LOCKED_POINTS);
  const mean = timeWeightedMean([...stored, { time: now, value: current }], now - windowSeconds, now);
  if (!mean.ok || !(mean.value > 0)) return totalLocked;
  // Back to wei through gwei: 1e-9 METIS resolution on amounts of about 1e6 METIS.
  return BigInt(Math.round(mean.value * 1e9)) * 10n ** BigInt(METIS_DECIMALS - 9);
}

function realizedApr(store: HistoryStore, source: SourceOfKind<'sequencer'>, now: number, totalLocked: bigint, windowSeconds: number): Figure {
  const cursor = store.getCursor(eventCursorKey(source.id));
  // Only a window fully covered by the events read so far can be summed honestly.
  if (!cursor || cursor.startTime > now - windowSeconds) return missing('not-enough-history');
  const rewards = store.sumEventArg(source.id, 'DistributeReward', 'amount', now - windowSeconds, now);
  if (totalLocked === 0n) return missing('zero-base');
  return sequencerRealizedApr({ rewardsInWindow: rewards, averageLocked: averageLocked(store, source.id, now, totalLocked, windowSeconds), windowSeconds });
}

/**
 * The sequencer's figures from its latest observation. `measuredBlockTime` is this cycle's measurement on the
 * L2; without one, the last stored measurement, then the configured block time, stand in.
 */
export function sequencerFigures(p: {
  source: SourceOfKind<'sequencer'>;
  observation: Observation;
  store: HistoryStore;
  measuredBlockTime?: Figure;
}): SequencerFigures {
  const { source, observation, store } = p;
  const now = observation.blockTime;
  const { rewardPerBlock = 0n, totalLocked = 0n, exitDelay = 0n } = observation.values;
  let blockTime = p.measuredBlockTime ?? missing('no-data');
  if (!blockTime.ok) {
    const stored = store.metricAtOrBefore(source.id, 'blockTimeSeconds', now);
    if (stored) blockTime = figure(stored.value);
    else if (source.blockTimeSeconds !== undefined) blockTime = figure(source.blockTimeSeconds);
  }
  const nominalApr = blockTime.ok ? sequencerNominalApr({ rewardPerBlock, totalLocked, blockTimeSeconds: blockTime.value }) : blockTime;
  const compounded = (apr: Figure) => (apr.ok ? figure(aprToApy(apr.value, COMPOUNDING_PER_YEAR)) : apr);
  const nominalApy = compounded(nominalApr);
  const realizedApr7d = realizedApr(store, source, now, totalLocked, 7 * DAY_SECONDS);
  return {
    kind: 'sequencer',
    rewardPerBlock: figure(toNumber(rewardPerBlock, METIS_DECIMALS)),
    totalLocked: figure(toNumber(totalLocked, METIS_DECIMALS)),
    exitDelaySeconds: figure(Number(exitDelay)),
    blockTimeSeconds: blockTime,
    nominalApr,
    nominalApy,
    nominalApyChange24h: difference(nominalApy, storedMetricAgo(store, source.id, 'nominalApy', now, DAY_SECONDS)),
    nominalApyChange7d: difference(nominalApy, storedMetricAgo(store, source.id, 'nominalApy', now, 7 * DAY_SECONDS)),
    nominalAprAverage7d: aprAverage(store, source.id, now, blockTime),
    realizedApr7d,
    realizedApy7d: compounded(realizedApr7d),
    realizedApr30d: realizedApr(store, source, now, totalLocked, 30 * DAY_SECONDS),
  };
}
