import { figure, missing, type Figure } from './figure.ts';

/** One reading of a quantity that holds until the next reading (a step function), at a time in seconds. */
export interface StepPoint {
  readonly time: number;
  readonly value: number;
}

/**
 * The time-weighted mean over [from, to] of a quantity read at `points` (oldest first), each value holding
 * until the next point. Before the first point the first value stands in: it is the earliest thing known.
 * No point at or before `to` is 'no-data'; an empty window is 'not-enough-history'.
 * @example timeWeightedMean([{ time: 0, value: 100 }, { time: 50, value: 200 }], 0, 100) // { ok: true, value: 150 }
 */
export function timeWeightedMean(points: readonly StepPoint[], from: number, to: number): Figure {
  if (!(to > from)) return missing('not-enough-history');
  const inWindow = points.filter((p) => p.time <= to && Number.isFinite(p.value));
  if (inWindow.length === 0) return missing('no-data');
  let area = 0;
  // The value in force at `from`: the newest point at or before it, else the first point.
  let value = inWindow[0]!.value;
  let since = from;
  for (const point of inWindow) {
    if (point.time <= from) {
      value = point.value;
      continue;
    }
    area += value * (point.time - since);
    value = point.value;
    since = point.time;
  }
  area += value * (to - since);
  return figure(area / (to - from));
}
