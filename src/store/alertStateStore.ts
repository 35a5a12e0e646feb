import type Database from 'better-sqlite3';

/** Stored state of one rule for one scope (a subscription, or 'global') and one source. */
export interface AlertStateRecord {
  readonly scope: string;
  readonly rule: string;
  readonly sourceId: string;
  readonly state: unknown;
}

export interface AlertStateStore {
  all(): AlertStateRecord[];
  forScope(scope: string): AlertStateRecord[];
  put(record: AlertStateRecord, now: number): void;
  /** Trailing average of a stored metric over blockTime in (from, to). */
  averageMetric(sourceId: string, name: string, from: number, to: number): number | undefined;
  /** Trailing average of the product of two stored metrics read at the same block (e.g. APR × block time). */
  averageProduct(sourceId: string, a: string, b: string, from: number, to: number): number | undefined;
}

export function createSqliteAlertStateStore(db: Database.Database): AlertStateStore {
  const st = {
    all: db.prepare('SELECT * FROM alert_state'),
    scope: db.prepare('SELECT * FROM alert_state WHERE scope = ?'),
    put: db.prepare(
      `INSERT INTO alert_state (scope, rule, source_id, state_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, rule, source_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at`,
    ),
    avg: db.prepare('SELECT AVG(value) AS v, COUNT(*) AS n FROM metrics WHERE source_id = ? AND name = ? AND block_time > ? AND block_time < ?'),
    avgProduct: db.prepare(
      `SELECT AVG(a.value * b.value) AS v, COUNT(*) AS n FROM metrics a JOIN metrics b
         ON b.source_id = a.source_id AND b.block_time = a.block_time AND b.name = ?
       WHERE a.source_id = ? AND a.name = ? AND a.block_time > ? AND a.block_time < ?`,
    ),
  };
  type Row = { scope: string; rule: string; source_id: string; state_json: string };
  const toRecord = (r: Row): AlertStateRecord => ({ scope: r.scope, rule: r.rule, sourceId: r.source_id, state: JSON.parse(r.state_json) as unknown });
  return {
    all: () => (st.all.all() as Row[]).map(toRecord),
    forScope: (scope) => (st.scope.all(scope) as Row[]).map(toRecord),
    put(record, now) {
      st.put.run(record.scope, record.rule, record.sourceId, JSON.stringify(record.state), now);
    },
    averageMetric(sourceId, name, from, to) {
      const row = st.avg.get(sourceId, name, from, to) as { v: number | null; n: number };
      return row.n > 0 && row.v !== null ? row.v : undefined;
    },
    averageProduct(sourceId, a, b, from, to) {
      const row = st.avgProduct.get(b, sourceId, a, from, to) as { v: number | null; n: number };
      return row.n > 0 && row.v !== null ? row.v : undefined;
    },
  };
}
