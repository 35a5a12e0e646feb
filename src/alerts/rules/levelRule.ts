/**
 * The state machine every threshold rule shares: a measure (|depeg| in bps, APY drop severity, leverage
 * change in %) moves a (chat, rule, source) between ok, warning and critical. Pure: state in, state and at
 * most one transition out, so sequences are tested by hand and the state is stored as JSON.
 */
export type Level = 'ok' | 'warning' | 'critical';
export type TransitionKind = 'fire' | 'escalate' | 'recover';

/** The worst reading of an episode: the largest measure, the reading behind it (signed bps, an APY, …) and when. */
export interface WorstReading {
  readonly measure: number;
  readonly reading: number;
  readonly at: number;
}

export interface LevelState {
  readonly level: Level;
  /**
   * A different level seen for `count` consecutive cycles, not yet confirmed; `since` (ms) is when a condition
   * first crossed from ok (kept while it escalates before it fires; absent in states stored before it existed).
   */
  readonly pending?: { readonly level: Level; readonly count: number; readonly since?: number };
  /** Counts fired alerts: with the transition it makes the outbox idempotency key (alert id). */
  readonly seq: number;
  readonly since?: number;
  readonly recoveredAt?: number;
  /** The measure when the state last changed (for /alerts and messages). */
  readonly value?: number;
  /** When the open episode's condition first crossed (ms): before the K cycles that confirmed it. */
  readonly startedAt?: number;
  /** The open episode's worst reading so far. */
  readonly worst?: WorstReading;
}

export interface LevelParams {
  /** The measure at or above which the rule fires a warning. */
  readonly warning: number;
  /** At or above this it is critical (escalates from warning); absent for one-level rules. */
  readonly critical?: number;
  /** An open alert clears only once the measure is below this (looser than warning: hysteresis). */
  readonly clear: number;
  /** Consecutive cycles a new level must be seen before it counts (firing and clearing alike). */
  readonly cycles: number;
  /** After a recovery, no new alert for this long (ms); the condition stays pending until then. */
  readonly cooldownMs: number;
}

export interface LevelTransition {
  readonly kind: TransitionKind;
  readonly from: Level;
  readonly to: Level;
  /**
   * When the episode's condition first crossed (ms); for a recovery, of the episode that ends. Absent only for
   * a recovery of an alert stored before this was kept.
   */
  readonly startedAt?: number;
  /** The episode's worst reading (for a recovery: before it cleared); absent as startedAt. */
  readonly worst?: WorstReading;
}

export interface LevelStep {
  readonly state: LevelState;
  readonly transition?: LevelTransition;
}

export const initialLevelState: LevelState = { level: 'ok', seq: 0 };

const rank: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };

/** The worse of a stored worst reading and this cycle's (a larger measure; the earlier one on a tie). */
function worse(stored: WorstReading | undefined, measure: number, reading: number, now: number): WorstReading {
  return stored !== undefined && stored.measure >= measure ? stored : { measure, reading, at: now };
}

/**
 * One cycle of a threshold rule.
 * @param reading what the measure was taken from, for the worst reading (signed bps for |bps|, the APY behind a
 *        drop severity); the measure itself by default.
 * @example stepLevel(initialLevelState, 80, { warning: 50, critical: 200, clear: 30, cycles: 1, cooldownMs: 0 }, now)
 *          // → level 'warning', transition fire
 */
export function stepLevel(state: LevelState, measure: number, params: LevelParams, now: number, reading = measure): LevelStep {
  const observed: Level = params.critical !== undefined && measure >= params.critical ? 'critical' : measure >= params.warning ? 'warning' : 'ok';
  let target: Level;
  if (state.level === 'ok') target = observed;
  else if (measure < params.clear) target = 'ok';
  // Open: never steps down from critical to warning (no repeat), only escalates or clears.
  else target = rank[observed] > rank[state.level] ? observed : state.level;

  // Kept while open and while a new condition waits for its K cycles; an ok state without pending has none.
  // An alert opened before episodes were kept (no startedAt) has no worst to report: none is made up.
  const open = state.level !== 'ok';
  const tracked = open ? state.startedAt !== undefined : target !== 'ok';
  const worst = tracked ? worse(state.worst, measure, reading, now) : undefined;
  if (target === state.level) {
    const { pending: _pending, worst: _worst, ...rest } = state;
    return { state: worst === undefined ? rest : { ...rest, worst } };
  }
  const count = state.pending?.level === target ? state.pending.count + 1 : 1;
  // A condition crossing from ok starts when first seen, and keeps that start if it worsens before it fires.
  const crossedAt = open ? undefined : (state.pending !== undefined && state.pending.level !== 'ok' ? state.pending.since : undefined) ?? now;
  const inCooldown = state.level === 'ok' && state.recoveredAt !== undefined && now - state.recoveredAt < params.cooldownMs;
  if (count < params.cycles || inCooldown) {
    const pending = { level: target, count, ...(crossedAt === undefined ? {} : { since: crossedAt }) };
    return { state: { ...state, pending, ...(worst === undefined ? {} : { worst }) } };
  }

  const kind: TransitionKind = target === 'ok' ? 'recover' : state.level === 'ok' ? 'fire' : 'escalate';
  const startedAt = kind === 'fire' ? crossedAt : state.startedAt;
  const next: LevelState = {
    level: target,
    seq: kind === 'fire' ? state.seq + 1 : state.seq,
    since: now,
    value: measure,
    ...(kind === 'recover' ? { recoveredAt: now } : state.recoveredAt !== undefined ? { recoveredAt: state.recoveredAt } : {}),
    ...(kind === 'recover' || startedAt === undefined ? {} : { startedAt }),
    ...(kind === 'recover' || worst === undefined ? {} : { worst }),
  };
  // A recovery reports the episode that ends: its start and its worst before this (better) reading.
  const episode = kind === 'recover' ? { startedAt: state.startedAt, worst: state.worst } : { startedAt, worst };
  return {
    state: next,
    transition: {
      kind,
      from: state.level,
      to: target,
      ...(episode.startedAt === undefined ? {} : { startedAt: episode.startedAt }),
      ...(episode.worst === undefined ? {} : { worst: episode.worst }),
    },
  };
}
