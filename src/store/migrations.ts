/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append only: never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE observations (
    source_id    TEXT    NOT NULL,
    chain_id     INTEGER NOT NULL,
    block_number TEXT    NOT NULL,
    block_time   INTEGER NOT NULL,
    observed_at  INTEGER NOT NULL,
    values_json  TEXT    NOT NULL
  );
  CREATE INDEX observations_by_time ON observations (source_id, block_time);

  CREATE TABLE events (
    source_id    TEXT    NOT NULL,
    chain_id     INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    block_number TEXT    NOT NULL,
    block_time   INTEGER NOT NULL,
    log_index    INTEGER NOT NULL,
    tx_hash      TEXT    NOT NULL,
    args_json    TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
  );
  CREATE INDEX events_by_time ON events (source_id, name, block_time);

  CREATE TABLE cursors (
    key         TEXT PRIMARY KEY,
    start_block TEXT    NOT NULL,
    start_time  INTEGER NOT NULL,
    next_block  TEXT    NOT NULL
  );

  CREATE TABLE metrics (
    source_id  TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    block_time INTEGER NOT NULL,
    value      REAL    NOT NULL
  );
  CREATE INDEX metrics_by_time ON metrics (source_id, name, block_time);

  CREATE TABLE source_status (
    source_id     TEXT PRIMARY KEY,
    last_ok_at    INTEGER,
    last_error    TEXT,
    last_error_at INTEGER
  );
  `,
];
