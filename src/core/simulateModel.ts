import { effectiveApy, projectAtApr, projectAtApy, stressedApy, stressedRate, yearsOf, type Compounding } from './compounding.ts';
import { liquidatingDepeg, loopExposure, loopNetApy, type LiquidationPoint } from './loopPosition.ts';
import type { StrategyRate } from './strategyRate.ts';

/** Rate-drop stresses: every rate 25 % and 50 % lower. */
export const STRESS_DROPS = [0.25, 0.5] as const;

/** What is projected: an amount over a horizon, an APR compounded as chosen. */
export interface Projection {
  readonly amount: number;
  readonly seconds: number;
  readonly compound: Compounding;
}

/** The terms of a loop: loan-to-value per loop, how many loops, the borrow APR and the market's liquidation threshold. */
export interface LoopTerms {
  readonly ltv: number;
  readonly loops: number;
  readonly borrowApr: number;
  readonly liquidationThreshold: number;
}

/** One projection: the final amount and the yearly growth it reflects. */
export interface Outcome {
  readonly final: number;
  readonly apy: number;
}

/**
 * The stake APY of a strategy lowered by `drop`: a share-price APY as it is, an APR compounded as chosen (both at least −100 %).
 * @example stakeApy({ kind: 'apr', value: 0.12, label: '' }, 'monthly', 0) // 1.01^12 − 1 ≈ 0.126825
 */
export function stakeApy(rate: StrategyRate, compound: Compounding, drop: number): number {
  return rate.kind === 'apr' ? effectiveApy(stressedRate(rate.value, drop), compound) : stressedApy(rate.value, drop);
}

/** A strategy held (no borrowing) at its rate lowered by `drop`. */
function holdOutcome(rate: StrategyRate, p: Projection, drop: number): Outcome {
  const years = yearsOf(p.seconds);
  if (rate.kind === 'apr') {
    const r = stressedRate(rate.value, drop);
    return { final: projectAtApr(p.amount, r, years, p.compound), apy: effectiveApy(r, p.compound) };
  }
  const apy = stressedApy(rate.value, drop);
  return { final: projectAtApy(p.amount, apy, years), apy };
}

/**
 * A strategy held: index 0 at its current rate, then one outcome per STRESS_DROPS entry.
 * @example holdOutcomes({ kind: 'apy', value: 0.1, label: '', baseToken: 'METIS' }, { amount: 1000, seconds: 2 * YEAR_SECONDS, compound: 'daily' })[0] // { final: 1210, apy: 0.1 }
 */
export function holdOutcomes(rate: StrategyRate, p: Projection): Outcome[] {
  return [0, ...STRESS_DROPS].map((drop) => holdOutcome(rate, p, drop));
}

/**
 * A strategy looped at `exposure` (see loopExposure): the net APY on the own capital, at the current stake rate
 * then one per STRESS_DROPS entry (the stake rate falls, the borrow rate stays).
 */
export function loopOutcomes(rate: StrategyRate, p: Projection, exposure: number, borrowApr: number): Outcome[] {
  return [0, ...STRESS_DROPS].map((drop) => {
    const net = loopNetApy({ exposure, stakeApy: stakeApy(rate, p.compound, drop), borrowApr });
    return { final: projectAtApy(p.amount, net, yearsOf(p.seconds)), apy: net };
  });
}

/** A loop's size for an amount: exposure, what is staked and borrowed (in the debt token), where it is liquidated. */
export interface LoopPlan {
  readonly exposure: number;
  readonly staked: number;
  readonly borrowed: number;
  readonly liquidation: LiquidationPoint;
}

/**
 * The loop an amount becomes under `terms`.
 * @example loopPlan(1000, { ltv: 0.7, loops: 3, borrowApr: 0.05, liquidationThreshold: 0.8 }) // exposure 2.533, staked 2533, borrowed 1533
 */
export function loopPlan(amount: number, terms: LoopTerms): LoopPlan {
  const exposure = loopExposure(terms.ltv, terms.loops);
  const staked = exposure * amount;
  return { exposure, staked, borrowed: staked - amount, liquidation: liquidatingDepeg({ exposure, liquidationThreshold: terms.liquidationThreshold }) };
}

/** Ranked by the final amount at current rates, highest first; rows without outcomes last, in their given order. */
export function rankByFinal<T extends { readonly outcomes?: readonly Outcome[] }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const fa = a.row.outcomes?.[0]?.final;
      const fb = b.row.outcomes?.[0]?.final;
      if (fa === undefined || fb === undefined) return fa === undefined ? (fb === undefined ? a.index - b.index : 1) : -1;
      return fb - fa || a.index - b.index;
    })
    .map(({ row }) => row);
}
