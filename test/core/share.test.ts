import { describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { shareOf } from '../../src/core/share.ts';

describe('shareOf', () => {
  it('GIVEN 804,000 of 1,000,000 THEN 0.804; 1,119,000 of it THEN 1.119 (a share may exceed the whole)', () => {
    expect(shareOf(figure(804_000), figure(1_000_000))).toEqual(figure(0.804));
    expect(shareOf(figure(1_119_000), figure(1_000_000))).toEqual(figure(1.119));
  });

  it('GIVEN a whole of zero THEN zero-base, not 100 % (the base of itself) and not Infinity', () => {
    expect(shareOf(figure(0), figure(0))).toEqual(missing('zero-base'));
    expect(shareOf(figure(5), figure(0))).toEqual(missing('zero-base'));
    expect(shareOf(figure(5), figure(-3))).toEqual(missing('zero-base'));
  });

  it('GIVEN a negative part (a broken read) THEN 0, never a negative share', () => {
    expect(shareOf(figure(-5), figure(10))).toEqual(figure(0));
  });

  it('GIVEN a missing input THEN its reason, the whole first', () => {
    expect(shareOf(missing('no-path'), figure(10))).toEqual(missing('no-path'));
    expect(shareOf(missing('no-path'), missing('no-data'))).toEqual(missing('no-data'));
  });
});
