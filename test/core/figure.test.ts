import { english } from '../../src/i18n/translator.ts';
import { describe, expect, it } from 'vitest';
import { combine, describeMissing, figure, mapFigure, missing, type Missing } from '../../src/core/figure.ts';

describe('figure', () => {
  it('GIVEN a finite number THEN it is a present figure', () => {
    expect(figure(0.12)).toEqual({ ok: true, value: 0.12 });
    expect(figure(0)).toEqual({ ok: true, value: 0 });
    expect(figure(-3)).toEqual({ ok: true, value: -3 });
  });

  it('GIVEN NaN or ±Infinity THEN it is missing as not-finite', () => {
    for (const v of [NaN, Infinity, -Infinity]) expect(figure(v)).toEqual({ ok: false, missing: 'not-finite' });
  });

  it('GIVEN a reason THEN missing() carries it', () => {
    expect(missing('zero-base')).toEqual({ ok: false, missing: 'zero-base' });
  });
});

describe('mapFigure', () => {
  it('GIVEN a present figure THEN fn is applied', () => {
    expect(mapFigure(figure(0.5), (v) => v * 2)).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN a missing figure THEN it passes through and fn is not called', () => {
    let called = false;
    expect(
      mapFigure(missing('no-data'), (v) => {
        called = true;
        return v;
      }),
    ).toEqual(missing('no-data'));
    expect(called).toBe(false);
  });

  it('GIVEN fn produces a non-finite number THEN the result is not-finite', () => {
    expect(mapFigure(figure(0), (v) => 1 / v)).toEqual(missing('not-finite'));
  });
});

describe('combine', () => {
  it('GIVEN two present figures THEN fn combines them', () => {
    expect(combine(figure(2), figure(3), (a, b) => a * b)).toEqual({ ok: true, value: 6 });
  });

  it('GIVEN both missing THEN the first missing wins', () => {
    expect(combine(missing('zero-supply'), missing('no-path'), (a, b) => a + b)).toEqual(missing('zero-supply'));
  });

  it('GIVEN only the second missing THEN its reason is kept', () => {
    expect(combine(figure(1), missing('no-path'), (a, b) => a + b)).toEqual(missing('no-path'));
  });

  it('GIVEN fn yields NaN THEN the result is not-finite', () => {
    expect(combine(figure(0), figure(0), (a, b) => a / b)).toEqual(missing('not-finite'));
  });
});

describe('describeMissing', () => {
  it('GIVEN each reason THEN it reads as human words without dashes, starting lower-case (it follows a dash mid-sentence)', () => {
    const reasons: Missing[] = ['not-enough-history', 'zero-supply', 'zero-base', 'zero-price', 'no-data', 'no-path', 'incomplete', 'not-finite', 'no-twap', 'twap-off', 'no-oracle', 'oracle-too-short'];
    for (const r of reasons) {
      const words = describeMissing(english, r);
      expect(words.length).toBeGreaterThan(0);
      expect(words).not.toContain('-');
      expect(words[0]).toBe(words[0]!.toLowerCase());
      // Only names keep capitals: V2, twapSeconds.
      expect(words.replace(/V2|twapSeconds/g, '')).toBe(words.replace(/V2|twapSeconds/g, '').toLowerCase());
    }
  });

  it('GIVEN a missing TWAP THEN each reason says why: V2, turned off, no oracle, oracle too young', () => {
    expect(describeMissing(english, 'no-twap')).toBe('a V2 pair has no price oracle');
    expect(describeMissing(english, 'twap-off')).toBe('turned off with twapSeconds: 0');
    expect(describeMissing(english, 'no-oracle')).toBe('the pool has no oracle: its oracle view reverted');
    expect(describeMissing(english, 'oracle-too-short')).toBe('pool oracle does not reach back that far');
  });

  it('GIVEN the documented reasons THEN the words match', () => {
    expect(describeMissing(english, 'not-enough-history')).toBe('not enough history');
    expect(describeMissing(english, 'zero-supply')).toBe('zero supply');
    expect(describeMissing(english, 'zero-base')).toBe('zero base');
    expect(describeMissing(english, 'zero-price')).toBe('zero price');
  });
});
