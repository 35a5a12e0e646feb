import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { fakePlatformVars } from '../helpers/fakePlatformEnv.ts';
import { spawnBot, type BotProcess } from './spawnBot.ts';

/** The Node arguments of `npm start` (`node <flags> dist/main.js`), read from package.json so the test runs what operators run. */
function startCommand(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = scripts.start!.split(/\s+/);
  if (node !== 'node' || !args.includes('dist/main.js')) throw new Error(`npm start is not "node … dist/main.js": ${scripts.start}`);
  return args;
}

/**
 * `npm start` runs the esbuild bundle, not the sources the other tests import: this builds it as `prestart`
 * does and checks that the bundle starts, polls, answers (a chart too: the font and resvg resolve from
 * dist/) and shuts down cleanly.
 */
describe('the compiled build, as npm start runs it', () => {
  let devnet: Devnet;
  let telegram: FakeBotApi;
  let bot: BotProcess;
  const CHAT = 4242;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'pipe' });
    [devnet, telegram] = await Promise.all([startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } }), startFakeBotApi()]);
    const dir = mkdtempSync(join(tmpdir(), 'compiled-'));
    const config = join(dir, 'bot.yaml');
    writeFileSync(config, readFileSync('config/devnet.yaml', 'utf8'));
    // Six days of stored APY before the first start, so /chart has a line to draw.
    const head = await devnet.deployment.l2.publicClient.getBlock();
    const store = openSqliteStore(join(dir, 'bot.db'));
    for (let day = 6; day >= 1; day--) store.addMetrics('seMetis', Number(head.timestamp) - day * 86_400, { apy24h: 0.12 + day / 1000 });
    store.close();
    bot = spawnBot(['--config', config], { LOG_LEVEL: 'info', METIS_BOT_DB: join(dir, 'bot.db'), DEVNET_L1_RPC: devnet.l1.url, DEVNET_L2_RPC: devnet.l2.url, ...fakePlatformVars({ telegram }) }, { node: startCommand() });
  }, 120_000);

  afterAll(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    await telegram?.close();
    await devnet?.stop();
  });

  it('polls every source, answers /apy and /chart over Telegram, and stops on SIGTERM with exit 0', async () => {
    const cycle = await bot.waitForLog((l) => l.msg === 'poll cycle done');
    expect(cycle).toMatchObject({ failures: 0 });

    telegram.sendUserMessage({ chatId: CHAT, text: '/apy' });
    expect((await telegram.nextMessageTo(CHAT, 10_000)).plain).toMatch(/Sequencer: nominal APR \d+\.\d\d%/);
    telegram.sendUserMessage({ chatId: CHAT, text: '/chart seMetis 7d' });
    const chart = await telegram.nextMessageTo(CHAT, 20_000);
    expect(chart.method).toBe('sendPhoto');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.logs().some((l) => l.msg === 'stopped')).toBe(true);
  }, 60_000);
});
