import { describe, expect, it } from 'vitest';
import { handleCommandText, commands } from '../../commands/registry.ts';
import { plainText, type Block, type Reply } from '../../src/vocabulary/reply.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import { NOW, signer, source, config, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';

const store = storeWithHistory();
const epoch = { sourceId: 'set', chainId: 1088, blockNumber: 5n, blockTime: NOW, observedAt: NOW * 1000, values: { epochNumber: 42n, epochSigner: BigInt(signer(4)), epochStartBlock: 1n, epochEndBlock: 2n } };
const view = sequencersView({ config, source, observation: store.latestObservation('sequencer')!, store, tower, epoch })!;
const snapshot: Snapshot = {
  sources: [{ id: 'sequencer', label: 'Sequencer mining', kind: 'sequencer', chainId: 1, lastRead: { blockNumber: 1n, blockTime: NOW, observedAt: NOW * 1000 }, staleAfterSeconds: 900 }],
  tower,
  sequencers: view,
  chains: [],
};
const context = { snapshot: () => snapshot, now: () => NOW * 1000 + 60_000, commands: () => commands };

const text = (reply: Reply | undefined) =>
  (reply?.blocks ?? [])
    .map((b: Block) =>
      b.kind === 'table' ? b.rows.map((r) => r.join(' | ')).join('\n') : b.kind === 'list' ? b.items.map(plainText).join('\n') : b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'title' || b.kind === 'note' ? b.text : '',
    )
    .join('\n');

describe('/sequencers', () => {
  const out = text(handleCommandText('/sequencers', context));

  it('one row per sequencer: name, status, locked, share, income and APR, epoch', () => {
    expect(out).toContain('1 | Alpha (ENKI) | active | 310.00k | 31.0% | 300 | 5.05% | 1.00k | 3.92% |');
    expect(out).toContain('3 | Gamma (Artemis) | exiting until 2025-10-30 | 150.00k | 15.0%');
    expect(out).toContain('4 | 0x4444…4444 | active | 340.00k | 34.0% | 0 | 0.00% | 0 | 0.00% | signing');
    expect(out).toContain('5 | 0x5555…5555 | exited | 0 | 0.0%');
  });

  it('the summary: active count, largest operator, each protocol beside its claims, LST and independent shares, epoch', () => {
    expect(out).toContain('3 active of 5 sequencers; 1.00M METIS locked (the base)');
    expect(out).toContain('Largest operator: Artemis with 35.0% of the base');
    expect(out).toContain('ENKI runs 31.0% of the base (1 sequencer, 310.00k METIS); eMetis claims are 40.0% of the base');
    expect(out).toContain('Artemis runs 35.0% of the base (2 sequencers, 350.00k METIS); artMetis claims are 20.0% of the base');
    expect(out).toContain('LST-run 66.0% · independent 34.0% of the base');
    expect(out).toContain('L2 epoch 42: signed by 0x4444…4444');
  });

  it('/sequencers <name>: history of events, exit date, per-day reward section', () => {
    const gamma = text(handleCommandText('/sequencers gamma', context));
    expect(gamma).toContain('Sequencer Gamma');
    expect(gamma).toContain('Status exiting until 2025-10-30; exit claimable from 2025-10-30 (in 20d 23h)');
    expect(gamma).toContain('2025-10-08 | started exit of (claimable 2025-10-30) | 150.00k');
    const alpha = text(handleCommandText('/sequencers 1', context));
    expect(alpha).toContain('claimed reward | 500');
    expect(alpha).toContain('Income 7d 300 METIS (APR 5.05%) · 30d 1.00k METIS (APR 3.92%)');
  });

  it('an unknown or ambiguous name gets a usage reply naming the sequencers', () => {
    const unknown = handleCommandText('/sequencers wobble', context)!;
    expect(unknown.kind).toBe('usage');
    expect(text(unknown)).toContain('No sequencer matches "wobble". Sequencers: 1 Alpha, 2 Beta');
    const both = handleCommandText('/sequencers artemis', context)!;
    expect(both.kind).toBe('usage');
    expect(text(both)).toContain('matches 2 sequencers: 2 Beta, 3 Gamma');
  });
});

describe('/leverage with sequencers read', () => {
  it('splits the base into LST-run and independent and shows the rooted ratio 600k / 340k', () => {
    const out = text(handleCommandText('/leverage', context));
    expect(out).toContain('Base run by: LST protocols 66.0% (ENKI 31.0%, Artemis 35.0%), independent sequencers 34.0%. Rooted 1.765×');
    expect((600_000 / 340_000).toFixed(3)).toBe('1.765');
  });
});
