import { describe, expect, it } from 'vitest';
import { figure, missing } from '../../src/core/figure.ts';
import { towerLeverage, type TowerLayer } from '../../src/core/towerLeverage.ts';

const E18 = 10n ** 18n;
const base = { amount: 1_000_000n * E18, decimals: 18 };

const layers: TowerLayer[] = [
  { token: 'eMetis', supply: 600_000n * E18, decimals: 18, fairValueInBase: figure(1) },
  { token: 'seMetis', supply: 300_000n * E18, decimals: 18, fairValueInBase: figure(1.05) },
  { token: 'artMetis', supply: 200_000n * E18, decimals: 18, fairValueInBase: figure(1.02) },
];

describe('towerLeverage', () => {
  it('GIVEN eMetis 600k×1 + seMetis 300k×1.05 + artMetis 200k×1.02 over 1,000,000 THEN 1,119,000 / 1,000,000 = 1.119', () => {
    const f = towerLeverage(layers, base);
    expect(f.ok && f.value).toBeCloseTo(1.119, 14);
  });

  it('GIVEN layers and base with different decimals THEN they are normalized: 500,000 (6 dec) × 2 / 1,000,000 (18 dec) = 1', () => {
    const f = towerLeverage([{ token: 'x', supply: 500_000n * 10n ** 6n, decimals: 6, fairValueInBase: figure(2) }], base);
    expect(f).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN a 27-digit supply over a 1e27-wei base THEN every double digit of the quotient survives', () => {
    const f = towerLeverage(
      [{ token: 'eMetis', supply: 123_456_789_012_345_678_901_234_567n, decimals: 18, fairValueInBase: figure(1) }],
      { amount: 10n ** 27n, decimals: 18 },
    );
    expect(f).toEqual({ ok: true, value: 0.123456789012345678901234567 });
  });

  it('GIVEN a zero base THEN zero-base', () => {
    expect(towerLeverage(layers, { amount: 0n, decimals: 18 })).toEqual(missing('zero-base'));
    expect(towerLeverage([], { amount: 0n, decimals: 18 })).toEqual(missing('zero-base'));
  });

  it('GIVEN a layer without a fair value THEN incomplete', () => {
    const broken = [...layers, { token: 'lrt', supply: E18, decimals: 18, fairValueInBase: missing('no-path') }];
    expect(towerLeverage(broken, base)).toEqual(missing('incomplete'));
  });

  it('GIVEN no layers THEN 0', () => {
    expect(towerLeverage([], base)).toEqual({ ok: true, value: 0 });
  });
});
