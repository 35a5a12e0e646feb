import { missing, type Figure } from './figure.ts';
import { ratio } from './units.ts';

/**
 * A part of the base (METIS wei) as a fraction of it, divided in bigint.
 * @example shareOfBase(250_000n * 10n ** 18n, 1_000_000n * 10n ** 18n) // { ok: true, value: 0.25 }
 */
export function shareOfBase(part: bigint, base: bigint): Figure {
  if (base <= 0n) return missing('zero-base');
  return ratio(part, base);
}

/** An amount of the base held under one name (an operator, or a protocol grouping several sequencers). */
export interface BaseHolding {
  readonly key: string;
  readonly amount: bigint;
}

/**
 * Sums holdings by key, largest first (ties by key, so the order never depends on the input's).
 * @example groupHoldings([{ key: 'a', amount: 1n }, { key: 'b', amount: 5n }, { key: 'a', amount: 3n }]) // [{ key: 'b', amount: 5n }, { key: 'a', amount: 4n }]
 */
export function groupHoldings(holdings: readonly BaseHolding[]): BaseHolding[] {
  const sums = new Map<string, bigint>();
  for (const h of holdings) sums.set(h.key, (sums.get(h.key) ?? 0n) + h.amount);
  return [...sums]
    .map(([key, amount]) => ({ key, amount }))
    .sort((a, b) => (a.amount === b.amount ? a.key.localeCompare(b.key) : a.amount > b.amount ? -1 : 1));
}

/**
 * Income of one sequencer over a window, METIS wei: its unclaimed `reward` now minus at the window's start, plus
 * what it claimed in between (a claim lowers `reward` by what it pays). Undefined when the sum is negative: the
 * reward left otherwise than by a claim (relocked into the stake), so this window's income cannot be told.
 * @example sequencerIncome({ rewardNow: 30n, rewardThen: 100n, claimed: 120n }) // 50n
 */
export function sequencerIncome(p: { rewardNow: bigint; rewardThen: bigint; claimed: bigint }): bigint | undefined {
  const income = p.rewardNow - p.rewardThen + p.claimed;
  return income < 0n ? undefined : income;
}

/**
 * How many METIS of claims each METIS of base NOT run by the claims' issuers carries: claimsInBase / (base −
 * baseRunByIssuers), all in METIS. Leverage counts the issuers' own sequencers in the base; this ratio does not,
 * because that METIS is the issuers' deposits, the very METIS the claims are on.
 * @example rootedRatio({ claimsInBase: 1_100_000, base: 2_000_000, baseRunByIssuers: 900_000 }) // { ok: true, value: 1 }
 */
export function rootedRatio(p: { claimsInBase: number; base: number; baseRunByIssuers: number }): Figure {
  const independent = p.base - p.baseRunByIssuers;
  if (!(independent > 0)) return missing('zero-base');
  const value = p.claimsInBase / independent;
  return Number.isFinite(value) ? { ok: true, value } : missing('not-finite');
}
