import type { Devnet } from '../../src/devnet/startDevnet.ts';

const DAY = 86_400;
const E18 = 10n ** 18n;

/**
 * The devnet history several integration tests compute their expected figures from: the seMetis share price
 * 1.000000 on day 0, 1.002000 on day 7 and 1.002400 on day 8, and the eMetis pool 37 bps under fair on day 8.
 * `poll(day)` runs after each day's state is set (day 0 to 8); the chain has advanced one day between polls.
 */
export async function playEightDays(devnet: Devnet, poll: (day: number) => Promise<void>): Promise<void> {
  await devnet.scenario.setVaultTotals(1_000_000n * E18, 1_000_000n * E18);
  await poll(0);
  for (let day = 1; day <= 8; day++) {
    await devnet.scenario.advance(DAY);
    if (day === 7) await devnet.scenario.setVaultTotals(1_002_000n * E18, 1_000_000n * E18);
    if (day === 8) {
      await devnet.scenario.setVaultTotals(1_002_400n * E18, 1_000_000n * E18);
      await devnet.scenario.setDepeg('v2EMetisWmetis', -37);
    }
    await poll(day);
  }
}
