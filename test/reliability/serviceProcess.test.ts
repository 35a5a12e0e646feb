import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { EXIT_SHUTDOWN_FAILED } from '../../src/ops/shutdown.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';
import { startGatedProxy, type GatedProxy } from './gatedProxy.ts';
import { spawnBot, type BotProcess } from './spawnBot.ts';

const TELEGRAM_TOKEN = '7000002:SECRET-Telegram-0123456789abcdef';
const L1_KEY = 'L1KEY-9f3c0ffee1234567890abcdef';
const L2_KEY = 'L2KEY-feedfacecafebeef01234567';

/** config/devnet.yaml with the operations endpoint on a free port and the given RPC timeout. */
function writeConfig(dir: string, rpcTimeout: string): string {
  const text = readFileSync('config/devnet.yaml', 'utf8').replace(/rpc:\n {2}timeout: \S+/, `rpc:\n  timeout: ${rpcTimeout}`);
  const file = join(dir, 'bot.yaml');
  writeFileSync(file, `${text}\nhttp:\n  port: 0\n  host: 127.0.0.1\n`);
  return file;
}

const observationsOf = (path: string, sourceId: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM observations WHERE source_id = ?').get(sourceId) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the bot as a process', () => {
  let devnet: Devnet;
  let l1: GatedProxy;
  let l2: GatedProxy;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    devnet = await startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } });
    [l1, l2] = await Promise.all([startGatedProxy(devnet.l1.url), startGatedProxy(devnet.l2.url)]);
  });

  afterEach(async () => {
    l1.release();
    l2.release();
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    bot = undefined;
  });

  afterAll(async () => {
    await Promise.all([l1?.close(), l2?.close()]);
    await devnet?.stop();
  });

  function run(p: { rpcTimeout?: string; env?: Record<string, string> } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'bot-process-'));
    const db = join(dir, 'bot.db');
    const config = writeConfig(dir, p.rpcTimeout ?? '5s');
    bot = spawnBot(['--config', config], {
      LOG_LEVEL: 'debug',
      METIS_BOT_DB: db,
      // API keys in the path and in the query string, as hosted RPC providers give them.
      DEVNET_L1_RPC: `${l1.url}/v3/${L1_KEY}`,
      DEVNET_L2_RPC: `${l2.url}/rpc?apikey=${L2_KEY}`,
      ...p.env,
    });
    return { bot, db };
  }

  describe('secrets', () => {
    let telegram: FakeBotApi;
    let discord: FakeDiscord;

    beforeAll(async () => {
      [telegram, discord] = await Promise.all([startFakeBotApi({ token: TELEGRAM_TOKEN }), startFakeDiscord()]);
    });

    afterAll(async () => {
      await Promise.all([telegram?.close(), discord?.close()]);
    });

    it('GIVEN known tokens, keyed RPC URLs and errors that carry the tokens THEN none of them appears in the output, /healthz or /metrics', async () => {
      // Errors that include the secrets: grammY's network error holds the request URL (with the token), a
      // Bot API and a Discord answer that echo the tokens back.
      telegram.failNext('setMyCommands', { kind: 'reset' });
      telegram.failNext('sendMessage', { status: 400, description: `Bad Request: chat not found for bot${TELEGRAM_TOKEN}` });
      discord.failNext(`GET /applications/${discord.applicationId}/commands`, { status: 403, code: 50001, message: `Missing Access for ${discord.token}` });
      const { bot } = run({
        env: {
          TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          DISCORD_TOKEN: discord.token,
          DISCORD_APPLICATION_ID: discord.applicationId,
          DISCORD_REST_API: discord.apiRoot,
        },
      });
      const listening = await bot.waitForLog((l) => l.msg === 'ops endpoint listening');
      await bot.waitForLog((l) => l.msg === 'poll cycle done');
      const published = await bot.waitForLog((l) => l.msg === 'could not publish the command list');
      // The secret was there, and was taken out: the URL of the failed request names the bot.
      expect(JSON.stringify(published)).toContain('/bot[redacted]/setMyCommands');
      await bot.waitForLog((l) => l.msg === 'could not register the Discord slash commands');

      telegram.sendUserMessage({ chatId: 99, text: '/apy' }); // its reply is refused with the echoed token
      telegram.sendUserMessage({ chatId: 99, text: '/status' });
      // The refused reply leaves the user the one failure reply, with a reference and without the Bot API's words.
      const failure = (await telegram.nextMessageTo(99)).plain;
      expect(failure).toMatch(/^Something went wrong answering that; it has been logged with the reference [0-9a-f]{8}\.$/);
      expect((await telegram.nextMessageTo(99)).plain).toContain('Status');
      const interaction = discord.dispatchInteraction({ name: 'status' });
      await discord.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`));

      const url = String(listening.url);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const healthBody = await health.text();
      const metricsBody = await (await fetch(`${url}/metrics`)).text();
      expect(metricsBody).toContain('metis_bot_rpc_requests_total{chain="1",endpoint="http://127.0.0.1:');

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      const everything = [bot.stdout(), bot.stderr(), healthBody, metricsBody].join('\n');
      expect(everything).toContain('Bot API refused a call');
      for (const secret of [TELEGRAM_TOKEN, TELEGRAM_TOKEN.split(':')[1]!, discord.token, discord.token.split('.')[2]!, L1_KEY, L2_KEY]) {
        expect(everything).not.toContain(secret);
      }
    });
  });

  describe('shutdown', () => {
    it('GIVEN SIGTERM while a poll cycle is in flight THEN the cycle finishes and is stored, the database closes, exit 0', async () => {
      l2.hold('eth_call');
      const { bot, db } = run();
      await bot.waitForLog((l) => l.msg === 'first poll cycle');
      await l2.held();
      bot.child.kill('SIGTERM');
      await bot.waitForLog((l) => l.msg === 'shutting down');
      l2.release();
      expect(await bot.exited).toBe(0);
      const logs = bot.logs();
      const done = logs.findIndex((l) => l.msg === 'poll cycle done');
      const stopped = logs.findIndex((l) => l.msg === 'stopped');
      expect(done).toBeGreaterThan(-1);
      expect(stopped).toBeGreaterThan(done);
      expect(logs[done]).toMatchObject({ failures: 0 });
      // What the in-flight cycle read from L2 is in the database.
      expect(observationsOf(db, 'seMetis')).toBe(1);
    });

    it('GIVEN a cycle that cannot finish THEN the process exits non-zero at the 10 s deadline', async () => {
      l2.hold('eth_call');
      const { bot } = run({ rpcTimeout: '120s' });
      await l2.held();
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(EXIT_SHUTDOWN_FAILED);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(10_000);
      expect(bot.logs()).toContainEqual(expect.objectContaining({ level: 'error', msg: 'shutdown did not finish in time: exiting anyway' }));
    });
  });
});
