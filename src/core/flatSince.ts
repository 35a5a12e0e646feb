/** One reading of a quantity that only grows while things work (a sequencer's reward earned to date). */
export interface GrowthPoint {
  /** Unix seconds. */
  readonly time: number;
  readonly value: bigint;
}

/**
 * Since when a growing quantity has stood still: the time of the first reading of the final run of equal values,
 * oldest first in `points`. Undefined when it grew at the latest reading or there is only one reading (nothing
 * to compare). When every reading is equal, the answer is the oldest reading's time: "flat since at least then".
 * @example flatSince([{ time: 0, value: 1n }, { time: 10, value: 2n }, { time: 20, value: 2n }]) // 10
 * @example flatSince([{ time: 0, value: 1n }, { time: 10, value: 2n }]) // undefined (it just grew)
 */
export function flatSince(points: readonly GrowthPoint[]): number | undefined {
  if (points.length < 2) return undefined;
  const last = points[points.length - 1]!;
  let first = points.length - 1;
  while (first > 0 && points[first - 1]!.value === last.value) first -= 1;
  return first === points.length - 1 ? undefined : points[first]!.time;
}
