import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { spawnBot } from './spawnBot.ts';

/** No RPC is reached: the store opens before anything else, and these starts stop there. */
const UNREACHABLE = { DEVNET_L1_RPC: 'http://127.0.0.1:9/', DEVNET_L2_RPC: 'http://127.0.0.1:9/', LOG_LEVEL: 'warn' };
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A database the bot made, with some history in it. */
function makeStore(dir: string): string {
  const path = join(dir, 'bot.db');
  const store = openSqliteStore(path);
  store.transaction(() => {
    for (let i = 0; i < 500; i++) {
      store.addObservation({ sourceId: 'seMetis', chainId: 1088, blockNumber: BigInt(i), blockTime: 1_700_000_000 + i * 300, observedAt: 1_700_000_000_000 + i * 300_000, values: { totalAssets: BigInt(i) } });
    }
  });
  store.close();
  return path;
}

const observations = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function start(path: string, options: { uid?: number; gid?: number } = {}) {
  const bot = spawnBot(['--config', 'config/devnet.yaml'], { ...UNREACHABLE, METIS_BOT_DB: path }, options);
  return { code: await bot.exited, stderr: bot.stderr() };
}

describe('the history database at start', () => {
  it('GIVEN another process holds it locked THEN the start fails with exit 1 and says so, and nothing is lost', async () => {
    const path = makeStore(mkdtempSync(join(tmpdir(), 'store-locked-')));
    // Another process takes the write lock and keeps it until we close its input.
    const locker = spawn(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN EXCLUSIVE'); db.exec('CREATE TABLE held (x)'); console.log('locked');
       process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); console.log('committed'); }); process.stdin.resume();`, path],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let said = '';
    locker.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    while (!said.includes('locked')) await once(locker.stdout, 'data');

    const { code, stderr } = await start(path);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: cannot open the history database ${path}: another process holds it locked`);

    locker.stdin.end();
    await once(locker, 'exit');
    expect(said).toContain('committed');
    expect(observations(path)).toBe(500);
  });

  it('GIVEN a file it may not write THEN the start fails with exit 1 and says so, and the file is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-readonly-'));
    const path = makeStore(dir);
    const before = hash(path);
    // Root may write anything: run the bot as nobody, in a folder it owns, on a file it does not.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(dir, 65_534, 65_534);
    chmodSync(path, 0o444);
    const { code, stderr } = await start(path, asRoot ? { uid: 65_534, gid: 65_534 } : {});
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: cannot open the history database ${path}: permission denied: this user may not write the file`);
    expect(hash(path)).toBe(before);
  });

  it('GIVEN a new file in a folder it may not write THEN the start fails with exit 1 and names the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-folder-'));
    const path = join(dir, 'bot.db');
    const asRoot = process.getuid?.() === 0;
    // Root may write anything: run the bot as nobody on a folder it does not own.
    chmodSync(dir, 0o755);
    const { code, stderr } = await start(path, asRoot ? { uid: 65_534, gid: 65_534 } : {});
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: cannot open the history database ${path}: permission denied: this user may not write its folder ${dir}`);
  });

  it('GIVEN a path that is a directory THEN the start fails with exit 1 and says it is a directory, not a file', async () => {
    const path = mkdtempSync(join(tmpdir(), 'store-isdir-'));
    const { code, stderr } = await start(path);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: cannot open the history database ${path}: it is a directory, not a file`);
    expect(stderr).not.toContain('not writable');
  });

  it('GIVEN a file that is not a SQLite database THEN the start fails with exit 1 and says so, and the file is untouched', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-garbage-')), 'bot.db');
    let x = 0x2545f491;
    const garbage = Buffer.alloc(16_384, 0).map(() => ((x = (x * 1_103_515_245 + 12_345) >>> 0) >>> 24));
    writeFileSync(path, garbage);
    const { code, stderr } = await start(path);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: cannot open the history database ${path}: it is not a valid SQLite database (restore it from a backup or move it away)`);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('GIVEN a database whose pages are damaged THEN the start fails with exit 1 and says so, and the file is untouched', async () => {
    const path = makeStore(mkdtempSync(join(tmpdir(), 'store-damaged-')));
    const bytes = readFileSync(path);
    // Keep the header (page 1) valid; overwrite the pages after it.
    bytes.fill(0xa5, 4_096 * 2, 4_096 * 4);
    writeFileSync(path, bytes);
    const { code, stderr } = await start(path);
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot start: cannot open the history database ${path}: it is damaged`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
