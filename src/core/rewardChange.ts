import { combine, missing, type Figure } from './figure.ts';
import { ratio } from './units.ts';

/** A change of rewardPerBlock: both amounts at one rounding, the relative change, the APR before and after. */
export interface RewardChange {
  /** Old and new reward per block as decimal text with the same number of decimals ('0.0125', '0.0150'). */
  readonly oldText: string;
  readonly newText: string;
  /** new ÷ old − 1 (0.2 = up 20 %); 'zero-base' when the old reward was 0. */
  readonly change: Figure;
}

/** Fixed-point `value` (with `decimals`) rounded half up to `digits` decimals, as text. */
function roundedText(value: bigint, decimals: number, digits: number): string {
  const drop = decimals - digits;
  const scaled = drop > 0 ? (value + 5n * 10n ** BigInt(drop - 1)) / 10n ** BigInt(drop) : value * 10n ** BigInt(-drop);
  const text = scaled.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Decimals that give the smaller non-zero amount three significant digits (at least 2, at most `decimals`). */
function sharedDigits(amounts: readonly bigint[], decimals: number): number {
  const smallest = amounts.filter((a) => a > 0n).reduce<bigint | undefined>((min, a) => (min === undefined || a < min ? a : min), undefined);
  if (smallest === undefined) return 2;
  // A number with n integer digits in fixed point has (n − decimals) digits before the point.
  const leading = smallest.toString().length - decimals;
  return Math.min(decimals, Math.max(2, 3 - leading));
}

/**
 * Describes a reward change from the raw amounts (wei), in bigint until the text: both rounded to the same
 * decimals, enough for three significant digits of the smaller one, so the two read side by side.
 * @example rewardChange(12_478_422_370_000_000n, 15_000_000_000_000_000n, 18) // { oldText: '0.0125', newText: '0.0150', change: ≈ 0.2021 }
 */
export function rewardChange(oldRaw: bigint, newRaw: bigint, decimals: number): RewardChange {
  const digits = sharedDigits([oldRaw, newRaw], decimals);
  const growth = ratio(newRaw, oldRaw);
  return {
    oldText: roundedText(oldRaw, decimals, digits),
    newText: roundedText(newRaw, decimals, digits),
    change: oldRaw === 0n ? missing('zero-base') : combine(growth, growth, (g) => g - 1),
  };
}

/**
 * The nominal APR at another rewardPerBlock, all else (locked METIS, block time) as now: the APR is
 * proportional to the reward, so APR × reward ÷ current reward.
 * @example aprAtReward(figure(0.2355), figure(0.015), 0.0125) // ≈ 0.19625
 */
export function aprAtReward(nominalApr: Figure, currentReward: Figure, reward: number): Figure {
  if (currentReward.ok && currentReward.value === 0) return missing('zero-base');
  return combine(nominalApr, currentReward, (apr, current) => (apr * reward) / current);
}
