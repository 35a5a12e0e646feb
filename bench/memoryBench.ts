import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema, type Config } from '../src/config/configSchema.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { DEVNET_ADDRESSES } from '../src/devnet/deployDevnet.ts';
import type { Devnet } from '../src/devnet/startDevnet.ts';
import { silentLogger } from '../src/log/logger.ts';
import { metricValues, TOWER_SOURCE_ID } from '../src/metrics/computeSnapshot.ts';
import { Poller } from '../src/poller/poller.ts';
import { createFailoverRpc } from '../src/rpc/failoverRpc.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import type { MemoryFigures } from './memoryChild.ts';

const YEAR_SECONDS = 365 * 86_400;
const STEP_SECONDS = 300;

export interface MemoryBenchResult extends MemoryFigures {
  readonly sources: number;
  readonly observations: number;
  readonly metricRows: number;
  readonly dbMb: number;
  readonly fillSeconds: number;
}

/** The devnet's seven sources and thirteen more over the same contracts: twenty, as a busy deployment. */
function twentySources(devnet: Devnet, dbPath: string): Config {
  const base = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: devnet.l1.url, DEVNET_L2_RPC: devnet.l2.url, METIS_BOT_DB: dbPath });
  const { seMetis, eMetis, v2EMetisWmetis } = DEVNET_ADDRESSES.l2;
  const tokens: Record<string, unknown> = { ...base.tokens };
  const sources: Record<string, unknown>[] = [...base.sources];
  for (let i = 0; i < 7; i++) {
    tokens[`vault${i}`] = { base: 'eMetis', rateFrom: `vault${i}` };
    sources.push({ id: `vault${i}`, kind: 'erc4626', chain: 1088, token: `vault${i}`, vault: seMetis });
  }
  for (let i = 0; i < 6; i++) sources.push({ id: `pool${i}`, kind: 'uniswap-v2', chain: 1088, pool: v2EMetisWmetis, asset: 'eMetis', assetAddress: eMetis, quote: 'METIS' });
  return configSchema.parse({ ...base, tokens, sources });
}

/**
 * Memory with a year of history: twenty sources read for real on the devnet (so every stored row has the
 * shape the readers write), then a year of 5-minute observations and metrics written behind them; the bot is
 * then started on that file in a fresh process (createApp computes the snapshot from the store) and runs one
 * cycle, and its RSS is read there.
 */
export async function benchMemory(devnet: Devnet): Promise<MemoryBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'metis-bot-memory-'));
  try {
    const dbPath = join(dir, 'year.db');
    const config = twentySources(devnet, dbPath);
    const store = openSqliteStore(dbPath);
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 10_000 })]));
    const poller = new Poller({ config, store, rpcs, logger: silentLogger });
    await devnet.scenario.advance(3_600);
    await poller.runCycle();

    const started = Date.now();
    const steps = YEAR_SECONDS / STEP_SECONDS;
    let observations = 0;
    let metricRows = 0;
    const templates = config.sources.map((source) => {
      const latest = store.latestObservation(source.id);
      if (!latest) throw new Error(`bench: ${source.id} was not read on the devnet`);
      const figures = poller.snapshot().sources.find((s) => s.id === source.id)?.figures;
      return { latest, metrics: figures ? metricValues(figures) : {} };
    });
    const leverage = poller.snapshot().tower.leverage;
    const chunk = 5_000;
    for (let from = steps; from > 0; from -= chunk) {
      store.transaction(() => {
        for (let back = from; back > Math.max(0, from - chunk); back--) {
          for (const { latest, metrics } of templates) {
            const blockTime = latest.blockTime - back * STEP_SECONDS;
            const blocksBack = BigInt(Math.round((back * STEP_SECONDS) / (latest.chainId === 1 ? 12 : 4)));
            store.addObservation({ ...latest, blockTime, observedAt: blockTime * 1000, blockNumber: latest.blockNumber - blocksBack });
            observations += 1;
            if (Object.keys(metrics).length > 0) {
              store.addMetrics(latest.sourceId, blockTime, metrics);
              metricRows += Object.keys(metrics).length;
            }
          }
          if (leverage.ok) {
            store.addMetrics(TOWER_SOURCE_ID, templates[0]!.latest.blockTime - back * STEP_SECONDS, { leverage: leverage.value });
            metricRows += 1;
          }
        }
      });
    }
    store.close();
    const fillSeconds = (Date.now() - started) / 1000;
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const figures = await measureInChild(configFile);
    const dbMb = ['', '-wal'].reduce((sum, suffix) => {
      try {
        return sum + statSync(`${dbPath}${suffix}`).size / 2 ** 20;
      } catch {
        return sum;
      }
    }, 0);
    return { ...figures, sources: config.sources.length, observations, metricRows, dbMb, fillSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureInChild(configFile: string): Promise<MemoryFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/memoryChild.ts', configFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`memory bench child exited with ${code}: ${out}`));
      else resolve(JSON.parse(out) as MemoryFigures);
    });
  });
}
