import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { sourceChart } from '../../src/charts/sourceChart.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { digestBody } from '../../src/subscriptions/digestReply.ts';
import { END, storeWithHistory } from '../charts/syntheticHistory.ts';
import { context, NOW, snapshot } from './snapshotFixture.ts';

/** The fixture's eMetis/METIS pool, read as a stable pair. */
const stable: Snapshot = {
  ...snapshot,
  sources: snapshot.sources.map((s) => (s.figures?.kind === 'pool' ? { ...s, figures: { ...s.figures, stableCurve: true as const } } : s)),
};

const run = (text: string, s: Snapshot) => {
  const reply = handleCommandText(text, { ...context, snapshot: () => s });
  expect(reply?.kind).toBe('answer');
  return renderText(reply!);
};

describe('replies about a stable pair', () => {
  it('GIVEN a stable pair THEN /apy names it a stable curve in the pool list, and the detail says how it is priced', () => {
    expect(run('/apy', stable)).toContain('eMetis/METIS (stable curve) 0.9963');
    const detail = run('/apy eMetis-METIS', stable);
    expect(detail).toContain('EMETIS/METIS (STABLE CURVE)'); // titles print in capitals on the console
    expect(detail).toContain('Stable pair: priced on its curve x³y + xy³ = k (the marginal price), not the reserve ratio');
  });

  it('GIVEN a stable pair THEN /leverage labels its exit row and the note says how a stable pair is exited', () => {
    const out = run('/leverage', stable);
    expect(out).toMatch(/eMetis\/METIS \(stable curve\)\s+1\.01k eMetis/);
    expect(out).toContain('a stable pair on its curve x³y + xy³ = k');
  });

  it('GIVEN a stable pair THEN the loop exit line of /simulate names it', () => {
    // An exit must sell the looped token itself: the stable pair here trades seMetis for METIS.
    const seMetisPair: Snapshot = {
      ...stable,
      sources: stable.sources.map((s) => (s.figures?.kind === 'pool' ? { ...s, label: 'seMetis/METIS', figures: { ...s.figures, asset: 'seMetis' } } : s)),
    };
    expect(run('/simulate 1000 1y seMetis loop', seMetisPair)).toContain('Exit: seMetis/METIS (stable curve) takes');
  });

  it('GIVEN a stable pair THEN the digest names it', () => {
    const text = digestBody(stable, NOW).lines.map((line) => line.map((part) => (typeof part === 'string' ? part : part.text)).join('')).join('\n');
    expect(text).toContain('eMetis/METIS (stable curve): depeg');
  });

  it('GIVEN a stable pair THEN its chart says so in the title and the footnote', () => {
    const store = storeWithHistory();
    try {
      const chart = (s: Snapshot) => sourceChart({ view: s.sources.find((v) => v.id === 'eMetis-METIS')!, history: store, window: '7d', nowMs: END * 1000 });
      const curve = chart(stable);
      const ratio = chart(snapshot);
      if (!curve.ok || !ratio.ok) throw new Error('no chart');
      expect(curve.spec.title).toBe('eMetis/METIS (stable curve) — price and depeg, last 7 d');
      expect(curve.spec.footnote).toMatch(/^Stable pair: marginal price on its curve x³y \+ xy³ = k\./);
      expect(ratio.spec.title).toBe('eMetis/METIS — price and depeg, last 7 d');
      expect(ratio.spec.footnote).not.toContain('Stable pair');
    } finally {
      store.close();
    }
  });

  it('GIVEN a constant-product pair THEN no reply calls it a stable curve', () => {
    for (const command of ['/apy', '/apy eMetis-METIS', '/leverage', '/simulate 1000 1y seMetis loop']) expect(run(command, snapshot)).not.toContain('(stable curve)');
  });
});
