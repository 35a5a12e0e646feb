import { atLeastTotalLoss } from './compounding.ts';

/**
 * A looped position: deposit, borrow `ltv` of it, deposit the loan, and again `loops` times. Every amount is
 * relative to the starting capital (1 = what you put in). The borrowed asset is assumed to be the one the
 * staked token is a claim on (METIS against seMetis), so the debt grows at the borrow APR and the collateral
 * at the stake APY.
 */

/**
 * Exposure M = Σ_{i=0..loops} ltv^i: how much is staked per unit of own capital; `Infinity` loops give 1 / (1 − ltv).
 * Summed term by term (not the closed form) and capped at the limit 1 / (1 − ltv), so it grows with ltv and
 * with loops even in floating point.
 * @throws RangeError for ltv outside [0, 1) or loops not a non-negative integer (or Infinity).
 * @example loopExposure(0.7, 3) // 1 + 0.7 + 0.49 + 0.343 = 2.533
 * @example loopExposure(0.5, Infinity) // 2
 */
export function loopExposure(ltv: number, loops: number): number {
  if (!(ltv >= 0 && ltv < 1)) throw new RangeError(`ltv must be in [0, 1), got ${ltv}`);
  const limit = 1 / (1 - ltv);
  if (loops === Infinity) return limit;
  if (!Number.isInteger(loops) || loops < 0) throw new RangeError(`loops must be a non-negative integer, got ${loops}`);
  let sum = 1;
  let term = 1;
  for (let i = 1; i <= loops && term > 0; i++) {
    term *= ltv;
    sum += term;
  }
  // Rounding can put the sum an ulp above its limit; capped, more loops never exceed infinitely many.
  return Math.min(sum, limit);
}

/**
 * Net APY of a loop on the own capital: M × stakeAPY − (M − 1) × borrowAPR (an approximation: both rates
 * taken as yearly growth of their side, no liquidation, no fees). Never below −1 (−100 %): the own capital is
 * all a loop can lose; a debt beyond the collateral is the lender's loss (the position is liquidated first).
 * @example loopNetApy({ exposure: 2.533, stakeApy: 0.12, borrowApr: 0.045 }) // 0.30396 − 0.068985 = 0.234975
 * @example loopNetApy({ exposure: 2.533, stakeApy: -1, borrowApr: 0.045 }) // −1 (−2.533 − 0.068985 bounded)
 */
export function loopNetApy(p: { readonly exposure: number; readonly stakeApy: number; readonly borrowApr: number }): number {
  return atLeastTotalLoss(p.exposure * p.stakeApy - (p.exposure - 1) * p.borrowApr);
}

/** Where a loop gets liquidated. */
export interface LiquidationPoint {
  /**
   * The fall of the collateral's price against the debt asset that brings debt / collateral to the
   * liquidation threshold: d = 1 − (M − 1) / (M × LT), in [0, 1). Undefined when there is no debt (M = 1).
   */
  readonly depeg: number | undefined;
  /** The position is liquidatable as it stands (LT at or below its own debt / collateral); depeg is then 0. */
  readonly immediate: boolean;
  /** Debt / collateral at today's prices: (M − 1) / M (0 without debt). */
  readonly debtRatio: number;
}

/**
 * The depeg that liquidates a loop of exposure M at liquidation threshold LT. Debt M − 1 against collateral
 * M × (1 − d): liquidated when (M − 1) / (M × (1 − d)) ≥ LT.
 * @throws RangeError for M < 1 or LT outside (0, 1].
 * @example liquidatingDepeg({ exposure: 2.533, liquidationThreshold: 0.8 }) // depeg 1 − 1.533 / 2.0264 ≈ 0.24349
 * @example liquidatingDepeg({ exposure: 5, liquidationThreshold: 0.7 }) // immediate: debtRatio 4 / 5 = 0.8 ≥ 0.7
 */
export function liquidatingDepeg(p: { readonly exposure: number; readonly liquidationThreshold: number }): LiquidationPoint {
  const { exposure: m, liquidationThreshold: lt } = p;
  if (!(m >= 1) || m === Infinity) throw new RangeError(`exposure must be a finite number ≥ 1, got ${m}`);
  if (!(lt > 0 && lt <= 1)) throw new RangeError(`liquidation threshold must be in (0, 1], got ${lt}`);
  if (m === 1) return { depeg: undefined, immediate: false, debtRatio: 0 };
  const debtRatio = (m - 1) / m;
  const depeg = 1 - debtRatio / lt;
  if (depeg <= 0) return { depeg: 0, immediate: true, debtRatio };
  return { depeg: Math.min(depeg, 1 - Number.EPSILON / 2), immediate: false, debtRatio };
}
