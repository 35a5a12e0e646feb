import { shortfall } from '../../core/change.ts';
import type { Config } from '../../config/configSchema.ts';
import type { LevelParams } from './levelRule.ts';

/** Rules a chat may tune with `/alerts set <rule> <value>`, with their ranges and units. */
export const TUNABLE_RULES = {
  'apy-drop': { key: 'apyDropPercent', min: 1, max: 100, unit: '% relative below the 7 d average' },
  'apy-drop-points': { key: 'apyDropPoints', min: 0.1, max: 100, unit: 'percentage points below the 7 d average' },
  'depeg-warning': { key: 'depegWarningBps', min: 1, max: 5_000, unit: 'bps' },
  'depeg-critical': { key: 'depegCriticalBps', min: 1, max: 10_000, unit: 'bps' },
  leverage: { key: 'leverageChangePercent', min: 1, max: 1_000, unit: '% change in 24 h' },
  'base-fall': { key: 'baseFallPercent', min: 0.1, max: 100, unit: '% fall of METIS locked in 24 h' },
  'active-sequencers': { key: 'minActiveSequencers', min: 1, max: 1_000, unit: 'active sequencers at least' },
  'operator-share': { key: 'operatorSharePercent', min: 1, max: 100, unit: '% of the base held by one operator' },
  'reward-stall': { key: 'rewardStallHours', min: 1, max: 720, unit: 'hours an active sequencer earns nothing' },
  cycles: { key: 'cycles', min: 1, max: 100, unit: 'consecutive cycles' },
  cooldown: { key: 'cooldownMinutes', min: 0, max: 10_080, unit: 'minutes' },
} as const;

export type TunableRule = keyof typeof TUNABLE_RULES;

/** Thresholds in force for one chat: the config's defaults with the chat's overrides. */
export interface ChatThresholds {
  readonly apyDropPercent: number;
  readonly apyDropPoints: number;
  readonly depegWarningBps: number;
  readonly depegCriticalBps: number;
  readonly leverageChangePercent: number;
  readonly baseFallPercent: number;
  readonly minActiveSequencers: number;
  readonly operatorSharePercent: number;
  readonly rewardStallHours: number;
  readonly cycles: number;
  readonly cooldownMinutes: number;
  readonly clearRatio: number;
}

export function chatThresholds(config: Config['alerts'], overrides: Readonly<Record<string, number>>): ChatThresholds {
  const base: ChatThresholds = {
    apyDropPercent: config.apyDropPercent,
    apyDropPoints: config.apyDropPoints,
    depegWarningBps: config.depegWarningBps,
    depegCriticalBps: config.depegCriticalBps,
    leverageChangePercent: config.leverageChangePercent,
    baseFallPercent: config.baseFallPercent,
    minActiveSequencers: config.minActiveSequencers,
    operatorSharePercent: config.operatorSharePercent,
    rewardStallHours: config.rewardStallHours,
    cycles: config.cycles,
    cooldownMinutes: config.cooldown / 60,
    clearRatio: config.clearRatio,
  };
  const merged: Record<string, number> = { ...base };
  for (const [key, value] of Object.entries(overrides)) if (key in merged && Number.isFinite(value)) merged[key] = value;
  return merged as unknown as ChatThresholds;
}

/** Depeg: |bps| against warning and critical. */
export const depegParams = (t: ChatThresholds): LevelParams => ({
  warning: t.depegWarningBps,
  critical: Math.max(t.depegCriticalBps, t.depegWarningBps),
  clear: t.depegWarningBps * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/** APY drop: the severity measure is 1 at the threshold (see apyDropSeverity). */
export const apyDropParams = (t: ChatThresholds): LevelParams => ({
  warning: 1,
  clear: t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/** Leverage: |change over 24 h| in percent. */
export const leverageParams = (t: ChatThresholds): LevelParams => ({
  warning: t.leverageChangePercent,
  clear: t.leverageChangePercent * t.clearRatio,
  cycles: 1,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/**
 * How far an APY has fallen below its trailing average, as a multiple of the chat's threshold: 1 means
 * exactly at the relative (X %) or the absolute (Y points) threshold, whichever is nearer. Rises are 0.
 */
export function apyDropSeverity(current: number, average: number, t: ChatThresholds): number {
  const drop = shortfall(current, average);
  if (!drop) return 0;
  return Math.max(0, (drop.relative * 100) / t.apyDropPercent, (drop.absolute * 100) / t.apyDropPoints);
}
