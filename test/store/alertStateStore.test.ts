import { afterEach, describe, expect, it } from 'vitest';
import { AlertStates } from '../../src/alerts/alertStates.ts';
import type { LevelState } from '../../src/alerts/rules/levelRule.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';

const OK: LevelState = { level: 'ok', seq: 1 } as LevelState;
const WARNING: LevelState = { level: 'warning', seq: 2, since: 1_000 } as LevelState;

describe('alert states in SQLite: what the start reads', () => {
  let storage: Storage | undefined;
  afterEach(() => storage?.close());

  it('GIVEN chats whose states went quiet and one still open THEN the start reads only the open one and the global ones; a crossing still finds the quiet ones', () => {
    storage = openSqliteStore(':memory:');
    const states = new AlertStates(storage.alertStates);
    for (let id = 1; id <= 50; id++) states.writeChat(id, 'depeg', 'pool', WARNING, 1);
    for (let id = 1; id <= 49; id++) states.writeChat(id, 'depeg', 'pool', OK, 2); // recovered
    states.write([{ scope: 'global', rule: 'outliers', sourceId: 'pool', state: { held: 0 } }], 2);

    expect(storage.alertStates.all()).toHaveLength(51);
    expect(storage.alertStates.kept().map((r) => r.scope).sort()).toEqual(['global', 'sub:50']);

    const restarted = new AlertStates(storage.alertStates);
    expect([...restarted.ofSource('depeg', 'pool').active.keys()]).toEqual([50]);
    expect(restarted.ofSource('depeg', 'pool').get(7)).toEqual(OK); // read from the store when asked
    expect(restarted.scoped('global', 'outliers', 'pool')).toEqual({ held: 0 });
  });
});
