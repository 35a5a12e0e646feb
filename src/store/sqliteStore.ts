import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { HeadTrack } from '../core/chainHalt.ts';
import { decodeRawValues, encodeRawValues } from './bigintJson.ts';
import type { Address } from 'viem';
import type { ChainEvent, EventCursor, HistoryStore, MetricValues, Observation, SeriesPoint, SourceStatusRecord, StoredSequencerRead } from './historyStore.ts';
import { migrations } from './migrations.ts';
import { BaseError } from '../shared/baseError.ts';

/** The store file cannot be opened or migrated; the message says which file and what to do. */
export class StoreError extends BaseError {
  override name = 'StoreError';
}

interface ObservationRow {
  source_id: string;
  chain_id: number;
  block_number: string;
  block_time: number;
  observed_at: number;
  values_json: string;
}

interface EventRow {
  source_id: string;
  chain_id: number;
  name: string;
  block_number: string;
  block_time: number;
  log_index: number;
  tx_hash: string;
  args_json: string;
}

const toObservation = (row: ObservationRow): Observation => ({
  sourceId: row.source_id,
  chainId: row.chain_id,
  blockNumber: BigInt(row.block_number),
  blockTime: row.block_time,
  observedAt: row.observed_at,
  values: decodeRawValues(row.values_json),
});

const toEvent = (row: EventRow): ChainEvent => ({
  sourceId: row.source_id,
  chainId: row.chain_id,
  name: row.name,
  blockNumber: BigInt(row.block_number),
  blockTime: row.block_time,
  logIndex: row.log_index,
  txHash: row.tx_hash,
  args: decodeRawValues(row.args_json),
});

interface SequencerReadRow {
  seq_id: number;
  block_time: number;
  status: number;
  amount: string;
  reward: string;
  owner: string;
  signer: string;
  reward_recipient: string;
  activation_batch: string;
  deactivation_time: number;
  unlock_claim_time: number;
}

const toSequencerRead = (row: SequencerReadRow): StoredSequencerRead => ({
  seqId: row.seq_id,
  blockTime: row.block_time,
  status: row.status,
  amount: BigInt(row.amount),
  reward: BigInt(row.reward),
  owner: row.owner as Address,
  signer: row.signer as Address,
  rewardRecipient: row.reward_recipient as Address,
  activationBatch: BigInt(row.activation_batch),
  deactivationTime: row.deactivation_time,
  unlockClaimTime: row.unlock_claim_time,
});

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

