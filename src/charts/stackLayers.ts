/** Values stacked on one another at shared times: the base by operator, say. */
export interface StackedAreas {
  /** Unix seconds, ascending; every layer has one value per time. */
  readonly times: readonly number[];
  /** Bottom of the stack first. */
  readonly layers: readonly StackLayer[];
}

export interface StackLayer {
  readonly label: string;
  /** A CSS colour. */
  readonly color: string;
  /** One value per time, not negative. */
  readonly values: readonly number[];
}

/** A layer placed on the stack: at each time it fills from `low` (the layers below) to `high`. */
export interface StackedBand {
  readonly label: string;
  readonly color: string;
  readonly points: readonly { readonly time: number; readonly low: number; readonly high: number }[];
}

/**
 * Places each layer on the ones below it: the first layer from 0, each next one from the top of the previous,
 * so the top of the last layer is the total at each time.
 * @throws RangeError when a layer has not exactly one value per time.
 * @example stackLayers({ times: [1], layers: [{ values: [2] }, { values: [3] }] }) // bands 0–2 and 2–5
 */
export function stackLayers(stack: StackedAreas): StackedBand[] {
  const floor = stack.times.map(() => 0);
  return stack.layers.map((layer) => {
    if (layer.values.length !== stack.times.length) throw new RangeError(`layer ${layer.label} has ${layer.values.length} values for ${stack.times.length} times`);
    const points = stack.times.map((time, i) => {
      const low = floor[i]!;
      floor[i] = low + layer.values[i]!;
      return { time, low, high: floor[i]! };
    });
    return { label: layer.label, color: layer.color, points };
  });
}
