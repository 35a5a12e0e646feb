import { describe, expect, it } from 'vitest';
import { exitRoutes, isParWith, type ParLinks } from '../../src/core/exitRoutes.ts';

// The default config's 1:1 links: WMETIS and eMetis are 1:1 claims on METIS; seMetis (rateFrom) is not 1:1.
const par: ParLinks = new Map([
  ['WMETIS', 'METIS'],
  ['eMetis', 'METIS'],
]);
const routes = (token: string, pools: { asset: string; quote: string }[]) => exitRoutes({ token, debt: 'METIS', parLinks: par, pools });

describe('isParWith', () => {
  it('GIVEN the debt itself, a 1:1 wrapper of it, or two 1:1 claims on it THEN at par', () => {
    expect(isParWith(par, 'METIS', 'METIS')).toBe(true);
    expect(isParWith(par, 'WMETIS', 'METIS')).toBe(true);
    expect(isParWith(par, 'eMetis', 'WMETIS')).toBe(true);
  });

  it('GIVEN a token valued by a rate, or an unrelated one THEN not at par', () => {
    expect(isParWith(par, 'seMetis', 'METIS')).toBe(false);
    expect(isParWith(par, 'USDC', 'METIS')).toBe(false);
  });

  it('GIVEN 1:1 links that loop THEN the walk stops and answers', () => {
    const loop: ParLinks = new Map([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(isParWith(loop, 'A', 'METIS')).toBe(false);
  });
});

describe('exitRoutes', () => {
  it('GIVEN a token with its own METIS pool THEN that pool, paying the debt itself', () => {
    expect(routes('eMetis', [{ asset: 'METIS', quote: 'USDC' }, { asset: 'eMetis', quote: 'METIS' }])).toEqual([{ index: 1 }]);
  });

  it('GIVEN a token with only a WMETIS pool THEN that pool, paying WMETIS (1:1 with METIS)', () => {
    expect(routes('artMetis', [{ asset: 'artMetis', quote: 'WMETIS' }])).toEqual([{ index: 0, paysIn: 'WMETIS' }]);
  });

  it('GIVEN a token with only the METIS/USDC pool in the tower THEN no exit: selling METIS repays no METIS', () => {
    expect(routes('seMetis', [{ asset: 'METIS', quote: 'USDC' }])).toEqual([]);
  });

  it('GIVEN seMetis beside an eMetis/METIS pool THEN no exit: the pool sells eMetis, not seMetis', () => {
    expect(routes('seMetis', [{ asset: 'eMetis', quote: 'METIS' }])).toEqual([]);
  });

  it('GIVEN a pool quoting a token of another value THEN no exit; every pool that pays at par is listed, in order', () => {
    const pools = [
      { asset: 'eMetis', quote: 'USDC' },
      { asset: 'eMetis', quote: 'WMETIS' },
      { asset: 'eMetis', quote: 'seMetis' },
      { asset: 'eMetis', quote: 'METIS' },
    ];
    expect(routes('eMetis', pools)).toEqual([{ index: 1, paysIn: 'WMETIS' }, { index: 3 }]);
  });
});
