import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import type { HealthReport } from '../../src/ops/health.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { spawnBot, type BotProcess } from './spawnBot.ts';
import { startSwitchableProxy, type SwitchableProxy } from './switchableProxy.ts';

const TOKEN = '7000004:SECRET-process-start-0123456789';

/** The bot as an operator starts it (`src/main.ts`), with a Telegram that is unreachable or says no. */
describe('starting the bot process with Telegram away or refusing', () => {
  let devnet: Devnet;
  let telegram: FakeBotApi;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    devnet = await startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } });
    telegram = await startFakeBotApi({ token: TOKEN });
  });

  afterEach(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    bot = undefined;
  });

  afterAll(async () => {
    await telegram?.close();
    await devnet?.stop();
  });

  function run(env: Record<string, string>): BotProcess {
    const dir = mkdtempSync(join(tmpdir(), 'platform-start-'));
    const config = join(dir, 'bot.yaml');
    writeFileSync(config, `${readFileSync('config/devnet.yaml', 'utf8')}\nhttp:\n  port: 0\n  host: 127.0.0.1\n`);
    bot = spawnBot(['--config', config], { LOG_LEVEL: 'info', METIS_BOT_DB: join(dir, 'bot.db'), DEVNET_L1_RPC: devnet.l1.url, DEVNET_L2_RPC: devnet.l2.url, ...env });
    return bot;
  }

  it('GIVEN a Telegram API that refuses connections THEN the process says so, polls, serves /healthz with telegram down, and stops cleanly on SIGTERM', async () => {
    const away: SwitchableProxy = await startSwitchableProxy(telegram.apiRoot); // never brought up
    try {
      const bot = run({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: away.url });
      const warned = await bot.waitForLog((l) => String(l.msg).includes('Telegram is unreachable'));
      expect(warned).toMatchObject({ level: 'warn', platform: 'telegram', error: expect.stringContaining('ECONNREFUSED') });
      const listening = await bot.waitForLog((l) => l.msg === 'ops endpoint listening');
      await bot.waitForLog((l) => l.msg === 'poll cycle done');
      const health = (await (await fetch(`${String(listening.url)}/healthz`)).json()) as HealthReport;
      expect(health).toMatchObject({ status: 'degraded', platforms: { telegram: { state: 'down' } } });
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.stderr()).not.toContain(TOKEN.split(':')[1]);
    } finally {
      await away.close();
    }
  });

  it('GIVEN a token Telegram rejects THEN the start stops: exit 1 and the reason', async () => {
    const bot = run({ TELEGRAM_BOT_TOKEN: '7000004:this-is-not-the-token-0000', TELEGRAM_API_ROOT: telegram.apiRoot });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('Cannot start: Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)');
  });
});
