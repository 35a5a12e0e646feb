import type Database from 'better-sqlite3';
import { decodeRawValues, encodeRawValues } from './bigintJson.ts';
import type { ChainEvent, HistoryStore } from './historyStore.ts';

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

/** The chain events of the SQLite store: added once each (a re-read range adds nothing), read by name and time. */
export function sqliteEvents(db: Database.Database): Pick<HistoryStore, 'eventsBetween' | 'addEvents' | 'sumEventArg' | 'recentEvents'> {
  const statements = {
    eventsBetween: db.prepare('SELECT * FROM events WHERE source_id = ? AND name = ? AND block_time > ? AND block_time <= ?'),
    addEvent: db.prepare(
      `INSERT OR IGNORE INTO events (source_id, chain_id, name, block_number, block_time, log_index, tx_hash, args_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    eventArgs: db.prepare('SELECT args_json FROM events WHERE source_id = ? AND name = ? AND block_time > ? AND block_time <= ?'),
    recentEvents: db.prepare('SELECT * FROM events WHERE source_id = ? AND name = ? ORDER BY block_time DESC, log_index DESC LIMIT ?'),
  };
  return {
    eventsBetween(sourceId, names, fromTime, toTime) {
      const rows = names.flatMap((name) => statements.eventsBetween.all(sourceId, name, fromTime, toTime) as EventRow[]);
      return rows.map(toEvent).sort((a, b) => a.blockTime - b.blockTime || (a.blockNumber < b.blockNumber ? -1 : a.blockNumber > b.blockNumber ? 1 : a.logIndex - b.logIndex));
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
  };
}
