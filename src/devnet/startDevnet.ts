import { startAnvil, type AnvilHandle } from './anvil.ts';
import { compileFixtures, type Fixtures } from './compileFixtures.ts';
import { deployDevnet, type DevnetDeployment } from './deployDevnet.ts';
import { L1_CHAIN_ID, L2_CHAIN_ID } from './devnetAddresses.ts';
import { createScenario } from './scenario.ts';
import { type Scenario, type ScenarioOptions } from './scenarioTypes.ts';

export interface StartDevnetOptions {
  /** Genesis timestamp of BOTH chains (unix seconds). Default: now, rounded down to the second. */
  readonly genesisTime?: number;
  /** Ports on 127.0.0.1; free ones are picked when absent. */
  readonly l1Port?: number;
  readonly l2Port?: number;
  /** Passed to createScenario. */
  readonly scenario?: ScenarioOptions;
}

export interface Devnet {
  readonly l1: AnvilHandle;
  readonly l2: AnvilHandle;
  readonly deployment: DevnetDeployment;
  readonly fixtures: Fixtures;
  readonly scenario: Scenario;
  /**
   * Makes both chains mine on their own at their block times (L1 12 s, L2 4 s: anvil interval mining), like live
   * chains, for when the scenario is done: transactions then wait for the next block, so advance() must not run
   * while it is on. Stop it with freeze().
   */
  keepMining(): Promise<void>;
  /** Back to blocks only on demand (interval mining off, automine on): a halted chain, or the scenario again. */
  freeze(): Promise<void>;
  /** Stops both anvils; resolves when both processes have exited. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts two anvils (chain ids 1 and 1088, same genesis time), compiles the fixtures (cached), deploys the
 * tower (DEVNET_ADDRESSES, DEVNET_INITIAL) and returns it with a scenario to move it through time.
 * If anything fails on the way, whatever was started is stopped again.
 */
export async function startDevnet(opts: StartDevnetOptions = {}): Promise<Devnet> {
  const genesisTime = opts.genesisTime ?? Math.floor(Date.now() / 1000);
  const started = await Promise.allSettled([
    startAnvil({ chainId: L1_CHAIN_ID, timestamp: genesisTime, ...(opts.l1Port !== undefined ? { port: opts.l1Port } : {}) }),
    startAnvil({ chainId: L2_CHAIN_ID, timestamp: genesisTime, disableCodeSizeLimit: true, ...(opts.l2Port !== undefined ? { port: opts.l2Port } : {}) }),
    compileFixtures(),
  ]);
  const [l1r, l2r, fr] = started;
  const stopStarted = () =>
    Promise.all([l1r, l2r].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined))).then(() => undefined);
  if (l1r.status === 'rejected' || l2r.status === 'rejected' || fr.status === 'rejected') {
    await stopStarted();
    throw [l1r, l2r, fr].find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
  }
  const l1 = l1r.value;
  const l2 = l2r.value;
  const fixtures = fr.value;
  try {
    const deployment = await deployDevnet({ l1Url: l1.url, l2Url: l2.url, fixtures });
    const scenario = createScenario(deployment, opts.scenario);
    const chains = [
      { chain: deployment.l1, blockTime: deployment.l1BlockTimeSeconds },
      { chain: deployment.l2, blockTime: deployment.l2BlockTimeSeconds },
    ];
    const keepMining = async () => {
      await Promise.all(chains.map(({ chain, blockTime }) => chain.testClient.setIntervalMining({ interval: blockTime })));
    };
    const freeze = async () => {
      // Interval 0 turns interval mining off and leaves no mining mode: automine has to come back explicitly.
      await Promise.all(chains.map(({ chain }) => chain.testClient.setIntervalMining({ interval: 0 })));
      await Promise.all(chains.map(({ chain }) => chain.testClient.setAutomine(true)));
    };
    return { l1, l2, deployment, fixtures, scenario, keepMining, freeze, stop: stopStarted };
  } catch (error) {
    await stopStarted();
    throw error;
  }
}
