import type { CommandContext } from '../../commands/command.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { context as fixtureContext, snapshot } from '../commands/snapshotFixture.ts';

/** The fixture's last read block time: every chart window ends here. */
export const END = 1_799_999_900;
export const HOUR = 3_600;
export const DAY = 86_400;

/**
 * An in-memory store with hourly history for the fixture's sources over `days` days up to END: seMetis 24 h
 * APY oscillating 12 %…13 % and a steadier 7 d APY, the sequencer's nominal APY and realized APR, the
 * eMetis/METIS pool 20…60 bps under fair value (fair = 1).
 */
export function storeWithHistory(days = 10): HistoryStore {
  const store = openSqliteStore(':memory:');
  store.transaction(() => {
    for (let t = END - days * DAY; t <= END; t += HOUR) {
      const phase = (t - END) / DAY;
      store.addMetrics('seMetis', t, { apy24h: 0.125 + 0.005 * Math.sin(phase * 2), apy7d: 0.126, rate: 1.05, tvl: 315_000, supply: 300_000 });
      store.addMetrics('sequencer', t, { nominalApr: 0.15768, nominalApy: 0.17078, realizedApr7d: 0.155 + 0.002 * Math.cos(phase) });
      const depegBps = -40 + 20 * Math.sin(phase);
      store.addMetrics('eMetis-METIS', t, { price: 1 + depegBps / 10_000, depegBps });
    }
  });
  return store;
}

/** The command fixture's context, reading the given store's history. */
export const contextWith = (store: HistoryStore): CommandContext => ({ ...fixtureContext, history: store });

export { snapshot };
