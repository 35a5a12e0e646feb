/**
 * The state machine every threshold rule shares: a measure (|depeg| in bps, APY drop severity, leverage
 * change in %) moves a (chat, rule, source) between ok, warning and critical. Pure: state in, state and at
 * most one transition out, so sequences are tested by hand and the state is stored as JSON.
 */
export type Level = 'ok' | 'warning' | 'critical';
export type TransitionKind = 'fire' | 'escalate' | 'recover';

export interface LevelState {
  readonly level: Level;
  /** A different level seen for `count` consecutive cycles, not yet confirmed. */
  readonly pending?: { readonly level: Level; readonly count: number };
  /** Counts fired alerts: with the transition it makes the outbox idempotency key (alert id). */
  readonly seq: number;
  readonly since?: number;
  readonly recoveredAt?: number;
  /** The measure when the state last changed (for /alerts and messages). */
  readonly value?: number;
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
}

export interface LevelStep {
  readonly state: LevelState;
  readonly transition?: LevelTransition;
}

export const initialLevelState: LevelState = { level: 'ok', seq: 0 };

const rank: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };

/**
 * One cycle of a threshold rule.
 * @example stepLevel(initialLevelState, 80, { warning: 50, critical: 200, clear: 30, cycles: 1, cooldownMs: 0 }, now)
 *          // → level 'warning', transition fire
 */
export function stepLevel(state: LevelState, measure: number, params: LevelParams, now: number): LevelStep {
  const observed: Level = params.critical !== undefined && measure >= params.critical ? 'critical' : measure >= params.warning ? 'warning' : 'ok';
  let target: Level;
  if (state.level === 'ok') target = observed;
  else if (measure < params.clear) target = 'ok';
  // Open: never steps down from critical to warning (no repeat), only escalates or clears.
  else target = rank[observed] > rank[state.level] ? observed : state.level;

  if (target === state.level) {
    const { pending: _pending, ...rest } = state;
    return { state: rest };
  }
  const count = state.pending?.level === target ? state.pending.count + 1 : 1;
  const inCooldown = state.level === 'ok' && state.recoveredAt !== undefined && now - state.recoveredAt < params.cooldownMs;
  if (count < params.cycles || inCooldown) return { state: { ...state, pending: { level: target, count } } };

  const kind: TransitionKind = target === 'ok' ? 'recover' : state.level === 'ok' ? 'fire' : 'escalate';
  const next: LevelState = {
    level: target,
    seq: kind === 'fire' ? state.seq + 1 : state.seq,
    since: now,
    value: measure,
    ...(kind === 'recover' ? { recoveredAt: now } : state.recoveredAt !== undefined ? { recoveredAt: state.recoveredAt } : {}),
  };
  return { state: next, transition: { kind, from: state.level, to: target } };
}
