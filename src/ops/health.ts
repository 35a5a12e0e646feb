import { haltedChains, isStale, type Snapshot } from '../figures/figures.ts';
import type { PlatformStatusReport } from './platformStatus.ts';

/** What `/healthz` answers. */
export interface HealthReport {
  /** ok and degraded answer 200; unhealthy 503. */
  readonly status: 'ok' | 'degraded' | 'unhealthy';
  /** Why it is unhealthy or degraded, in words. */
  readonly reason?: string;
  readonly lastCycle?: { readonly finishedAt: string; readonly ageSeconds: number };
  /** Sources without a read younger than their staleAfter. */
  readonly staleSources: readonly string[];
  readonly sources: number;
  /** Chains whose head has not moved for their haltAfter, as "name (id)"; present only when there are some. */
  readonly haltedChains?: readonly string[];
  /** Each configured chat platform's connection (absent when none is configured). */
  readonly platforms?: Readonly<Record<string, PlatformStatusReport>>;
}

export interface HealthOptions {
  readonly snapshot: Snapshot;
  /** Wall clock, unix ms. */
  readonly now: number;
  /** The last cycle must have finished within this many seconds. */
  readonly maxCycleAgeSeconds: number;
  readonly stopping?: boolean;
  /** The configured platforms' connections; one that is not up makes the service degraded. */
  readonly platforms?: Readonly<Record<string, PlatformStatusReport>>;
}

/**
 * Judges the service from its snapshot. Unhealthy (503) when it is shutting down, when no cycle has
 * finished since the start, when the last cycle finished longer ago than `maxCycleAgeSeconds` (the schedule
 * stopped, or a cycle hangs), or when every source is stale (no RPC answers: the figures are all old).
 * Some stale sources are `degraded` but healthy: the others still answer, and restarting would not help.
 * So is a chat platform that is down or stopped: polling and the other platforms go on without it.
 */
export function assessHealth(options: HealthOptions): HealthReport {
  const { snapshot, now } = options;
  const staleSources = snapshot.sources.filter((s) => isStale(s, now)).map((s) => s.id);
  const last = snapshot.lastCycle;
  const lastCycle = last ? { finishedAt: new Date(last.finishedAt).toISOString(), ageSeconds: Math.max(0, Math.round((now - last.finishedAt) / 1000)) } : undefined;
  const platforms = options.platforms ?? {};
  const base = { staleSources, sources: snapshot.sources.length, ...(lastCycle ? { lastCycle } : {}), ...(options.platforms ? { platforms } : {}) };
  const unhealthy = (reason: string): HealthReport => ({ status: 'unhealthy', reason, ...base });

  if (options.stopping) return unhealthy('shutting down');
  if (!lastCycle) return unhealthy('no poll cycle has finished since the start');
  if (lastCycle.ageSeconds > options.maxCycleAgeSeconds) {
    return unhealthy(`the last poll cycle finished ${lastCycle.ageSeconds} s ago, more than ${options.maxCycleAgeSeconds} s: the schedule is not running or a cycle hangs`);
  }
  if (snapshot.sources.length > 0 && staleSources.length === snapshot.sources.length) {
    return unhealthy('every source is stale: no good read within its staleAfter (are the RPCs reachable? see /status)');
  }
  // A halted chain is degraded, not unhealthy: the bot works and reports the halt; restarting would not help.
  const halted = haltedChains(snapshot).map((c) => `${c.name} (${c.id})`);
  const platformsNotUp = Object.entries(platforms)
    .filter(([, p]) => p.state !== 'up')
    .map(([name, p]) => `${name} ${p.state}${p.lastError && p.state !== 'starting' ? `: ${p.lastError}` : ''}`);
  const degraded = [
    ...(staleSources.length > 0 ? [`stale: ${staleSources.join(', ')}`] : []),
    ...(halted.length > 0 ? [`no new block on ${halted.join(', ')}`] : []),
    ...platformsNotUp,
  ];
  if (degraded.length > 0) return { status: 'degraded', reason: degraded.join('; '), ...base, ...(halted.length > 0 ? { haltedChains: halted } : {}) };
  return { status: 'ok', ...base };
}
