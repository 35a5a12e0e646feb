import { describe, expect, it } from 'vitest';
import { fairValue, type WrapperLink } from '../../src/core/fairValue.ts';
import { figure, missing } from '../../src/core/figure.ts';

const tower: ReadonlyMap<string, WrapperLink> = new Map([
  ['seMetis', { base: 'eMetis', rate: figure(1.05) }],
  ['eMetis', { base: 'METIS', rate: figure(1) }],
  ['artMetis', { base: 'METIS', rate: figure(1.02) }],
  ['lrt', { base: 'seMetis', rate: figure(1.1) }],
]);

describe('fairValue', () => {
  it('GIVEN seMetis → eMetis (pps 1.05) → METIS (1) THEN 1 seMetis = 1.05 METIS', () => {
    expect(fairValue(tower, 'seMetis', 'METIS')).toEqual({ ok: true, value: 1.05 });
  });

  it('GIVEN a 3-link chain lrt → seMetis → eMetis → METIS THEN 1.1 × 1.05 × 1 = 1.155', () => {
    const f = fairValue(tower, 'lrt', 'METIS');
    expect(f.ok && f.value).toBeCloseTo(1.155, 15);
  });

  it('GIVEN a target partway along the chain THEN the walk stops there', () => {
    expect(fairValue(tower, 'seMetis', 'eMetis')).toEqual({ ok: true, value: 1.05 });
  });

  it('GIVEN token === target THEN 1, even for a token without links', () => {
    expect(fairValue(tower, 'METIS', 'METIS')).toEqual({ ok: true, value: 1 });
    expect(fairValue(new Map(), 'X', 'X')).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN a chain that ends before the target THEN no-path', () => {
    expect(fairValue(tower, 'seMetis', 'USDC')).toEqual(missing('no-path'));
    expect(fairValue(tower, 'unknown', 'METIS')).toEqual(missing('no-path'));
  });

  it('GIVEN two wrappers of the same base THEN the token in that base over the target in it: artMETIS 1.03 in WMETIS 1 = 1.03', () => {
    const withWmetis = new Map([...tower, ['WMETIS', { base: 'METIS', rate: figure(1) }], ['artMetis', { base: 'METIS', rate: figure(1.03) }]]);
    expect(fairValue(withWmetis, 'artMetis', 'WMETIS')).toEqual({ ok: true, value: 1.03 });
    // seMetis → eMetis → METIS (1.05) against WMETIS → METIS (1)
    expect(fairValue(withWmetis, 'seMetis', 'WMETIS')).toEqual({ ok: true, value: 1.05 });
    // A target worth 2 base tokens halves the value: 1.03 / 2 = 0.515
    const rich = new Map([...withWmetis, ['X', { base: 'METIS', rate: figure(2) }]]);
    expect(fairValue(rich, 'artMetis', 'X')).toEqual({ ok: true, value: 0.515 });
  });

  it('GIVEN a base priced in its own wrapper THEN the inverse of the wrapper rate: 1 eMetis = 1 / 1.05 seMetis', () => {
    expect(fairValue(tower, 'METIS', 'eMetis')).toEqual({ ok: true, value: 1 });
    const f = fairValue(tower, 'eMetis', 'seMetis');
    expect(f.ok && f.value).toBeCloseTo(1 / 1.05, 15);
  });

  it('GIVEN a missing rate only above the target on the chain THEN it is not needed', () => {
    const links = new Map<string, WrapperLink>([
      ['seMetis', { base: 'eMetis', rate: figure(1.05) }],
      ['eMetis', { base: 'METIS', rate: missing('no-data') }],
    ]);
    expect(fairValue(links, 'seMetis', 'eMetis')).toEqual({ ok: true, value: 1.05 });
    expect(fairValue(links, 'seMetis', 'METIS')).toEqual(missing('no-data'));
  });

  it('GIVEN a target whose own rate is missing THEN that reason', () => {
    const links = new Map<string, WrapperLink>([
      ['artMetis', { base: 'METIS', rate: figure(1.03) }],
      ['WMETIS', { base: 'METIS', rate: missing('zero-supply') }],
    ]);
    expect(fairValue(links, 'artMetis', 'WMETIS')).toEqual(missing('zero-supply'));
  });

  it('GIVEN a cycle that never reaches the target THEN no-path', () => {
    const cyclic = new Map<string, WrapperLink>([
      ['a', { base: 'b', rate: figure(1) }],
      ['b', { base: 'a', rate: figure(1) }],
    ]);
    expect(fairValue(cyclic, 'a', 'METIS')).toEqual(missing('no-path'));
    const selfLoop = new Map<string, WrapperLink>([['a', { base: 'a', rate: figure(1) }]]);
    expect(fairValue(selfLoop, 'a', 'METIS')).toEqual(missing('no-path'));
  });

  it('GIVEN a missing rate on the path THEN that reason', () => {
    const links = new Map<string, WrapperLink>([
      ['seMetis', { base: 'eMetis', rate: missing('zero-supply') }],
      ['eMetis', { base: 'METIS', rate: figure(1) }],
    ]);
    expect(fairValue(links, 'seMetis', 'METIS')).toEqual(missing('zero-supply'));
  });

  it('GIVEN a missing rate on a path that does not reach the target THEN no-path wins', () => {
    const links = new Map<string, WrapperLink>([['seMetis', { base: 'eMetis', rate: missing('no-data') }]]);
    expect(fairValue(links, 'seMetis', 'METIS')).toEqual(missing('no-path'));
  });
});
