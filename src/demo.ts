import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from './config/env.ts';
import { loadConfig } from './config/loadConfig.ts';
import { createApp, type App } from './app.ts';
import { DAY_SECONDS } from './core/units.ts';
import { DEVNET_SEQUENCERS } from './devnet/devnetSequencers.ts';
import type { Scenario } from './devnet/scenarioTypes.ts';
import { startDevnet } from './devnet/startDevnet.ts';
import { createLogger } from './log/logger.ts';
import { runService } from './main.ts';

/** How much history the demo makes before it answers: enough for 24 h and 7 d figures. */
const SIMULATED_DAYS = 8;
const STEP_SECONDS = 6 * 3600;

/**
 * The sequencers' story in the demo (DEVNET_SEQUENCERS): on day 3 ENKI0 claims its reward, on day 5 Bedrock starts
 * its exit. Reward batches come every step. The base (totalLocked) stays 1,000,000 METIS: no exit is claimed.
 */
async function sequencerEvents(scenario: Scenario, elapsed: number): Promise<void> {
  const id = (name: string) => DEVNET_SEQUENCERS.find((s) => s.name === name)!.seqId;
  if (elapsed === 3 * DAY_SECONDS) await scenario.claimSequencerRewards(id('ENKI0'));
  if (elapsed === 5 * DAY_SECONDS) await scenario.unlockInitSequencer(id('Bedrock'));
}

/**
 * `npm run demo`: two local anvil chains (ids 1 and 1088) with real Uniswap V2/V3 and Algebra pools, a stable
 * pair, OpenZeppelin tokens and vault (src/devnet), eight simulated days of rewards, share-price growth and pool
 * trades, each step polled by the real bot, then the console chat.
 * No tokens, no internet. Then the chains keep mining at their block times, polled on the config's schedule, until
 * the demo stops (end of input, Ctrl-C or an error) and the chains with it.
 */
async function demo(): Promise<void> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const started = Date.now();
  const genesisTime = Math.floor(started / 1000) - SIMULATED_DAYS * DAY_SECONDS - 60;
  say('Starting two local chains (anvil, chain ids 1 and 1088) and deploying the contracts (Uniswap V2/V3, Algebra, OpenZeppelin ERC-20/ERC-4626)…');
  // Only the last blocks of each step need to be at the real cadence for the block-time window (2,000 in devnet.yaml).
  const devnet = await startDevnet({ genesisTime, scenario: { maxL2BlocksPerAdvance: 2_100 } });
  const dataDir = mkdtempSync(join(tmpdir(), 'metis-yield-demo-'));
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await devnet.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const environment = { ...process.env, DEVNET_L1_RPC: devnet.l1.url, DEVNET_L2_RPC: devnet.l2.url, METIS_BOT_DB: join(dataDir, 'demo.db') };
    const parsed = parseEnv({ LOG_LEVEL: 'warn', ...process.env, TELEGRAM_BOT_TOKEN: process.env.TELEGRAM_BOT_TOKEN });
    if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
    const config = loadConfig('config/devnet.yaml', environment);
    const logger = createLogger({ level: parsed.env.LOG_LEVEL });
    const app = await createApp({ config, env: parsed.env, logger });
    say(`Simulating ${SIMULATED_DAYS} days in ${STEP_SECONDS / 3600} h steps, one poll cycle each…`);
    for (let elapsed = 0; elapsed < SIMULATED_DAYS * DAY_SECONDS; elapsed += STEP_SECONDS) {
      await sequencerEvents(devnet.scenario, elapsed);
      await devnet.scenario.advance(STEP_SECONDS);
      await app.poller.runCycle();
    }
    // From here on the chains live: a block every 12 s (L1) and 4 s (L2), polled on the config's schedule.
    await devnet.keepMining();
    say(`Chains: L1 ${devnet.l1.url}, L2 ${devnet.l2.url}, mining a block every ${devnet.deployment.l1BlockTimeSeconds} s and ${devnet.deployment.l2BlockTimeSeconds} s.`);
    // The chains stop inside the app's own stop, so a signal's shutdown waits for both anvils to exit
    // before the process does (a cleanUp of our own on the signal would race its exit).
    const stopApp = app.stop.bind(app);
    const demoApp: App = Object.assign(Object.create(app) as App, { stop: () => stopApp().finally(cleanUp) });
    // Ready is said once Ctrl-C is handled: a Ctrl-C right after it must stop the chains too.
    const ready = () =>
      say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ask: /apy, /apy seMetis, /simulate 1000 1y, /leverage, /sequencers, /sequencers ENKI0, /chart seMetis, /chart sequencers, /chart ENKI0, /subscribe alerts sequencer ENKI0, /status, /help (end of input or Ctrl-C stops).`);
    await runService({ app: demoApp, logger, chat: true, onSignalsHandled: ready });
  } finally {
    await cleanUp();
  }
}

await demo();
process.exit(0);
