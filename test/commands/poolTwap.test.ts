import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { figure, missing, type Figure } from '../../src/core/figure.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { digestBody } from '../../src/subscriptions/digestReply.ts';
import { context, NOW, snapshot } from './snapshotFixture.ts';

/** The fixture's pool with a 30 min TWAP window: spot −312 bps, TWAP as given. */
function withTwap(twapPrice: Figure, twapDepegBps: Figure): Snapshot {
  return {
    ...snapshot,
    sources: snapshot.sources.map((s) =>
      s.figures?.kind === 'pool' ? { ...s, figures: { ...s.figures, depegBps: figure(-312), twapSeconds: 1800, twapPrice, twapDepegBps } } : s,
    ),
  };
}

const ok = withTwap(figure(0.9959), figure(-41));
const short = withTwap(missing('oracle-too-short'), missing('oracle-too-short'));
const run = (text: string, s: Snapshot) => renderText(handleCommandText(text, { ...context, snapshot: () => s })!);

describe('a pool TWAP wherever pool depeg is shown', () => {
  it('GIVEN /apy THEN the pools line has spot and the TWAP labelled with its window', () => {
    expect(run('/apy', ok)).toContain('eMetis/METIS 0.9963 (spot −312 bps, 30 min TWAP −41 bps)');
    expect(run('/apy', short)).toContain('eMetis/METIS 0.9963 (spot −312 bps, 30 min TWAP —: pool oracle does not reach back that far)');
    expect(run('/apy', withTwap(missing('no-oracle'), missing('no-oracle')))).toContain(
      'eMetis/METIS 0.9963 (spot −312 bps, 30 min TWAP —: the pool has no oracle: its oracle view reverted)',
    );
  });

  it('GIVEN each reason a TWAP is missing THEN /apy <pool> names it', () => {
    expect(run('/apy eMetis-METIS', withTwap(missing('no-oracle'), missing('no-oracle')))).toContain('30 min TWAP: — (the pool has no oracle: its oracle view reverted)');
    expect(run('/apy eMetis-METIS', short)).toContain('30 min TWAP: — (pool oracle does not reach back that far)');
    // A V3/Algebra pool with twapSeconds: 0 has no window, and says it was turned off.
    const off: Snapshot = {
      ...snapshot,
      sources: snapshot.sources.map((s) => (s.figures?.kind === 'pool' ? { ...s, kind: 'uniswap-v3', figures: { ...s.figures, twapPrice: missing('twap-off'), twapDepegBps: missing('twap-off') } } : s)),
    };
    expect(run('/apy eMetis-METIS', off)).toContain('TWAP: — (turned off with twapSeconds: 0); depeg alerts use spot');
    expect(run('/apy', off)).toContain('eMetis/METIS 0.9963 (−37 bps)');
    // A pool not read yet: named in the overview, with no price.
    const unread: Snapshot = { ...snapshot, sources: snapshot.sources.map(({ figures, ...s }) => (figures?.kind === 'pool' ? s : { ...s, figures })) };
    expect(run('/apy', unread)).toContain('Pools: eMetis/METIS not read yet');
    // A quote without a fair value (METIS/USDC): both depegs are missing, and why.
    const noFair = withTwap(figure(40.01), missing('no-path'));
    const noPath: Snapshot = { ...noFair, sources: noFair.sources.map((s) => (s.figures?.kind === 'pool' ? { ...s, figures: { ...s.figures, depegBps: missing('no-path') } } : s)) };
    expect(run('/apy', noPath)).toContain('eMetis/METIS 0.9963 (spot —, 30 min TWAP —: no conversion path)');
  });

  it('GIVEN /apy <pool> THEN the TWAP price and depeg, or why it is missing', () => {
    expect(run('/apy eMetis-METIS', ok)).toMatch(/Price: 0\.996300 METIS per eMetis \(spot\)[\s\S]*spot depeg −312 bps[\s\S]*30 min TWAP: 0\.995900 METIS · depeg −41 bps/);
    expect(run('/apy eMetis-METIS', short)).toContain('30 min TWAP: — (pool oracle does not reach back that far)');
  });

  it('GIVEN a pool without a TWAP window THEN no TWAP text at all', () => {
    const out = run('/apy eMetis-METIS', snapshot);
    expect(out).not.toContain('TWAP');
    expect(out).toContain('Fair value: 1.000000 METIS · depeg −37 bps');
  });

  it('GIVEN /leverage THEN a TWAP depeg column naming the window', () => {
    expect(run('/leverage', ok)).toMatch(/eMetis\/METIS\s+1\.01k eMetis\s+5\.26k eMetis\s+−312 bps\s+−41 bps \(30 min\)\s+2m/);
    expect(run('/leverage', short)).toMatch(/−312 bps\s+— \(30 min\)/);
  });

  it('GIVEN /status and a TWAP the pool cannot give THEN it says so, and that alerts use spot', () => {
    expect(run('/status', short)).toContain('eMetis-METIS: no 30 min TWAP (pool oracle does not reach back that far); depeg alerts use spot');
    expect(run('/status', ok)).not.toContain('TWAP');
  });

  it('GIVEN a digest THEN the pool line has both depegs', () => {
    const lines = digestBody(ok, NOW).lines.map((parts) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join(''));
    expect(lines).toContain('eMetis/METIS: depeg spot −312 bps, 30 min TWAP −41 bps');
  });
});
