import { figure, missing } from '../../src/core/figure.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import type { CommandContext } from '../../commands/command.ts';
import { commands } from '../../commands/registry.ts';

export const NOW = 1_800_000_000_000;

/** A snapshot as the poller would build it; the values are data, not code under test. */
export const snapshot: Snapshot = {
  sources: [
    {
      id: 'sequencer', label: 'Sequencer mining', kind: 'sequencer', chainId: 1, staleAfterSeconds: 900,
      lastRead: { blockNumber: 100n, blockTime: 1_799_999_900, observedAt: NOW - 120_000 },
      figures: {
        kind: 'sequencer', rewardPerBlock: figure(0.02), totalLocked: figure(1_000_000), exitDelaySeconds: figure(21 * 86_400),
        blockTimeSeconds: figure(4), nominalApr: figure(0.15768), nominalApy: figure(0.17078), nominalApyChange24h: figure(0),
        realizedApr7d: figure(0.1575), realizedApy7d: figure(0.17056), realizedApr30d: missing('not-enough-history'),
      },
    },
    {
      id: 'seMetis', label: 'seMetis <vault> & co', kind: 'erc4626', chainId: 1088, token: 'seMetis', staleAfterSeconds: 900,
      lastRead: { blockNumber: 200n, blockTime: 1_799_999_900, observedAt: NOW - 3_600_000 },
      figures: {
        kind: 'yield', rate: figure(1.05), baseToken: 'eMetis', apy24h: figure(0.1274), apy7d: figure(0.1271), apy30d: missing('not-enough-history'),
        apyChange24h: figure(-0.0001), tvl: figure(315_000), supply: figure(300_000), spreadOverBase: figure(0.1271 - 0.17078),
      },
      lastError: { message: 'convertToAssets reverted: <boom>', at: NOW - 60_000 },
    },
    {
      id: 'eMetis-METIS', label: 'eMetis/METIS', kind: 'uniswap-v2', chainId: 1088, staleAfterSeconds: 900,
      lastRead: { blockNumber: 200n, blockTime: 1_799_999_900, observedAt: NOW - 120_000 },
      figures: {
        kind: 'pool', asset: 'eMetis', quote: 'METIS', price: figure(0.9963), fairValue: figure(1), depegBps: figure(-37),
        twapPrice: missing('no-twap'), twapDepegBps: missing('no-twap'),
        // A V2 reserve of 100,000 eMetis: 100,000 × 0.01 / 0.99 and 100,000 × 0.05 / 0.95.
        exitLiquidity1pct: figure(100_000 / 99), exitLiquidity5pct: figure(100_000 / 19),
      },
    },
  ],
  tower: {
    baseToken: 'METIS', base: figure(1_000_000), claimsInBase: figure(1_119_000), leverage: figure(1.119),
    // 804,000 eMetis × 1 + 300,000 seMetis × 1.05 = 1,119,000 METIS of claims on 1,000,000 locked.
    layers: [
      { token: 'eMetis', supply: figure(804_000), inBase: figure(804_000), ofBase: figure(0.804) },
      { token: 'seMetis', supply: figure(300_000), inBase: figure(315_000), ofBase: figure(0.315) },
    ],
    leverageChange24h: figure(0.0021), leverageChange7d: figure(-0.0105),
  },
  chains: [{ id: 1, name: 'Ethereum', rpc: { chainId: 1, inUse: 'http://127.0.0.1:8545', endpoints: [] }, head: { number: 100n, time: 1 }, readAt: NOW - 120_000 }],
  lastCycle: { startedAt: NOW - 125_000, finishedAt: NOW - 120_000 },
  // tokens: eMetis and WMETIS are 1:1 claims on METIS (seMetis is valued by its vault's rate).
  parLinks: new Map([
    ['eMetis', 'METIS'],
    ['WMETIS', 'METIS'],
  ]),
};

export const context: CommandContext = { snapshot: () => snapshot, now: () => NOW, commands: () => commands };

/** The fixture with a seMetis/WMETIS V2 pool of its own: a loop on seMetis then has an exit (500 seMetis at 1 %, 2,600 at 5 %). */
export const snapshotWithSeMetisPool: Snapshot = {
  ...snapshot,
  sources: [
    ...snapshot.sources,
    {
      id: 'seMetis-WMETIS', label: 'seMetis/WMETIS', kind: 'uniswap-v2', chainId: 1088, staleAfterSeconds: 900,
      figures: {
        kind: 'pool', asset: 'seMetis', quote: 'WMETIS', price: figure(1.04), fairValue: figure(1.05), depegBps: figure(-95),
        twapPrice: missing('no-twap'), twapDepegBps: missing('no-twap'), exitLiquidity1pct: figure(500), exitLiquidity5pct: figure(2_600),
      },
    },
  ],
};
