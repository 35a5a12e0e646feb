/**
 * Holds back a reading that jumps implausibly (more than `factor` times, or less than 1/factor of, the last
 * accepted one) until it repeats: a glitch in a contract read or a one-block manipulation should not alert.
 */
export interface OutlierState {
  readonly accepted?: number;
  readonly held?: number;
}

export interface OutlierStep {
  readonly state: OutlierState;
  /** The reading to use, or undefined while it is held back. */
  readonly value?: number;
  readonly flagged: boolean;
}

/** Two readings within this relative distance count as the same (the jump repeated). */
const REPEAT_TOLERANCE = 0.2;

const jumps = (from: number, to: number, factor: number) => {
  if (from === 0 || to === 0) return false;
  if (Math.sign(from) !== Math.sign(to)) return Math.abs(to - from) > Math.abs(from) * factor;
  const ratio = to / from;
  return ratio > factor || ratio < 1 / factor;
};

export function screenOutlier(state: OutlierState, value: number, factor: number): OutlierStep {
  if (state.accepted === undefined || !jumps(state.accepted, value, factor)) return { state: { accepted: value }, value, flagged: false };
  if (state.held !== undefined && Math.abs(value - state.held) <= Math.abs(state.held) * REPEAT_TOLERANCE) {
    return { state: { accepted: value }, value, flagged: false };
  }
  return { state: { accepted: state.accepted, held: value }, flagged: true };
}
