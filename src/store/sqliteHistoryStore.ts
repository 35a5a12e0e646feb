import type Database from 'better-sqlite3';
import type { HeadTrack } from '../core/chainHalt.ts';
import { decodeRawValues, encodeRawValues } from './bigintJson.ts';
import type { EventCursor, HistoryStore, MetricValues, Observation, SeriesPoint, SourceStatusRecord } from './historyStore.ts';
import { sqliteEvents } from './sqliteEvents.ts';
import { sqliteSequencerReads } from './sqliteSequencerReads.ts';

interface ObservationRow {
  source_id: string;
  chain_id: number;
  block_number: string;
  block_time: number;
  observed_at: number;
  values_json: string;
}

const toObservation = (row: ObservationRow): Observation => ({
  sourceId: row.source_id,
  chainId: row.chain_id,
  blockNumber: BigInt(row.block_number),
  blockTime: row.block_time,
  observedAt: row.observed_at,
  values: decodeRawValues(row.values_json),
});

/** The SQLite history store on `db` (migrated by openDatabase); closing it closes the connection the other stores share. */
export function createSqliteHistoryStore(db: Database.Database): HistoryStore {
  const statements = {
    addObservation: db.prepare(
      'INSERT INTO observations (source_id, chain_id, block_number, block_time, observed_at, values_json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    latestObservation: db.prepare('SELECT * FROM observations WHERE source_id = ? ORDER BY block_time DESC, rowid DESC LIMIT 1'),
    observationAtOrBefore: db.prepare(
      'SELECT * FROM observations WHERE source_id = ? AND block_time <= ? ORDER BY block_time DESC, rowid DESC LIMIT 1',
    ),
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

  const sequencers = sqliteSequencerReads(db);
  const events = sqliteEvents(db);

  return {
    addObservation(o) {
      statements.addObservation.run(o.sourceId, o.chainId, o.blockNumber.toString(), o.blockTime, o.observedAt, encodeRawValues(o.values));
      sequencers.add(o);
    },
    sequencersAt: sequencers.sequencersAt,
    sequencerAt: sequencers.sequencerAt,
    sequencerReads: sequencers.sequencerReads,
    ...events,
    latestObservation(sourceId) {
      const row = statements.latestObservation.get(sourceId) as ObservationRow | undefined;
      return row && toObservation(row);
    },
    observationAtOrBefore(sourceId, time) {
      const row = statements.observationAtOrBefore.get(sourceId, time) as ObservationRow | undefined;
      return row && toObservation(row);
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
