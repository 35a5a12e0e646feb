import { describe, expect, it } from 'vitest';
import { difference } from '../../src/core/change.ts';
import { figure, missing } from '../../src/core/figure.ts';

describe('difference', () => {
  it('GIVEN APY 12.5 % now and 12 % then THEN +0.005 (0.5 pp)', () => {
    const f = difference(figure(0.125), figure(0.12));
    expect(f.ok && f.value).toBeCloseTo(0.005, 15);
  });

  it('GIVEN a fall THEN a negative difference', () => {
    const f = difference(figure(0.1), figure(0.11));
    expect(f.ok && f.value).toBeCloseTo(-0.01, 15);
  });

  it('GIVEN either side missing THEN the first missing reason', () => {
    expect(difference(missing('not-enough-history'), figure(0.1))).toEqual(missing('not-enough-history'));
    expect(difference(figure(0.1), missing('not-enough-history'))).toEqual(missing('not-enough-history'));
    expect(difference(missing('no-data'), missing('zero-base'))).toEqual(missing('no-data'));
  });
});
