import { afterEach, describe, expect, it } from 'vitest';
import type { SourceOfKind } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { figure } from '../../src/core/figure.ts';
import { sequencerFigures } from '../../src/figures/sequencerFigures.ts';
import { eventCursorKey } from '../../src/store/eventCursorKey.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';

const E18 = 10n ** 18n;
const DAY = 86_400;
const NOW = 1_800_000_000;

describe('sequencerFigures: realized APR over the time-weighted base', () => {
  let store: Storage;
  afterEach(() => store.close());

  it('GIVEN 1M METIS locked for 3.5 days, then 2M, and 2,100 METIS paid in 7 d THEN realized 7 d APR = 2,100 / 1.5M × 365/7 = 7.3 %', () => {
    store = openSqliteStore(':memory:');
    const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' });
    const source = config.sources.find((s): s is SourceOfKind<'sequencer'> => s.kind === 'sequencer')!;
    // One stored totalLocked per hour over the window: 1M for the first half, 2M for the second.
    for (let t = NOW - 7 * DAY; t < NOW; t += 3600) store.addMetrics(source.id, t, { totalLocked: t < NOW - 3.5 * DAY ? 1_000_000 : 2_000_000 });
    store.setCursor(eventCursorKey(source.id), { startBlock: 1n, startTime: NOW - 8 * DAY, nextBlock: 100n });
    const paid = [700n, 700n, 700n].map((amount, i) => ({
      sourceId: source.id, chainId: 1, name: 'DistributeReward', blockNumber: BigInt(10 + i), blockTime: NOW - (i + 1) * 2 * DAY,
      logIndex: 0, txHash: `0x${String(i).padStart(64, '0')}`, args: { amount: amount * E18 },
    }));
    store.addEvents(paid);
    const observation = { sourceId: source.id, chainId: 1, blockNumber: 200n, blockTime: NOW, observedAt: NOW * 1000, values: { rewardPerBlock: E18 / 100n, totalLocked: 2_000_000n * E18, exitDelay: 0n } };
    const figures = sequencerFigures({ source, observation, store, measuredBlockTime: figure(4) });
    // Hourly steps put the switch within the hour of 3.5 d: the mean is 1.5M within 1/168 of a step.
    expect(figures.realizedApr7d.ok && figures.realizedApr7d.value).toBeCloseTo(0.073, 6);
    // Divided by today's 2M it would be 5.475 %: the old definition is gone.
    expect(figures.realizedApr7d.ok && figures.realizedApr7d.value).not.toBeCloseTo(0.05475, 3);
  });
});
