import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { figure, missing } from '../../src/core/figure.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { context, snapshot } from './snapshotFixture.ts';

const leverage = (s: Snapshot = snapshot) => {
  const reply = handleCommandText('/leverage', { ...context, snapshot: () => s });
  expect(reply?.kind).toBe('answer');
  return renderText(reply!);
};

describe('/leverage', () => {
  it('GIVEN the tower THEN the base, each layer in METIS and its share of the base, and the total', () => {
    const out = leverage();
    expect(out).toMatch(/METIS locked \(base\)\s+1\.00M\s+1\.00M\s+100\.0%/);
    expect(out).toMatch(/eMetis\s+804\.00k\s+804\.00k\s+80\.4%/);
    // 300,000 seMetis × 1.05 = 315,000 METIS
    expect(out).toMatch(/seMetis\s+300\.00k\s+315\.00k\s+31\.5%/);
    expect(out).toMatch(/all claims\s+1\.12M\s+111\.9%/);
  });

  it('GIVEN stored history THEN the leverage with its change over 24 h and 7 d', () => {
    expect(leverage()).toContain('Leverage 1.119× · change 24h +0.0021× · 7d −0.0105×');
  });

  it('GIVEN pools THEN exit liquidity at 1 % and 5 % slippage, depeg and age', () => {
    // A V2 reserve of 100,000 eMetis: 1,010 at 1 %, 5,263 at 5 %.
    expect(leverage()).toMatch(/eMetis\/METIS\s+1\.01k eMetis\s+5\.26k eMetis\s+−37 bps\s+2m/);
  });

  it('GIVEN the sequencer THEN the exit delay in days, and the data age in the note', () => {
    const out = leverage();
    expect(out).toContain('Exit delay: 21 days before locked METIS can be withdrawn');
    expect(out).toContain('Tower data: the oldest read is 1h old (seMetis <vault> & co, stale).');
  });

  it('GIVEN no history yet and a pool without exit figures THEN dashes, never a wrong number', () => {
    const young: Snapshot = {
      ...snapshot,
      tower: { ...snapshot.tower, leverageChange24h: missing('not-enough-history'), leverageChange7d: missing('not-enough-history') },
      sources: snapshot.sources.map((s) =>
        s.figures?.kind === 'pool' ? { ...s, figures: { ...s.figures, exitLiquidity1pct: missing('no-data'), exitLiquidity5pct: missing('no-data') } } : s,
      ),
    };
    const out = leverage(young);
    expect(out).toContain('change 24h — · 7d —');
    expect(out).toMatch(/eMetis\/METIS\s+—\s+—\s+−37 bps/);
  });

  it('GIVEN no METIS locked THEN every share of the base says so, never 100.0 % of nothing', () => {
    const unlocked: Snapshot = {
      ...snapshot,
      tower: {
        ...snapshot.tower,
        base: figure(0),
        leverage: missing('zero-base'),
        layers: snapshot.tower.layers.map((l) => ({ ...l, ofBase: missing('zero-base') })),
      },
    };
    const out = leverage(unlocked);
    expect(out).toMatch(/METIS locked \(base\)\s+0\s+0\s+no METIS locked/);
    expect(out).toMatch(/eMetis\s+804\.00k\s+804\.00k\s+no METIS locked/);
    expect(out).toMatch(/all claims\s+1\.12M\s+no METIS locked/);
    expect(out).toContain('Leverage — (no METIS locked)');
    expect(out).not.toContain('100.0%');
  });

  it('GIVEN nothing read yet THEN it still answers', () => {
    const empty: Snapshot = { sources: [], chains: [], tower: { baseToken: 'METIS', base: missing('no-data'), layers: [], claimsInBase: missing('no-data'), leverage: missing('no-data') } };
    const out = leverage(empty);
    expect(out).toContain('Leverage —');
    expect(out).toContain('No source has been read yet.');
  });
});
