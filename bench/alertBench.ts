import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { formatClock, localTime } from '../src/subscriptions/localTime.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import type { Platform } from '../src/vocabulary/platform.ts';
import type { AlertFigures } from './alertChild.ts';
import { historyFile, twentySources } from './memoryHistory.ts';
import { bundle, productionScripts } from './productionBuild.ts';

/** The scenario of issue 12's alert benchmark. */
export const ALERT_SCENARIO = { chats: 100_000, alerts: 50_000, digests: 50_000, ownThresholdsEvery: 10 } as const;

/** Issue 12's targets. */
export const ALERT_TARGETS = { quietMs: 20, quietAllocatedMb: 1, fireMs: 2_000, digestIdleMs: 5, rssMb: 150 } as const;

/**
 * The same scenario measured on the engine as it was before issue 12 (commit 26ba66a, the layering commit: a
 * copy of that tree with this bench's files added, on the 2-core machine the helpers share, other work running):
 * the "before" column. Measured once; not re-run by the bench (a quiet cycle then took seconds).
 */
export const BEFORE: { readonly commit: string; readonly figures: AlertFigures } = {
  commit: '26ba66a',
  figures: {
    quietMs: 13695.22,
    quietAllocatedMb: 499.184,
    quietCollected: true,
    pendingMs: 34150.884,
    fireMs: 51949.123,
    fired: 50000,
    digestFirstMs: 1903.302,
    digestIdleMs: 1452.098,
    digestIdleEnqueued: 0,
    rssMb: 969.77,
    heapUsedMb: 22.289,
    alertSubscriptions: 50000,
  },
};

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Singapore'] as const;
const OWN_THRESHOLDS: readonly (readonly [string, number])[] = [
  ['depegWarningBps', 25],
  ['depegWarningBps', 100],
  ['apyDropPercent', 10],
  ['leverageChangePercent', 20],
  ['apyDropPoints', 2],
];

/**
 * 100,000 chats through the bot's own store, replacing the history file's subscriptions: even chats subscribe
 * to alerts (every asset; one in ten with its own threshold), odd ones to a digest at a local time 12 h from
 * `now` in one of four zones, so that none is due while the bench runs.
 */
function subscribe(dbPath: string, now: number): void {
  const store = openSqliteStore(dbPath); // migrates the copied file first
  try {
    // Emptying every chat table is no operation of the store's: a connection of the bench's own does it.
    const raw = new Database(dbPath);
    raw.exec('DELETE FROM subscriptions; DELETE FROM chat_settings; DELETE FROM alert_state; DELETE FROM outbox;');
    raw.close();
    const { subscriptions } = store;
    store.transaction(() => {
      for (let chat = 0; chat < ALERT_SCENARIO.chats; chat++) {
        const platform: Platform = chat % 4 === 3 ? 'discord' : 'telegram';
        const chatId = String(500_000_000 + chat);
        if (chat % 2 === 0) {
          subscriptions.subscribe({ platform, chatId, kind: 'alerts' }, now - 86_400_000);
          const n = chat / 2;
          if (n % ALERT_SCENARIO.ownThresholdsEvery === 0) {
            const [rule, value] = OWN_THRESHOLDS[(n / ALERT_SCENARIO.ownThresholdsEvery) % OWN_THRESHOLDS.length]!;
            subscriptions.setOverride(platform, chatId, rule, value);
          }
        } else {
          const timeZone = ZONES[chat % ZONES.length]!;
          subscriptions.subscribe({ platform, chatId, kind: 'digest', digestTime: formatClock(localTime(now + 12 * 3_600_000, timeZone).minutes), timeZone }, now - 86_400_000);
        }
      }
    });
  } finally {
    store.close();
  }
}

/** The alert bench's figures, and how its child was run. */
export interface AlertRun {
  readonly figures: AlertFigures;
  readonly command: string;
}

/**
 * `npm run bench -- alerts`: issue 12's alert benchmark, in a fresh process (RSS is the bot's alone) on a copy
 * of the cached year of history (bench/memoryHistory.ts) with 100,000 chats. The child is bundled by the
 * `build` script's esbuild flags and run with `start`'s node flags, as production runs the bot (and
 * `--expose-gc`, to measure after a full collection).
 */
export async function benchAlerts(cacheDir = '.cache/bench'): Promise<AlertRun> {
  const history = await historyFile(cacheDir);
  mkdirSync(cacheDir, { recursive: true });
  const dbPath = join(cacheDir, 'alerts.db');
  const configFile = join(cacheDir, 'alerts-config.json');
  const outdir = join(cacheDir, 'alert-child');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  copyFileSync(history.path, dbPath);
  try {
    subscribe(dbPath, Date.now());
    // No cycle runs: the RPC addresses are never called.
    const unused = { url: 'http://127.0.0.1:9' };
    writeFileSync(configFile, JSON.stringify(twentySources({ l1: unused, l2: unused }, dbPath)));
    const scripts = productionScripts();
    const child = bundle('bench/alertChild.ts', outdir, scripts.esbuildFlags);
    const args = ['--expose-gc', ...scripts.nodeFlags, child, configFile];
    const figures = await new Promise<AlertFigures>((resolve, reject) => {
      const run = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      run.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      run.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as AlertFigures) : reject(new Error(`alert bench child exited with ${code}: ${out}`))));
    });
    return { figures, command: `bench/alertChild.ts bundled as \`npm run build\` bundles, run as node ${args.slice(0, -2).join(' ')}` };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}