function openDatabase(path: string): Database.Database {
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

/** The SQLite history store and its connection, which the subscription and outbox stores share (one transaction for both). */
export type SqliteHistoryStore = HistoryStore & { readonly database: Database.Database };

/**
 * The SQLite history store: created on first use, migrated on open, WAL-journalled.
 * @example const store = openSqliteStore('data/metis-yield-bot.db');
 */

export function openSqliteStore(path: string): SqliteHistoryStore {
  const db = openDatabase(path);
  const statements = {
    addObservation: db.prepare(
      'INSERT INTO observations (source_id, chain_id, block_number, block_time, observed_at, values_json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    latestObservation: db.prepare('SELECT * FROM observations WHERE source_id = ? ORDER BY block_time DESC, rowid DESC LIMIT 1'),
    observationAtOrBefore: db.prepare(
      'SELECT * FROM observations WHERE source_id = ? AND block_time <= ? ORDER BY block_time DESC, rowid DESC LIMIT 1',
    ),
    addSequencerRead: db.prepare(
      `INSERT OR REPLACE INTO sequencer_reads (source_id, seq_id, block_time, status, amount, reward, owner, signer, reward_recipient, activation_batch, deactivation_time, unlock_claim_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The newest read per id at or before a time: one index search per id, not a scan of the history.
    maxSequencerId: db.prepare('SELECT MAX(seq_id) AS n FROM sequencer_reads WHERE source_id = ?'),
    sequencerAt: db.prepare('SELECT * FROM sequencer_reads WHERE source_id = ? AND seq_id = ? AND block_time <= ? ORDER BY block_time DESC LIMIT 1'),
    sequencerReads: db.prepare('SELECT * FROM sequencer_reads WHERE source_id = ? AND seq_id = ? AND block_time >= ? AND block_time <= ? ORDER BY block_time'),
    eventsBetween: db.prepare('SELECT * FROM events WHERE source_id = ? AND name = ? AND block_time > ? AND block_time <= ?'),
    addEvent: db.prepare(
      `INSERT OR IGNORE INTO events (source_id, chain_id, name, block_number, block_time, log_index, tx_hash, args_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    eventArgs: db.prepare('SELECT args_json FROM events WHERE source_id = ? AND name = ? AND block_time > ? AND block_time <= ?'),
    recentEvents: db.prepare('SELECT * FROM events WHERE source_id = ? AND name = ? ORDER BY block_time DESC, log_index DESC LIMIT ?'),
    getCursor: db.prepare('SELECT * FROM cursors WHERE key = ?'),
    setCursor: db.prepare(
      `INSERT INTO cursors (key, start_block, start_time, next_block) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET start_block = excluded.start_block, start_time = excluded.start_time, next_block = excluded.next_block`,
    ),
    addMetric: db.prepare('INSERT INTO metrics (source_id, name, block_time, value) VALUES (?, ?, ?, ?)'),
    metricAtOrBefore: db.prepare(
      'SELECT block_time, value FROM metrics WHERE source_id = ? AND name = ? AND block_time <= ? ORDER BY block_time DESC, rowid DESC LIMIT 1',
    ),
    metricCount: db.prepare('SELECT COUNT(*) AS n FROM metrics WHERE source_id = ? AND name = ? AND block_time >= ? AND block_time <= ?'),
    metricSeries: db.prepare(
      'SELECT block_time AS time, value FROM metrics WHERE source_id = ? AND name = ? AND block_time >= ? AND block_time <= ? ORDER BY block_time, rowid',
    ),
    // Equal time buckets numbered 0 … maxPoints − 1, each reduced to its mean time and value. Bound numbers are
    // REAL to SQLite, so the bucket number is truncated explicitly.
    metricBuckets: db.prepare(
      `SELECT AVG(block_time) AS time, AVG(value) AS value FROM metrics
       WHERE source_id = @sourceId AND name = @name AND block_time >= @from AND block_time <= @to
       GROUP BY CAST((block_time - @from) * @buckets / (@to - @from + 1) AS INTEGER) ORDER BY time`,
    ),
    setStatus: db.prepare(
      `INSERT INTO source_status (source_id, last_ok_at, last_error, last_error_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (source_id) DO UPDATE SET last_ok_at = excluded.last_ok_at, last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
    ),
    statuses: db.prepare('SELECT * FROM source_status'),
    chainHeads: db.prepare('SELECT * FROM chain_heads'),
    setChainHead: db.prepare(
      `INSERT INTO chain_heads (chain_id, block_number, block_time, seen_at, advance_seen, read_at, previous_read_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (chain_id) DO UPDATE SET block_number = excluded.block_number, block_time = excluded.block_time, seen_at = excluded.seen_at,
         advance_seen = excluded.advance_seen, read_at = excluded.read_at, previous_read_at = excluded.previous_read_at`,
    ),
  };

  return {
    database: db,
    addObservation(o) {
      statements.addObservation.run(o.sourceId, o.chainId, o.blockNumber.toString(), o.blockTime, o.observedAt, encodeRawValues(o.values));
      for (const r of o.sequencers ?? []) {
        statements.addSequencerRead.run(o.sourceId, r.seqId, o.blockTime, r.status, r.amount.toString(), r.reward.toString(), r.owner, r.signer, r.rewardRecipient, r.activationBatch.toString(), r.deactivationTime, r.unlockClaimTime);
      }
    },
    sequencersAt(sourceId, time) {
      const { n } = statements.maxSequencerId.get(sourceId) as { n: number | null };
      const ids = Array.from({ length: n ?? 0 }, (_, i) => i + 1);
      return ids.flatMap((id) => {
        const row = statements.sequencerAt.get(sourceId, id, time) as SequencerReadRow | undefined;
        return row ? [toSequencerRead(row)] : [];
      });
    },
    sequencerReads(sourceId, seqId, fromTime, toTime) {
      return (statements.sequencerReads.all(sourceId, seqId, fromTime, toTime) as SequencerReadRow[]).map(toSequencerRead);
    },
    eventsBetween(sourceId, names, fromTime, toTime) {
      const rows = names.flatMap((name) => statements.eventsBetween.all(sourceId, name, fromTime, toTime) as EventRow[]);
      return rows.map(toEvent).sort((a, b) => a.blockTime - b.blockTime || (a.blockNumber < b.blockNumber ? -1 : a.blockNumber > b.blockNumber ? 1 : a.logIndex - b.logIndex));
    },
    latestObservation(sourceId) {
      const row = statements.latestObservation.get(sourceId) as ObservationRow | undefined;
      return row && toObservation(row);
    },
    observationAtOrBefore(sourceId, time) {
      const row = statements.observationAtOrBefore.get(sourceId, time) as ObservationRow | undefined;
      return row && toObservation(row);
    },
    addEvents(events) {
      let added = 0;
      for (const e of events) {
        added += statements.addEvent.run(e.sourceId, e.chainId, e.name, e.blockNumber.toString(), e.blockTime, e.logIndex, e.txHash, encodeRawValues(e.args)).changes;
      }
      return added;
    },
    sumEventArg(sourceId, name, arg, fromTime, toTime) {
      const rows = statements.eventArgs.all(sourceId, name, fromTime, toTime) as { args_json: string }[];
      return rows.reduce((sum, row) => sum + (decodeRawValues(row.args_json)[arg] ?? 0n), 0n);
    },
    recentEvents(sourceId, name, limit) {
      return (statements.recentEvents.all(sourceId, name, limit) as EventRow[]).map(toEvent);
    },
    getCursor(key) {
      const row = statements.getCursor.get(key) as { start_block: string; start_time: number; next_block: string } | undefined;
      return row && { startBlock: BigInt(row.start_block), startTime: row.start_time, nextBlock: BigInt(row.next_block) };
    },
    setCursor(key, cursor: EventCursor) {
      statements.setCursor.run(key, cursor.startBlock.toString(), cursor.startTime, cursor.nextBlock.toString());
    },
    addMetrics(sourceId, blockTime, values: MetricValues) {
      for (const [name, value] of Object.entries(values)) {
        if (Number.isFinite(value)) statements.addMetric.run(sourceId, name, blockTime, value);
      }
    },
    metricAtOrBefore(sourceId, name, time) {
      const row = statements.metricAtOrBefore.get(sourceId, name, time) as { block_time: number; value: number } | undefined;
      return row && { blockTime: row.block_time, value: row.value };
    },
    metricSeries(sourceId, name, fromTime, toTime, maxPoints = 500) {
      const from = Math.ceil(fromTime);
      const to = Math.floor(toTime);
      const buckets = Math.max(1, Math.floor(maxPoints));
      if (!(to >= from)) return [];
      const { n } = statements.metricCount.get(sourceId, name, from, to) as { n: number };
      if (n <= buckets) return statements.metricSeries.all(sourceId, name, from, to) as SeriesPoint[];
      return statements.metricBuckets.all({ sourceId, name, from, to, buckets }) as SeriesPoint[];
    },
    setSourceStatus(s: SourceStatusRecord) {
      statements.setStatus.run(s.sourceId, s.lastOkAt ?? null, s.lastError ?? null, s.lastErrorAt ?? null);
    },
    sourceStatuses() {
      return (statements.statuses.all() as { source_id: string; last_ok_at: number | null; last_error: string | null; last_error_at: number | null }[]).map(
        (row) => ({
          sourceId: row.source_id,
          ...(row.last_ok_at === null ? {} : { lastOkAt: row.last_ok_at }),
          ...(row.last_error === null ? {} : { lastError: row.last_error }),
          ...(row.last_error_at === null ? {} : { lastErrorAt: row.last_error_at }),
        }),
      );
    },
    chainHeads() {
      type Row = { chain_id: number; block_number: string; block_time: number; seen_at: number; advance_seen: number; read_at: number; previous_read_at: number | null };
      return new Map(
        (statements.chainHeads.all() as Row[]).map((row): [number, HeadTrack] => [
          row.chain_id,
          {
            number: BigInt(row.block_number),
            time: row.block_time,
            seenAt: row.seen_at,
            advanceSeen: row.advance_seen === 1,
            readAt: row.read_at,
            ...(row.previous_read_at === null ? {} : { previousReadAt: row.previous_read_at }),
          },
        ]),
      );
    },
    setChainHead(chainId, t: HeadTrack) {
      statements.setChainHead.run(chainId, t.number.toString(), t.time, t.seenAt, t.advanceSeen ? 1 : 0, t.readAt, t.previousReadAt ?? null);
    },
    transaction(work) {
      return db.transaction(work)();
    },
    close() {
      if (db.open) db.close();
    },
  };
}
