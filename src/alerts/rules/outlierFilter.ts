/**
 * Holds back a reading that jumps implausibly (more than `factor` times, or less than 1/factor of, the last
 * accepted one, while that one is recent) until it repeats: a glitch in a contract read or a one-block
 * manipulation should not alert. Against an old reference a big move is plausible, so it is simply accepted.
 */
export interface OutlierState {
  readonly accepted?: number;
  /** When `accepted` was taken (ms). States stored before it existed have none and count as old. */
  readonly acceptedAt?: number;
  readonly held?: number;
}

export interface OutlierParams {
  /** A reading more than this many times (or under 1/this of) the reference is an outlier. */
  readonly factor: number;
  /** The reference counts only while it is at most this old (ms); an older one is replaced. */
  readonly windowMs: number;
}

export interface OutlierStep {
  readonly state: OutlierState;
  /** The reading to use, or undefined while it is held back (flagged as an outlier). */
  readonly value?: number;
}

/** Two readings within this relative distance count as the same (the jump repeated). */
const REPEAT_TOLERANCE = 0.2;

const jumps = (from: number, to: number, factor: number) => {
  if (from === 0 || to === 0) return false;
  if (Math.sign(from) !== Math.sign(to)) return Math.abs(to - from) > Math.abs(from) * factor;
  const ratio = to / from;
  return ratio > factor || ratio < 1 / factor;
};

/**
 * One reading through the screen: accepted (and the new reference), or held back and flagged.
 * @param now the reading's time (ms), kept with an accepted reading to age it.
 * @example screenOutlier({ accepted: 0.1, acceptedAt: now - 3_600_000 }, 0.9, { factor: 5, windowMs: 21_600_000 }, now) // held: value undefined
 */
export function screenOutlier(state: OutlierState, value: number, params: OutlierParams, now: number): OutlierStep {
  const accept: OutlierStep = { state: { accepted: value, acceptedAt: now }, value };
  const { accepted, acceptedAt } = state;
  if (accepted === undefined || acceptedAt === undefined || now - acceptedAt > params.windowMs) return accept;
  if (!jumps(accepted, value, params.factor)) return accept;
  if (state.held !== undefined && Math.abs(value - state.held) <= Math.abs(state.held) * REPEAT_TOLERANCE) return accept;
  return { state: { accepted, acceptedAt, held: value } };
}
