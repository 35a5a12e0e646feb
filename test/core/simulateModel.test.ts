import { describe, expect, it } from 'vitest';
import { holdOutcomes, loopOutcomes, loopPlan, rankByFinal, stakeApy } from '../../src/core/simulateModel.ts';
import type { StrategyRate } from '../../src/core/strategyRate.ts';

const YEAR = 31_536_000;
const apy = (value: number): StrategyRate => ({ kind: 'apy', value, label: '7 d share-price APY', baseToken: 'METIS' });
const apr = (value: number): StrategyRate => ({ kind: 'apr', value, label: 'nominal APR' });

describe('holdOutcomes', () => {
  it('GIVEN a 10 % APY for 2 years THEN 1000 × 1.1² = 1210, then the stresses 7.5 % and 5 %', () => {
    const [now, less25, less50] = holdOutcomes(apy(0.1), { amount: 1000, seconds: 2 * YEAR, compound: 'daily' });
    expect(now!.apy).toBe(0.1);
    expect(now!.final).toBeCloseTo(1210, 9);
    // 0.1 − 0.25 × 0.1 = 0.075: 1000 × 1.075² = 1155.625
    expect(less25!.apy).toBeCloseTo(0.075, 15);
    expect(less25!.final).toBeCloseTo(1155.625, 9);
    // 0.1 − 0.5 × 0.1 = 0.05: 1000 × 1.05² = 1102.5
    expect(less50!.apy).toBeCloseTo(0.05, 15);
    expect(less50!.final).toBeCloseTo(1102.5, 9);
  });

  it('GIVEN a 12 % APR compounded monthly for a year THEN 1.01^12, 1.0075^12 and 1.005^12 (the APR is stressed before compounding)', () => {
    const [now, less25, less50] = holdOutcomes(apr(0.12), { amount: 1000, seconds: YEAR, compound: 'monthly' });
    // (1 + 0.12/12)^12 − 1 = 1.01^12 − 1 = 0.1268250301319698
    expect(now!.apy).toBeCloseTo(0.1268250301319698, 14);
    expect(now!.final).toBeCloseTo(1126.8250301319698, 9);
    // APR 0.09: (1 + 0.09/12)^12 − 1 = 1.0075^12 − 1 = 0.0938068976709838
    expect(less25!.apy).toBeCloseTo(0.0938068976709838, 14);
    expect(less25!.final).toBeCloseTo(1093.806897670984, 9);
    // APR 0.06: 1.005^12 − 1 = 0.0616778118644983
    expect(less50!.apy).toBeCloseTo(0.0616778118644983, 14);
    expect(less50!.final).toBeCloseTo(1061.677811864498, 9);
  });

  it('GIVEN a 12 % APR not compounded for half a year THEN simple interest: 1000 × (1 + 0.12 × 0.5) = 1060', () => {
    const [now, , less50] = holdOutcomes(apr(0.12), { amount: 1000, seconds: YEAR / 2, compound: 'none' });
    expect(now).toEqual({ final: 1060, apy: 0.12 });
    // APR 0.06: 1000 × (1 + 0.06 × 0.5) = 1030
    expect(less50!.apy).toBeCloseTo(0.06, 15);
    expect(less50!.final).toBeCloseTo(1030, 9);
  });

  it('GIVEN a −80 % APY stressed by 50 % THEN −100 % (−120 % bounded) and nothing left', () => {
    const [, , less50] = holdOutcomes(apy(-0.8), { amount: 1000, seconds: YEAR, compound: 'daily' });
    expect(less50).toEqual({ final: 0, apy: -1 });
  });
});

describe('stakeApy', () => {
  it('GIVEN an APY THEN it as it is, stressed; GIVEN an APR THEN compounded as chosen', () => {
    // 0.1 − 0.25 × 0.1 = 0.075
    expect(stakeApy(apy(0.1), 'monthly', 0.25)).toBeCloseTo(0.075, 15);
    // 1.01^12 − 1
    expect(stakeApy(apr(0.12), 'monthly', 0)).toBeCloseTo(0.1268250301319698, 14);
    // −1 − 0.25 × 1 = −1.25, bounded at −1
    expect(stakeApy(apy(-1), 'daily', 0.25)).toBe(-1);
  });
});

describe('loopOutcomes', () => {
  it('GIVEN exposure 2.533, a 12.71 % APY and a 4.5 % borrow THEN 2.533 × 0.1271 − 1.533 × 0.045 = 0.2529593, stresses on the stake only', () => {
    const [now, less25, less50] = loopOutcomes(apy(0.1271), { amount: 1000, seconds: YEAR, compound: 'daily' }, 2.533, 0.045);
    expect(now!.apy).toBeCloseTo(0.2529593, 14);
    expect(now!.final).toBeCloseTo(1252.9593, 9);
    // stake 0.1271 × 0.75 = 0.095325: 2.533 × 0.095325 − 0.068985 = 0.241458225 − 0.068985 = 0.172473225
    expect(less25!.apy).toBeCloseTo(0.172473225, 14);
    expect(less25!.final).toBeCloseTo(1172.473225, 9);
    // stake 0.06355: 2.533 × 0.06355 − 0.068985 = 0.16097215 − 0.068985 = 0.09198715
    expect(less50!.apy).toBeCloseTo(0.09198715, 14);
    expect(less50!.final).toBeCloseTo(1091.98715, 9);
  });

  it('GIVEN an APR compounded monthly at exposure 2 THEN 2 × (1.01^12 − 1) − 1 × 0.05 = 0.2036500602639396', () => {
    const [now] = loopOutcomes(apr(0.12), { amount: 1000, seconds: YEAR, compound: 'monthly' }, 2, 0.05);
    expect(now!.apy).toBeCloseTo(0.2036500602639396, 14);
  });
});

describe('loopPlan', () => {
  it('GIVEN 1000 at ltv 0.7, 3 loops, threshold 0.8 THEN exposure 1 + 0.7 + 0.49 + 0.343 = 2.533, 2533 staked, 1533 borrowed', () => {
    const plan = loopPlan(1000, { ltv: 0.7, loops: 3, borrowApr: 0.05, liquidationThreshold: 0.8 });
    expect(plan.exposure).toBeCloseTo(2.533, 14);
    expect(plan.staked).toBeCloseTo(2533, 10);
    expect(plan.borrowed).toBeCloseTo(1533, 10);
    // 1 − 1.533 / (2.533 × 0.8) = 1 − 1.533 / 2.0264 = 0.2434859849980262
    expect(plan.liquidation.immediate).toBe(false);
    expect(plan.liquidation.depeg).toBeCloseTo(0.2434859849980262, 14);
  });

  it('GIVEN no loops THEN exposure 1, nothing borrowed, nothing to liquidate', () => {
    const plan = loopPlan(1000, { ltv: 0.7, loops: 0, borrowApr: 0.05, liquidationThreshold: 0.8 });
    expect(plan).toEqual({ exposure: 1, staked: 1000, borrowed: 0, liquidation: { depeg: undefined, immediate: false, debtRatio: 0 } });
  });
});

describe('rankByFinal', () => {
  it('GIVEN rows with and without outcomes THEN highest final first, ties and rows without outcomes in their given order', () => {
    const row = (id: string, final?: number) => (final === undefined ? { id } : { id, outcomes: [{ final, apy: 0 }] });
    const ranked = rankByFinal([row('a', 10), row('b'), row('c', 20), row('d', 10), row('e')]);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
  });
});
