import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { configSchema, type Config } from '../src/config/configSchema.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { DEVNET_ADDRESSES } from '../src/devnet/devnetAddresses.ts';
import { startDevnet, type Devnet } from '../src/devnet/startDevnet.ts';
import { silentLogger } from '../src/log/logger.ts';
import { metricValues, TOWER_SOURCE_ID } from '../src/figures/computeSnapshot.ts';
import { Poller } from '../src/poller/poller.ts';
import { eventCursorKey } from '../src/store/eventCursorKey.ts';
import { createFailoverRpc, type FailoverRpc } from '../src/rpc/failoverRpc.ts';
import { migrations } from '../src/store/migrations.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import type { Storage } from '../src/store/storage.ts';
import { createSubscriptionRuntime } from '../src/subscriptionRuntime.ts';
import type { Platform } from '../src/vocabulary/platform.ts';

/** What the memory scenario holds (issue 6): the cached history file is keyed by all of it. */
export const MEMORY_SCENARIO = {
  sources: 20,
  days: 365,
  stepSeconds: 300,
  /** One sequencer DistributeReward event an hour: a 30-day realized APR sums 720 of them. */
  rewardEverySeconds: 3_600,
  subscriptions: 10_000,
} as const;

/** Bump when the way the file is filled changes, so an old cached file is not reused. */
const FILL_VERSION = 2;

export interface HistoryFile {
  readonly path: string;
  /** Whether the file came from the cache (else it was filled just now). */
  readonly cached: boolean;
  /** Genesis of the devnet the file was read from: a devnet started at it again continues the history. */
  readonly genesisTime: number;
  readonly sources: number;
  readonly observations: number;
  readonly metricRows: number;
  readonly events: number;
  readonly digestSubscriptions: number;
  readonly alertSubscriptions: number;
  readonly alertStates: number;
  readonly fillSeconds: number;
}

/**
 * The devnet's seven sources and thirteen more over the same contracts: twenty, as a busy deployment. The
 * devnet's RPC URLs change with every devnet; the rest of the config does not.
 */
