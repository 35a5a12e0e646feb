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
  // 1: subscriptions, alert state and the durable outbox (src/delivery, src/alerts).
  `
  CREATE TABLE subscriptions (
    id          INTEGER PRIMARY KEY,
    platform    TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    digest_time TEXT,
    time_zone   TEXT,
    assets_json TEXT,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    UNIQUE (platform, chat_id, kind)
  );

  CREATE TABLE chat_settings (
    platform       TEXT NOT NULL,
    chat_id        TEXT NOT NULL,
    overrides_json TEXT NOT NULL,
    PRIMARY KEY (platform, chat_id)
  );

  CREATE TABLE alert_state (
    scope      TEXT NOT NULL,
    rule       TEXT NOT NULL,
    source_id  TEXT NOT NULL,
    state_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (scope, rule, source_id)
  );

  CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    idempotency_key TEXT    NOT NULL UNIQUE,
    platform        TEXT    NOT NULL,
    chat_id         TEXT    NOT NULL,
    subscription_id INTEGER,
    reply_json      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    due_at          INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT
  );
  CREATE INDEX outbox_due ON outbox (status, due_at);
  `,
  // 2: each chain's head as the bot saw it (src/core/chainHalt.ts), so a halt is measured across restarts.
  `
  CREATE TABLE chain_heads (
    chain_id          INTEGER PRIMARY KEY,
    block_number      TEXT    NOT NULL,
    block_time        INTEGER NOT NULL,
    seen_at           INTEGER NOT NULL,
    advance_seen      INTEGER NOT NULL,
    read_at           INTEGER NOT NULL,
    previous_read_at  INTEGER
  );
  `,
  // 3: every sequencer as read each cycle (src/sources/sequencerReader.ts): /sequencers, its income, its alerts.
  `
  CREATE TABLE sequencer_reads (
    source_id         TEXT    NOT NULL,
    seq_id            INTEGER NOT NULL,
    block_time        INTEGER NOT NULL,
    status            INTEGER NOT NULL,
    amount            TEXT    NOT NULL,
    reward            TEXT    NOT NULL,
    owner             TEXT    NOT NULL,
    signer            TEXT    NOT NULL,
    reward_recipient  TEXT    NOT NULL,
    activation_batch  TEXT    NOT NULL,
    deactivation_time INTEGER NOT NULL,
    unlock_claim_time INTEGER NOT NULL,
    PRIMARY KEY (source_id, seq_id, block_time)
  );
  `,
  // 4: why and when a chat's subscriptions were turned off by a failed delivery (shown in /alerts; cleared on /subscribe).
  `
  ALTER TABLE subscriptions ADD COLUMN deactivated_at INTEGER;
  ALTER TABLE subscriptions ADD COLUMN deactivated_reason TEXT;
  `,
  // 5: the alert engine reads one rule's states on one source when a chat group's condition crosses; the digest
  // tick reads only the subscriptions due (src/subscriptions/digestScheduler.ts keeps next_digest_at; 0 = now).
  `
  CREATE INDEX alert_state_by_rule ON alert_state (rule, source_id);
  ALTER TABLE subscriptions ADD COLUMN next_digest_at INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX subscriptions_digest_due ON subscriptions (kind, active, next_digest_at);
  `,
  // 6: a chat's language (/lang; NULL: English, or the private chat's client language) and the alerts it muted
  // for a while (the "Mute 24 h" button, /alerts mute), per rule and source.
  `
  ALTER TABLE chat_settings ADD COLUMN language TEXT;
  CREATE TABLE alert_mutes (
    platform  TEXT    NOT NULL,
    chat_id   TEXT    NOT NULL,
    rule      TEXT    NOT NULL,
    source_id TEXT    NOT NULL,
    until     INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, rule, source_id)
  );
  `,
  // 7: whether a chat's stored alert state is quiet (src/alerts/alertStates.ts keeps only the others in memory), so
  // the start reads the states it keeps, not one row per chat and rule that ever crossed. Rows written before
  // count as kept until their next write, as all rows were read before.
  `
  ALTER TABLE alert_state ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0;
  `,
];
