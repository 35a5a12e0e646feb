import type { CommandContext } from '../../commands/command.ts';
import { commands } from '../../commands/registry.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { snapshot as fixture } from '../commands/snapshotFixture.ts';
import { config, NOW, source, tower } from './sequencerHistory.ts';

/** The block number the snapshot says the sequencer source was last read at. */
export const LAST_BLOCK = 4_242n;

/**
 * The command fixture's snapshot with its sequencer source last read at NOW (block LAST_BLOCK) and the
 * sequencers view the poller would compute from the store's latest read.
 */
export function sequencerSnapshot(store: HistoryStore): Snapshot {
  const sequencers = sequencersView({ config, source, observation: store.latestObservation('sequencer')!, store, tower })!;
  const sources = fixture.sources.map((s) => (s.id === 'sequencer' ? { ...s, lastRead: { blockNumber: LAST_BLOCK, blockTime: NOW, observedAt: NOW * 1000 } } : s));
  return { ...fixture, sources, sequencers };
}

/** A command context two minutes after NOW, reading that snapshot and the store's history. */
export function sequencerChartContext(store: HistoryStore): CommandContext {
  const snapshot = sequencerSnapshot(store);
  return { snapshot: () => snapshot, now: () => NOW * 1000 + 120_000, commands: () => commands, history: store };
}
