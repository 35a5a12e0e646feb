import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/configSchema.ts';
import { figure } from '../../src/core/figure.ts';
import { towerFigures } from '../../src/figures/towerFigures.ts';

const E18 = 10n ** 18n;
const config = { tower: { baseToken: 'METIS' } } as Pick<Config, 'tower'> as Config;
const links = new Map([
  ['eMetis', { base: 'METIS', rate: figure(1) }],
  ['seMetis', { base: 'eMetis', rate: figure(1.05) }],
]);

describe('towerFigures', () => {
  it('GIVEN 804,000 eMetis and 300,000 seMetis (6 decimals) at 1.05 on 1,000,000 METIS locked THEN claims 1,119,000, shares 80.4 % and 31.5 %, leverage 1.119', () => {
    const tower = towerFigures({
      config,
      links,
      supplies: new Map([
        ['eMetis', { amount: 804_000n * E18, decimals: 18 }],
        ['seMetis', { amount: 300_000n * 10n ** 6n, decimals: 6 }],
      ]),
      base: { amount: 1_000_000n * E18, decimals: 18 },
    });
    expect(tower.base).toEqual(figure(1_000_000));
    expect(tower.layers.map((l) => [l.token, l.supply, l.ofBase])).toEqual([
      ['eMetis', figure(804_000), figure(0.804)],
      ['seMetis', figure(300_000), expect.objectContaining({ ok: true, value: expect.closeTo(0.315, 12) as unknown })],
    ]);
    expect(tower.claimsInBase).toMatchObject({ ok: true, value: expect.closeTo(1_119_000, 6) as unknown });
    expect(tower.leverage).toMatchObject({ ok: true, value: expect.closeTo(1.119, 12) as unknown });
  });

  it('GIVEN no base read THEN every share and the leverage are missing, the claims still add up', () => {
    const tower = towerFigures({ config, links, supplies: new Map([['eMetis', { amount: 5n * E18, decimals: 18 }]]), base: undefined });
    expect(tower.layers[0]!.ofBase.ok).toBe(false);
    expect(tower.leverage.ok).toBe(false);
    expect(tower.claimsInBase).toEqual(figure(5));
  });

  it('GIVEN nothing locked THEN the shares are zero-base, not infinite', () => {
    const tower = towerFigures({ config, links, supplies: new Map([['eMetis', { amount: 5n * E18, decimals: 18 }]]), base: { amount: 0n, decimals: 18 } });
    expect(tower.layers[0]!.ofBase).toMatchObject({ ok: false, missing: 'zero-base' });
  });
});
