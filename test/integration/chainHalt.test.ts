import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import type { App } from '../../src/app.ts';
import { configSchema } from '../../src/config/configSchema.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { consoleBot } from '../helpers/consoleBot.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const CYCLE = 300;
/** 2023-11-14 22:13:20 UTC: the bot's clock at the start; every cycle moves it 5 minutes. */
const START = 1_700_000_000_000;

/**
 * A halted L2 on the devnet: the L2 anvil stops mining while L1 and the bot's (injected) clock move on. The RPC
 * keeps answering with the old head, so every source reads "fresh"; the halt must still show in /status,
 * /healthz, /metrics and the age cells, and alert the sequencer's subscribers once, across a restart, with
 * one recovery when blocks resume. devnet.yaml leaves haltAfter at its defaults: 5 min for 1088, 2 for 1.
 */
describe('a halted chain on the devnet', () => {
  let devnetApp: DevnetApp;
  let devnet: Devnet;
  let app: App;
  let wall = START;
  const bot = consoleBot((output) => devnetApp.open({ consoleOutput: output }));
  const type = bot.type;
  const open = async () => {
    app = await bot.open();
  };

  const answer = (text: string) => renderText(handleCommandText(text, app.context)!);
  const count = bot.count;
  const chainLine = (status: string, id: number) => status.split('\n').find((l) => l.includes(`(${id}): RPC`)) ?? '';
  const metric = async (name: string, labels: string) => {
    const line = (await app.metrics.render()).body.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };
  const healthz = async () => {
    const response = await fetch(`${app.ops!.url}/healthz`);
    return { code: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** Both chains move 5 minutes (the scenario mines L2 blocks up to L1's time), then one cycle. */
  async function cycle(): Promise<void> {
    await devnet.scenario.advance(CYCLE);
    wall += CYCLE * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  /** Only L1 makes a block, 5 minutes on; the L2 anvil mines nothing (it mines only when told). Then one cycle. */
  async function haltedCycle(): Promise<void> {
    const l1 = devnet.deployment.l1;
    const head = await l1.publicClient.getBlock();
    await l1.testClient.setNextBlockTimestamp({ timestamp: head.timestamp + BigInt(CYCLE) });
    await l1.testClient.mine({ blocks: 1 });
    wall += CYCLE * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  beforeAll(async () => {
    devnetApp = await startDevnetApp({ databaseFile: true, now: () => wall, config: (loaded) => configSchema.parse({ ...loaded, http: { port: 0, host: '127.0.0.1' } }), startApp: false });
    devnet = devnetApp.devnet;
    await open();
  }, 120_000);

  afterAll(async () => {
    await bot.close();
    await devnetApp?.stop();
  });

  it('GIVEN both chains moving THEN nothing is halted: /status, /healthz and the head-age gauges say so', async () => {
    expect(await type('/subscribe alerts sequencer')).toContain('Subscribed: alerts for sequencer');
    await cycle(); // 22:18:20
    await cycle(); // 22:23:20
    await cycle(); // 22:28:20: the last read at which L2 moved
    const status = answer('/status');
    expect(status).not.toContain('no new block');
    expect(status).not.toContain('HALTED');
    expect(await healthz()).toMatchObject({ code: 200, body: { status: 'ok' } });
    expect((await healthz()).body).not.toHaveProperty('haltedChains');
    expect(await metric('metis_bot_chain_head_age_seconds', 'chain="1088"')).toBe(0);
    expect(await metric('metis_bot_chain_halted', 'chain="1088"')).toBe(0);
    expect(answer('/apy')).not.toMatch(/block \S+ old/);
  }, 60_000);

  it('GIVEN L2 stops THEN halted after haltAfter (5 min), alerted once after K = 2 cycles, while its sources still read fresh', async () => {
    await haltedCycle(); // 22:33:20: the head stood 300 s at this read, = haltAfter
    let status = answer('/status');
    expect(chainLine(status, 1088)).toContain('no new block since 22:28 UTC (5 min): HALTED (haltAfter 5m)');
    expect(chainLine(status, 1)).not.toContain('no new block');
    expect(status).toMatch(/seMetis\s+ok\s+#\d+\s+0s\n/); // the read is fine; one cycle apart is no news
    expect(count(/has produced no block/)).toBe(0); // K = 2: one cycle is not enough

    await haltedCycle(); // 22:38:20: 600 s
    expect(count(/has produced no block/)).toBe(1);
    expect(bot.printed()).toMatch(/Devnet L2 has produced no block for 10 min\n.*Head #\d+ \(chain 1088\), unchanged since 22:28 UTC/);

    status = answer('/status');
    expect(chainLine(status, 1088)).toContain('no new block since 22:28 UTC (10 min): HALTED');
    // The reads are new (0s), the block is not: the age cells say both once they differ by more than a cycle.
    expect(status).toMatch(/seMetis\s+ok\s+#\d+\s+0s \(block 10m old\)/);
    expect(status).toMatch(/sequencer\s+ok\s+#\d+\s+0s\n/);
    expect(answer('/apy')).toMatch(/ENKI seMetis .* 0s \(block 10m old\)/);
    expect(answer('/apy seMetis')).toContain('the chain has made no block since, so the block is 10m old');
    expect(answer('/apy')).toMatch(/Sequencer mining .* 0s\n/); // L1 moves: its read is its block's age

    const health = await healthz();
    expect(health).toMatchObject({ code: 200, body: { status: 'degraded', reason: 'no new block on Devnet L2 (1088)', haltedChains: ['Devnet L2 (1088)'], staleSources: [] } });
    expect(await metric('metis_bot_chain_head_age_seconds', 'chain="1088"')).toBe(600);
    expect(await metric('metis_bot_chain_halted', 'chain="1088"')).toBe(1);
    expect(await metric('metis_bot_chain_halted', 'chain="1"')).toBe(0);
    expect(await metric('metis_bot_chain_head_age_seconds', 'chain="1"')).toBe(0);
    // The chain's own word, beside the bot's: now minus the head block's timestamp.
    const l2Head = await devnet.deployment.l2.publicClient.getBlock();
    expect(await metric('metis_bot_chain_head_block_age_seconds', 'chain="1088"')).toBe(wall / 1000 - Number(l2Head.timestamp));
  }, 60_000);

  it('GIVEN a restart during the halt THEN the halt is remembered at once and the alert is not repeated', async () => {
    await app.stop();
    await open();
    // Before any cycle: the stored head says the chain had stood for 10 min at its last read.
    expect(chainLine(answer('/status'), 1088)).toContain('no new block since 22:28 UTC (10 min): HALTED');
    await haltedCycle(); // 22:43:20
    await haltedCycle(); // 22:48:20
    expect(count(/has produced no block/)).toBe(1);
    expect(chainLine(answer('/status'), 1088)).toContain('no new block since 22:28 UTC (20 min): HALTED');
    expect(await type('/alerts')).toMatch(/Open: halt chain:1088 \(warning\)/);
    expect(await metric('metis_bot_chain_head_age_seconds', 'chain="1088"')).toBe(1_200);
  }, 60_000);

  it('GIVEN blocks resume THEN one recovery after K cycles, /status and /healthz clear, nothing repeated', async () => {
    await cycle(); // the scenario mines L2 up to L1's time
    expect(count(/produces blocks again/)).toBe(0); // K = 2 to clear too
    expect(answer('/status')).not.toContain('no new block');
    expect(answer('/apy')).not.toMatch(/block \S+ old/);
    await cycle();
    expect(count(/Devnet L2 produces blocks again/)).toBe(1);
    await cycle();
    await cycle();
    expect(count(/has produced no block/)).toBe(1);
    expect(count(/produces blocks again/)).toBe(1);
    expect(await healthz()).toMatchObject({ code: 200, body: { status: 'ok' } });
    expect(await metric('metis_bot_chain_halted', 'chain="1088"')).toBe(0);
    expect(await type('/alerts')).toMatch(/Open: none/);
  }, 60_000);
});
