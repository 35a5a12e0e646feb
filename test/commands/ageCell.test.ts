import { describe, expect, it } from 'vitest';
import { ageCell } from '../../commands/ageCell.ts';
import type { SourceView } from '../../src/figures/figures.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

describe('ageCell', () => {
  const view = (observedAt: number, blockSince?: number): SourceView => ({
    id: 'seMetis', label: 'seMetis', kind: 'erc4626', chainId: 1088, staleAfterSeconds: 900,
    lastRead: { blockNumber: 500n, blockTime: 0, observedAt }, ...(blockSince === undefined ? {} : { blockSince }),
  });

  it('GIVEN a read 2 min ago of a block the chain stopped at 17 min ago THEN both ages', () => {
    expect(ageCell(view(T0 - 2 * MIN, T0 - 17 * MIN), T0)).toBe('2m (block 17m old)');
  });

  it('GIVEN no block age THEN the read age alone; stale THEN marked', () => {
    expect(ageCell(view(T0 - 2 * MIN), T0)).toBe('2m');
    expect(ageCell(view(T0 - 20 * MIN, T0 - 40 * MIN), T0)).toBe('20m (block 40m old) ⚠');
  });
});
