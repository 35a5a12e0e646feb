import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';
import { StoreError } from './storeError.ts';

/** SQLite's page cache per connection, in KiB: SQLite's own default. */
export const PAGE_CACHE_KIB = 2_000;

/**
 * Words for a file-system error code met while opening the store (`what` is the file or folder it concerns).
 * @example fileSystemProblem('EROFS', 'its folder data') // 'its folder data is on a read-only file system'
 */
export function fileSystemProblem(code: string, what: string): string | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied: this user may not write ${what}`;
    case 'EROFS':
      return `${what} is on a read-only file system`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `${what} cannot be made: part of its path is a file, not a directory`;
    case 'ENOENT':
      return `${what} does not exist`;
    default:
      return undefined;
  }
}

const errorCode = (error: unknown) => ((error as { code?: unknown }).code === undefined ? '' : String((error as { code?: unknown }).code));

/** Which of the file and its folder may not be written, and why, asked of the file system (SQLite only says "cannot open"). */
function whyNotWritable(path: string): string {
  const folder = dirname(path);
  for (const [target, what] of [
    [folder, `its folder ${folder} (SQLite writes -wal and -shm files beside the database)`],
    ...(existsSync(path) ? [[path, 'the file']] : []),
    ...[`${path}-wal`, `${path}-shm`].filter((f) => existsSync(f)).map((f) => [f, f]),
  ] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const words = fileSystemProblem(errorCode(error), what);
      if (words) return words;
    }
  }
  return 'the file or its folder is not writable';
}

/** The store's folder, created if missing; a folder that cannot be made is a StoreError saying why. */
function ensureFolder(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const words = fileSystemProblem(errorCode(error), `its folder ${folder}`) ?? (error as Error).message;
    throw new StoreError(`cannot open the history database ${path}: ${words}`, { cause: error });
  }
}

/**
 * The history database at `path` (`:memory:` for none): folder made, pragmas set, checked for damage, migrated.
 * A file that cannot be opened is a StoreError saying which file and what to do.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') {
    // SQLite calls a directory merely "unable to open"; say what it is.
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new StoreError(`cannot open the history database ${path}: it is a directory, not a file (set store.path to a file, e.g. ${join(path, 'metis-yield-bot.db')})`);
    }
    ensureFolder(path);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 2_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 builds SQLite with a 16 MB page cache (SQLITE_DEFAULT_CACHE_SIZE=-16000) and the check
    // below reads every page, so on a big file all 16 MB were resident from the start (+18 MB RSS on a year
    // of history). Every query is an index search (migrations.ts); with SQLite's own 2 MB the start, a cycle
    // and a digest take as long as before (`npm run bench -- memory`).
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new StoreError(`${path} has schema version ${version}, newer than this bot knows (${migrations.length}); run a newer bot or use another file`);
    }
    // Damage inside the file (a failing disk, a copy taken mid-write) shows here, at the start, instead of at
    // the first query that reads the bad page. Reads every page: about 0.4 s for 350 MB.
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new StoreError(`cannot open the history database ${path}: it is damaged (${String(check)}); restore it from a backup or move it away`);
    const migrate = db.transaction(() => {
      for (let i = version; i < migrations.length; i++) db!.exec(migrations[i]!);
      db!.pragma(`user_version = ${migrations.length}`);
    });
    migrate();
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    const hint =
      code === 'SQLITE_BUSY' ? 'another process holds it locked'
      : code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_CANTOPEN' ? whyNotWritable(path)
      : code === 'SQLITE_NOTADB' ? 'it is not a valid SQLite database (restore it from a backup or move it away)'
      : code === 'SQLITE_CORRUPT' ? `it is damaged (${(error as Error).message}); restore it from a backup or move it away`
      : (error as Error).message;
    throw new StoreError(`cannot open the history database ${path}: ${hint}`, { cause: error });
  }
}
