import { figure, missing, type Figure } from './figure.ts';
import { ratio, YEAR_SECONDS } from './units.ts';

/** An L2 block number with its timestamp (unix seconds). */
export interface BlockPoint {
  readonly number: bigint;
  readonly time: number;
}

/**
 * Average seconds per block between two blocks; needs the head strictly after the past block in both number and time.
 * @example averageBlockTime({ number: 1000n, time: 0 }, { number: 1600n, time: 2400 }) // { ok: true, value: 4 }
 */
export function averageBlockTime(past: BlockPoint, head: BlockPoint): Figure {
  const blocks = head.number - past.number;
  const seconds = head.time - past.time;
  if (blocks <= 0n || !(seconds > 0)) return missing('not-enough-history');
  return figure(seconds / Number(blocks));
}

/**
 * Blocks produced in a 365-day year at the given block time.
 * @example blocksPerYear(4) // { ok: true, value: 7_884_000 }
 */
export function blocksPerYear(blockTimeSeconds: number): Figure {
  if (!(blockTimeSeconds > 0)) return missing('not-finite');
  return figure(YEAR_SECONDS / blockTimeSeconds);
}

// Block times and windows are carried as integer micro-seconds so the whole division stays in bigint.
const MICRO = 1_000_000;

function toMicroseconds(seconds: number): bigint | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const micro = Math.round(seconds * MICRO);
  return micro > 0 ? BigInt(micro) : undefined;
}

/**
 * What the contract promises now: rewardPerBlock × blocksPerYear / totalLocked (both METIS wei).
 * @example sequencerNominalApr({ rewardPerBlock: 2n * 10n ** 16n, totalLocked: 10n ** 24n, blockTimeSeconds: 4 }) // 0.15768
 */
export function sequencerNominalApr(p: { rewardPerBlock: bigint; totalLocked: bigint; blockTimeSeconds: number }): Figure {
  if (p.totalLocked === 0n) return missing('zero-base');
  const blockMicro = toMicroseconds(p.blockTimeSeconds);
  if (blockMicro === undefined) return missing('not-finite');
  // rewardPerBlock × (YEAR × 1e6 / blockMicro) / totalLocked, with one division at the end.
  return ratio(p.rewardPerBlock * BigInt(YEAR_SECONDS * MICRO), blockMicro * p.totalLocked);
}

/**
 * What was paid per METIS locked: rewardsInWindow / averageLocked × (YEAR_SECONDS / windowSeconds), where
 * averageLocked is the time-weighted mean of totalLocked over the window (a lock or an exit inside the window
 * would otherwise distort what each locked METIS earned).
 * @example sequencerRealizedApr({ rewardsInWindow: 432n * 10n ** 18n, averageLocked: 10n ** 24n, windowSeconds: 86_400 }) // 0.15768
 */
export function sequencerRealizedApr(p: { rewardsInWindow: bigint; averageLocked: bigint; windowSeconds: number }): Figure {
  const windowMicro = toMicroseconds(p.windowSeconds);
  if (windowMicro === undefined) return missing('not-enough-history');
  if (p.averageLocked <= 0n) return missing('zero-base');
  return ratio(p.rewardsInWindow * BigInt(YEAR_SECONDS * MICRO), windowMicro * p.averageLocked);
}
