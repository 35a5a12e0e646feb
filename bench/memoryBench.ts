import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeBotApi } from '../test/fakes/fakeBotApi.ts';
import { startFakeDiscord } from '../test/fakes/fakeDiscord.ts';
import { fakePlatformVars } from '../test/helpers/fakePlatformEnv.ts';
import type { MemoryFigures } from './memoryChild.ts';
import { historyFile, startHistoryDevnet, twentySources, type HistoryFile } from './memoryHistory.ts';
import { bundle, productionScripts } from './productionBuild.ts';

/** The settled RSS the issue asks for (after start, a poll cycle and a digest), MB. */
export const RSS_TARGET_MB = 150;

/** One way of running the bot, measured in its own process. */
export interface MemoryRun {
  /** A column heading. */
  readonly name: string;
  /** What was run. */
  readonly command: string;
  readonly figures: MemoryFigures;
}

/** `node dist/main.js` itself, measured from outside after its first cycle (RSS as the kernel counts it, no GC forced). */
export interface EntryPointRun {
  readonly command: string;
  readonly rss: number;
  readonly peakRss: number;
}

export interface MemoryBenchResult {
  /** The history file, and how long getting it took (seconds; about 25 s when it is not cached). */
  readonly history: HistoryFile & { readonly seconds: number };
  readonly dbMb: number;
  readonly runs: readonly MemoryRun[];
  readonly entryPoint?: EntryPointRun;
  /** The same with Telegram and Discord connected (to local fakes), after a /status answered on Telegram. */
  readonly withPlatforms?: EntryPointRun;
}

/** Chat and platform connections for an entry-point run: their variables, and a check that they answer. */
interface Platforms {
  readonly env: Record<string, string>;
  /** Resolves once the bot answered a command after its first cycle (so the cycle's work is done). */
  answered(): Promise<void>;
}

const CACHE_DIR = '.cache/bench';
const ENTRY_TIMEOUT_MS = 60_000;
/**
 * Everything bundled but the two native addons (`--packages=external` replaced): the alternative build,
 * measured beside the one `npm start` uses. CommonJS packages inside an ES module need a `require`.
 */
const allBundled = (flags: readonly string[]) => [
  ...flags.filter((f) => f !== '--packages=external'),
  '--external:better-sqlite3',
  '--external:@resvg/resvg-js',
  "--banner:js=import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
];

/** Runs bench/memoryChild.ts (or its bundle) on a fresh copy of the history and returns its figures. */
async function measureChild(args: readonly string[], history: string, dbPath: string, configFile: string): Promise<MemoryFigures> {
  freshCopy(history, dbPath);
  try {
    return await new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', ...args, configFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`memory bench child ${args.join(' ')} exited with ${code}: ${out}`));
        else resolvePromise(JSON.parse(out) as MemoryFigures);
      });
    });
  } finally {
    removeDb(dbPath);
  }
}

/**
 * Starts the built entry point as `npm start` does (its node flags, the config by --config), waits for the
 * end of its first cycle (the "polling only" warning follows the cycle and its alert evaluation), reads its
 * RSS from /proc and stops it with SIGTERM. Linux only: elsewhere undefined.
 */
async function measureEntryPoint(main: string, nodeFlags: readonly string[], history: string, dbPath: string, configFile: string, platforms?: Platforms): Promise<EntryPointRun | undefined> {
  try {
    statSync('/proc/self/status');
  } catch {
    return undefined;
  }
  freshCopy(history, dbPath);
  const args = [...nodeFlags, main, '--config', configFile];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...platforms?.env } });
  // Without platforms, "polling only" is logged once the first cycle and its alert evaluation are done; with
  // them, the cycle's end is logged and a command answered after it proves the rest of that work is over.
  const firstCycleOver = platforms ? 'poll cycle done' : 'polling only';
  try {
    const memory = await new Promise<{ rss: number; peakRss: number }>((resolvePromise, reject) => {
      let err = '';
      let seen = false;
      const measure = () => {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
        resolvePromise({ rss: kb('VmRSS') / 1024, peakRss: kb('VmHWM') / 1024 });
      };
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (seen || !err.includes(firstCycleOver)) return;
        seen = true;
        if (platforms) platforms.answered().then(measure, reject);
        else measure();
      });
      child.on('exit', (code) => reject(new Error(`bench: ${args.join(' ')} exited with ${code} before its first cycle ended:\n${err}`)));
      setTimeout(() => reject(new Error(`bench: ${args.join(' ')} did not end its first cycle in ${ENTRY_TIMEOUT_MS / 1000} s:\n${err}`)), ENTRY_TIMEOUT_MS).unref();
    });
    return { command: `node ${[...nodeFlags, 'dist/main.js'].join(' ')}`, ...memory };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    removeDb(dbPath);
  }
}

