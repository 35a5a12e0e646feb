import { DEVNET_INITIAL } from '../../src/devnet/devnetInitial.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';

const DAY = 86_400;

/**
 * The devnet history several integration tests compute their expected figures from: the seMetis share price
 * 1.000000 on day 0, 1.002000 on day 7 and 1.002400 on day 8 (the vault's 300,000 shares as deployed, the
 * growth transferred in as 600 then 120 new eMetis), and the eMetis pool 37 bps under fair on day 8.
 * `poll(day)` runs after each day's state is set (day 0 to 8); the chain has advanced one day between polls.
 * The scenario must not grow the vault itself (vaultApr 0).
 */
export async function playEightDays(devnet: Devnet, poll: (day: number) => Promise<void>): Promise<void> {
  const shares = DEVNET_INITIAL.l2.seMetisTotalSupply;
  await devnet.scenario.setVaultTotals(shares, shares);
  await poll(0);
  for (let day = 1; day <= 8; day++) {
    await devnet.scenario.advance(DAY);
    if (day === 7) await devnet.scenario.setVaultTotals((shares * 1_002_000n) / 1_000_000n, shares);
    if (day === 8) {
      await devnet.scenario.setVaultTotals((shares * 1_002_400n) / 1_000_000n, shares);
      await devnet.scenario.setDepeg('v2EMetisWmetis', -37);
    }
    await poll(day);
  }
}