export function twentySources(devnet: { readonly l1: { readonly url: string }; readonly l2: { readonly url: string } }, dbPath: string): Config {
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
 * Starts the devnet the history continues: genesis at `genesisTime`, one day and one hour advanced (the same
 * steps, so the same blocks, as when the file was filled). The caller stops it.
 */
export async function startHistoryDevnet(genesisTime: number): Promise<Devnet> {
  const devnet = await startDevnet({ genesisTime, scenario: { maxL2BlocksPerAdvance: 2_100 } });
  try {
    await devnet.scenario.advance(86_400);
    await devnet.scenario.advance(3_600);
    return devnet;
  } catch (error) {
    await devnet.stop();
    throw error;
  }
}

const cacheKey = () =>
  createHash('sha256')
    .update(JSON.stringify({ MEMORY_SCENARIO, FILL_VERSION, schema: migrations.length, addresses: DEVNET_ADDRESSES }))
    .digest('hex')
    .slice(0, 12);

/**
 * The year of history, read once and kept in `.cache/bench/` (780 MB; about 20 s to write), keyed by
 * the scenario: a second bench run starts from the cached file. Older files of other keys are deleted.
 */
export async function historyFile(cacheDir = '.cache/bench'): Promise<HistoryFile> {
  const key = cacheKey();
  const path = join(cacheDir, `memory-${key}.db`);
  const metaPath = join(cacheDir, `memory-${key}.json`);
  if (existsSync(path) && existsSync(metaPath)) return { ...(JSON.parse(readFileSync(metaPath, 'utf8')) as Omit<HistoryFile, 'path' | 'cached'>), path, cached: true };
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) if (name.startsWith('memory-')) rmSync(join(cacheDir, name), { force: true });
  const building = join(cacheDir, `building-${key}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const meta = await fillHistory(building);
  renameSync(building, path);
  writeFileSync(metaPath, JSON.stringify(meta));
  return { ...meta, path, cached: false };
}

async function fillHistory(dbPath: string): Promise<Omit<HistoryFile, 'path' | 'cached'>> {
  const genesisTime = Math.floor(Date.now() / 1000) - 86_400 - 3_600;
  const devnet = await startHistoryDevnet(genesisTime);
  try {
    const config = twentySources(devnet, dbPath);
    const store = openSqliteStore(dbPath);
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 10_000 })]));
    const poller = new Poller({ config, store, rpcs, logger: silentLogger });
    await poller.runCycle();
    const started = Date.now();
    const { firstTime, ...history } = writeYear(store, config, rpcs);
    const subs = subscribe(store, firstTime);
    // The alert state a running service has: every (subscription, rule, source) evaluated once.
    const runtime = createSubscriptionRuntime({ config, store, logger: silentLogger, now: Date.now, snapshot: () => poller.snapshot() });
    runtime.afterCycle(poller.snapshot());
    await runtime.stop();
    store.close();
    // Counted in SQL on a connection of the bench's own (the store has no count, and all() would load every row).
    const raw = new Database(dbPath, { readonly: true });
    const alertStates = (raw.prepare('SELECT COUNT(*) AS n FROM alert_state').get() as { n: number }).n;
    raw.close();
    return { genesisTime, sources: config.sources.length, ...history, ...subs, alertStates, fillSeconds: (Date.now() - started) / 1000 };
  } finally {
    await devnet.stop();
  }
}

/**
 * A year of 5-minute observations and metrics behind each source's real read, and hourly reward events with
 * the event cursor moved back to cover them (so the 7 d and 30 d realized APRs are figures, and stored).
 */
function writeYear(store: Storage, config: Config, rpcs: ReadonlyMap<number, FailoverRpc>) {
  const { days, stepSeconds, rewardEverySeconds } = MEMORY_SCENARIO;
  const sequencer = config.sources.find((s) => s.kind === 'sequencer')!;
  const reward = store.recentEvents(sequencer.id, 'DistributeReward', 1)[0];
  const cursor = store.getCursor(eventCursorKey(sequencer.id));
  if (!reward || !cursor) throw new Error('bench: the devnet sequencer paid no DistributeReward');
  const events = (days * 86_400) / rewardEverySeconds;
  store.transaction(() => {
    for (let back = events; back > 0; back--) {
      const blockTime = reward.blockTime - back * rewardEverySeconds;
      store.addEvents([{ ...reward, blockTime, blockNumber: reward.blockNumber - BigInt(back * 300), txHash: `0x${back.toString(16).padStart(64, '0')}` }]);
    }
    store.setCursor(eventCursorKey(sequencer.id), { ...cursor, startTime: Math.min(cursor.startTime, reward.blockTime - events * rewardEverySeconds - 1) });
  });

  // Every figure as the bot computes it from the store now (a new poller recomputes on construction).
  const snapshot = new Poller({ config, store, rpcs, logger: silentLogger }).snapshot();
  const steps = (days * 86_400) / stepSeconds;
  let observations = 0;
  let metricRows = 0;
  const templates = config.sources.map((source) => {
    const latest = store.latestObservation(source.id);
    if (!latest) throw new Error(`bench: ${source.id} was not read on the devnet`);
    const figures = snapshot.sources.find((s) => s.id === source.id)?.figures;
    return { latest, metrics: figures ? metricValues(figures) : {} };
  });
  const leverage = snapshot.tower.leverage;
  const endTime = templates[0]!.latest.blockTime;
  const chunk = 5_000;
  for (let from = steps; from > 0; from -= chunk) {
    store.transaction(() => {
      for (let back = from; back > Math.max(0, from - chunk); back--) {
        for (const { latest, metrics } of templates) {
          const blockTime = latest.blockTime - back * stepSeconds;
          const blocksBack = BigInt(Math.round((back * stepSeconds) / (latest.chainId === 1 ? 12 : 4)));
          store.addObservation({ ...latest, blockTime, observedAt: blockTime * 1000, blockNumber: latest.blockNumber - blocksBack });
          observations += 1;
          if (Object.keys(metrics).length > 0) {
            store.addMetrics(latest.sourceId, blockTime, metrics);
            metricRows += Object.keys(metrics).length;
          }
        }
        if (leverage.ok) {
          store.addMetrics(TOWER_SOURCE_ID, endTime - back * stepSeconds, { leverage: leverage.value });
          metricRows += 1;
        }
      }
    });
  }
  return { observations, metricRows, events, firstTime: endTime - steps * stepSeconds };
}

const DIGEST_TIMES: readonly { digestTime: string; timeZone: string }[] = [
  { digestTime: '08:30', timeZone: 'Europe/Berlin' },
  { digestTime: '07:00', timeZone: 'America/New_York' },
  { digestTime: '09:00', timeZone: 'Asia/Singapore' },
  { digestTime: '18:00', timeZone: 'Asia/Seoul' },
];
const ASSET_LISTS: readonly (readonly string[])[] = [['seMetis'], ['eMetis', 'tower'], ['artMetis', 'seMetis', 'METIS-USDC']];

/**
 * 10,000 subscriptions through the bot's own store: 7,000 chats, a quarter of them Discord channels; 3,000
 * chats with a digest and alerts, 2,000 with a digest only, 2,000 with alerts only. Most digests at the
 * default 09:00 UTC (the heaviest minute), the rest spread over other zones; most alert subscriptions want
 * every asset, some a list, and one chat in ten has its own thresholds.
 */
function subscribe(store: Storage, createdAt: number) {
  const { subscriptions } = store;
  let digestSubscriptions = 0;
  let alertSubscriptions = 0;
  store.transaction(() => {
    for (let chat = 0; digestSubscriptions + alertSubscriptions < MEMORY_SCENARIO.subscriptions; chat++) {
      const platform: Platform = chat % 4 === 3 ? 'discord' : 'telegram';
      const chatId = platform === 'discord' ? String(1_100_000_000_000_000_000n + BigInt(chat) * 7_919n) : chat % 5 === 0 ? `-100${1_700_000_000 + chat}` : String(500_000_000 + chat);
      const band = chat % 7; // 0–2: both, 3–4: digest only, 5–6: alerts only
      if (band <= 4) {
        const spread = chat % 10 < 6 ? { digestTime: '09:00', timeZone: 'UTC' } : DIGEST_TIMES[chat % DIGEST_TIMES.length]!;
        subscriptions.subscribe({ platform, chatId, kind: 'digest', ...spread }, createdAt * 1000);
        digestSubscriptions++;
      }
      if (band <= 2 || band >= 5) {
        const assets = chat % 10 < 7 ? [] : ASSET_LISTS[chat % ASSET_LISTS.length]!;
        subscriptions.subscribe({ platform, chatId, kind: 'alerts', assets }, createdAt * 1000);
        alertSubscriptions++;
        if (chat % 10 === 0) subscriptions.setOverride(platform, chatId, 'depegWarningBps', 25 + (chat % 50));
      }
    }
  });
  return { digestSubscriptions, alertSubscriptions };
}