function freshCopy(history: string, dbPath: string): void {
  removeDb(dbPath);
  copyFileSync(history, dbPath);
}

function removeDb(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
}

/**
 * Memory of the bot on a year of 5-minute history for twenty sources with 10,000 subscriptions (see
 * memoryHistory.ts; the file is built once and cached). Each way of running it gets a fresh process on a fresh
 * copy of the file, on a devnet that continues the history by one 5-minute step: as run before (through tsx),
 * as `npm start` runs it now (bundled by the `build` script, with `start`'s node flags), the same without those
 * flags, and with every package bundled; then the built `dist/main.js` itself.
 */
export async function benchMemory(): Promise<MemoryBenchResult> {
  const scripts = productionScripts();
  const started = Date.now();
  const history = await historyFile(CACHE_DIR);
  const seconds = (Date.now() - started) / 1000;
  const work = join(CACHE_DIR, `run-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const devnet = await startHistoryDevnet(history.genesisTime);
  try {
    await devnet.scenario.advance(300);
    const dbPath = join(work, 'bot.db');
    const configFile = join(work, 'config.json');
    writeFileSync(configFile, JSON.stringify(twentySources(devnet, dbPath)));
    const child = 'bench/memoryChild.ts';
    const external = bundle(child, join(work, 'external'), scripts.esbuildFlags);
    const bundled = bundle(child, join(work, 'bundled'), allBundled(scripts.esbuildFlags));
    const main = bundle('src/main.ts', join(work, 'main'), scripts.esbuildFlags);
    const flags = scripts.nodeFlags.join(' ');
    const variants: { name: string; command: string; args: string[] }[] = [
      { name: 'tsx', command: 'through the tsx loader, as `npm start` ran before', args: ['--import', 'tsx', child] },
      { name: 'npm start', command: `bundled by \`npm run build\` (packages external), node ${flags}`, args: [...scripts.nodeFlags, external] },
      { name: 'no flag', command: 'the same bundle, node without flags', args: [external] },
      { name: 'bundled', command: `every package bundled but the native addons, node ${flags}`, args: [...scripts.nodeFlags, bundled] },
    ];
    const runs: MemoryRun[] = [];
    for (const { name, command, args } of variants) runs.push({ name, command, figures: await measureChild(args, history.path, dbPath, configFile) });
    const entryPoint = await measureEntryPoint(main, scripts.nodeFlags, history.path, dbPath, configFile);
    const withPlatforms = await measureWithPlatforms((platforms) => measureEntryPoint(main, scripts.nodeFlags, history.path, dbPath, configFile, platforms));
    const dbMb = statSync(history.path).size / 2 ** 20;
    return { history: { ...history, seconds }, dbMb, runs, ...(entryPoint ? { entryPoint } : {}), ...(withPlatforms ? { withPlatforms } : {}) };
  } finally {
    await devnet.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Telegram (long polling) and Discord (gateway and REST) on 127.0.0.1, in this process so their work is not
 * charged to the bot; ready once the bot answers /status on Telegram.
 */
async function measureWithPlatforms(run: (platforms: Platforms) => Promise<EntryPointRun | undefined>): Promise<EntryPointRun | undefined> {
  const [telegram, discord] = await Promise.all([startFakeBotApi(), startFakeDiscord()]);
  try {
    const chatId = 4_001;
    return await run({
      env: fakePlatformVars({ telegram, discord }),
      async answered() {
        await telegram.waitForPoll(ENTRY_TIMEOUT_MS);
        telegram.sendUserMessage({ chatId, text: '/status' });
        await telegram.nextMessageTo(chatId, ENTRY_TIMEOUT_MS);
      },
    });
  } finally {
    await Promise.all([telegram.close(), discord.close()]);
  }
}
