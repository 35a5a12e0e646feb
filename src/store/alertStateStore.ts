import type Database from 'better-sqlite3';

/** Stored state of one rule for one scope (a subscription, or 'global') and one source. */
export interface AlertStateRecord {
  readonly scope: string;
  readonly rule: string;
  readonly sourceId: string;
  readonly state: unknown;
  /** A state its reader need not keep in memory (a chat's ok state with nothing pending); read back only by forRule. */
  readonly quiet?: boolean;
}

export interface AlertStateStore {
  all(): AlertStateRecord[];
  /** Every state not written as quiet: what the alert engine keeps in memory from its start. */
  kept(): AlertStateRecord[];
  /** Every scope's state of one rule on one source (indexed: migration 5). */
  forRule(rule: string, sourceId: string): AlertStateRecord[];
  put(record: AlertStateRecord, now: number): void;
}

/** The SQLite alert-state store, on the history store's connection (migration 1). */
export function createSqliteAlertStateStore(db: Database.Database): AlertStateStore {
  const st = {
    all: db.prepare('SELECT * FROM alert_state'),
    kept: db.prepare('SELECT * FROM alert_state WHERE quiet = 0'),
    rule: db.prepare('SELECT * FROM alert_state WHERE rule = ? AND source_id = ?'),
    put: db.prepare(
      `INSERT INTO alert_state (scope, rule, source_id, state_json, updated_at, quiet) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, rule, source_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at, quiet = excluded.quiet`,
    ),
  };
  type Row = { scope: string; rule: string; source_id: string; state_json: string };
  const toRecord = (r: Row): AlertStateRecord => ({ scope: r.scope, rule: r.rule, sourceId: r.source_id, state: JSON.parse(r.state_json) as unknown });
  // Chats moved alike by a cycle share one state object (src/alerts/alertStates.ts): serialised once.
  const serialised = new WeakMap<object, string>();
  const stateJson = (state: unknown): string => {
    if (typeof state !== 'object' || state === null) return JSON.stringify(state);
    let json = serialised.get(state);
    if (json === undefined) serialised.set(state, (json = JSON.stringify(state)));
    return json;
  };
  return {
    all: () => (st.all.all() as Row[]).map(toRecord),
    kept: () => (st.kept.all() as Row[]).map(toRecord),
    forRule: (rule, sourceId) => (st.rule.all(rule, sourceId) as Row[]).map(toRecord),
    put(record, now) {
      st.put.run(record.scope, record.rule, record.sourceId, stateJson(record.state), now, record.quiet ? 1 : 0);
    },
  };
}
