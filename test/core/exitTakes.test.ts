import { describe, expect, it } from 'vitest';
import { exitTakes, type ExitPool } from '../../src/core/exitTakes.ts';
import { figure, missing } from '../../src/core/figure.ts';

const par = new Map([['WMETIS', 'METIS']]);
const pool = (asset: string, quote: string, extra: Partial<ExitPool> = {}): ExitPool => ({ asset, quote, price: figure(1), fairValue: figure(1), ...extra });

describe('exitTakes', () => {
  it('GIVEN pools of the token into the debt or a 1:1 token THEN each take, valued at fair value (else at price), as a share of the position', () => {
    const pools = [
      pool('METIS', 'USDC'),
      pool('seMetis', 'WMETIS', { price: figure(1.04), fairValue: figure(1.05), exitLiquidity1pct: figure(500), exitLiquidity5pct: figure(5000) }),
      pool('seMetis', 'METIS', { price: figure(1.04), fairValue: missing('no-path'), exitLiquidity1pct: figure(100), exitLiquidity5pct: missing('no-data') }),
      pool('seMetis', 'USDC', { exitLiquidity1pct: figure(3) }),
    ];
    expect(exitTakes({ token: 'seMetis', debt: 'METIS', parLinks: par, pools, positionInBase: 2000 })).toEqual([
      // 500 × 1.05 / 2000 = 0.2625; 5000 × 1.05 / 2000 = 2.625 (more than the position)
      { index: 1, paysIn: 'WMETIS', at1pct: { amount: 500, ofPosition: 0.2625 }, at5pct: { amount: 5000, ofPosition: 2.625 } },
      // no fair value: at the price, 100 × 1.04 / 2000 = 0.052; the 5 % take is unknown
      { index: 2, at1pct: { amount: 100, ofPosition: 0.052 }, at5pct: undefined },
    ]);
  });

  it('GIVEN a pool with neither price nor fair value, or an empty position THEN the take without a share', () => {
    const unpriced = [pool('seMetis', 'METIS', { price: missing('zero-price'), fairValue: missing('no-path'), exitLiquidity1pct: figure(7) })];
    expect(exitTakes({ token: 'seMetis', debt: 'METIS', parLinks: par, pools: unpriced, positionInBase: 2000 })[0]?.at1pct).toEqual({ amount: 7 });
    const priced = [pool('seMetis', 'METIS', { exitLiquidity1pct: figure(7) })];
    expect(exitTakes({ token: 'seMetis', debt: 'METIS', parLinks: par, pools: priced, positionInBase: 0 })[0]?.at1pct).toEqual({ amount: 7 });
  });

  it('GIVEN no pool of the token THEN no exit', () => {
    expect(exitTakes({ token: 'seMetis', debt: 'METIS', parLinks: par, pools: [pool('METIS', 'USDC')], positionInBase: 2000 })).toEqual([]);
  });
});
