import { english } from '../../src/i18n/translator.ts';
import { describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { strategyRate } from '../../src/core/strategyRate.ts';

const wrapper = (apy24h = missing('no-data'), apy7d = missing('not-enough-history'), apy30d = missing('not-enough-history')) =>
  ({ kind: 'yield', apy24h, apy7d, apy30d, baseToken: 'eMetis' }) as const;

describe('strategyRate', () => {
  it('GIVEN a sequencer THEN its nominal APR, or why it has none', () => {
    expect(strategyRate(english, { kind: 'sequencer', nominalApr: figure(0.15768) })).toEqual({ kind: 'apr', value: 0.15768, label: 'nominal APR' });
    expect(strategyRate(english, { kind: 'sequencer', nominalApr: missing('zero-base') })).toEqual({ kind: 'missing', why: 'zero base' });
  });

  it('GIVEN a wrapper THEN the 7 d APY, else 30 d, else 24 h, in its base token', () => {
    expect(strategyRate(english, wrapper(figure(0.2), figure(0.1271), figure(0.11)))).toEqual({ kind: 'apy', value: 0.1271, label: '7 d share-price APY', baseToken: 'eMetis' });
    expect(strategyRate(english, wrapper(figure(0.2), missing('not-enough-history'), figure(0.11)))).toEqual({ kind: 'apy', value: 0.11, label: '30 d share-price APY', baseToken: 'eMetis' });
    expect(strategyRate(english, wrapper(figure(0.2)))).toEqual({ kind: 'apy', value: 0.2, label: '24 h share-price APY', baseToken: 'eMetis' });
  });

  it('GIVEN a wrapper without any APY THEN the 24 h reason', () => {
    expect(strategyRate(english, wrapper(missing('not-enough-history')))).toEqual({ kind: 'missing', why: 'not enough history' });
  });

  it('GIVEN no figures, or a kind that does not earn THEN missing with words', () => {
    expect(strategyRate(english, undefined)).toEqual({ kind: 'missing', why: 'no data yet' });
    expect(strategyRate(english, { kind: 'pool' })).toEqual({ kind: 'missing', why: 'no yield figures' });
  });
});
