import { describe, expect, it } from 'vitest';
import { difference, relativeChange, shortfall } from '../../src/core/change.ts';
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

describe('relativeChange', () => {
  it('GIVEN 1.21 now and 1.1 then THEN up 10 %', () => {
    const change = relativeChange(figure(1.21), figure(1.1));
    expect(change.ok && change.value).toBeCloseTo(0.1, 12);
  });
  it('GIVEN a fall from 2 to 1.5 THEN −25 %', () => {
    expect(relativeChange(figure(1.5), figure(2))).toEqual(figure(-0.25));
  });
  it('GIVEN zero then THEN zero-base; a missing side stays missing', () => {
    expect(relativeChange(figure(1), figure(0))).toEqual(missing('zero-base'));
    expect(relativeChange(missing('no-data'), figure(1))).toEqual(missing('no-data'));
  });
});

describe('shortfall', () => {
  it('GIVEN APY 9 % against a 12 % average THEN 25 % and 3 points under', () => {
    const s = shortfall(0.09, 0.12)!;
    expect(s.relative).toBeCloseTo(0.25, 12);
    expect(s.absolute).toBeCloseTo(0.03, 12);
  });

  it('GIVEN a rise from 10 % to 11 % THEN a negative shortfall (−10 %, −1 point)', () => {
    const s = shortfall(0.11, 0.1)!;
    expect(s.relative).toBeCloseTo(-0.1, 12);
    expect(s.absolute).toBeCloseTo(-0.01, 12);
  });

  it('GIVEN a reference of zero or below THEN undefined', () => {
    expect(shortfall(0.05, 0)).toBeUndefined();
    expect(shortfall(0.05, -0.01)).toBeUndefined();
  });
});
