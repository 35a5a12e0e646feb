import type { AlertStateRecord, AlertStateStore } from '../store/alertStateStore.ts';
import type { LevelState } from './rules/levelRule.ts';

/** The scope of rules kept per source, not per chat (outlier references, event cursors), and the operator's. */
export const GLOBAL = 'global';
export const OPERATOR = 'operator';
const SUB = 'sub:';

const scopeOf = (subscriptionId: number) => `${SUB}${subscriptionId}`;
const ruleKey = (rule: string, sourceId: string) => `${rule}\u0000${sourceId}`;

/**
 * A chat state that a cycle below its warning leaves as it is: ok, nothing pending, no episode tracked. Only
 * these are left in SQLite alone; every other chat state is kept in memory.
 */
export const isQuiet = (state: LevelState): boolean => state.level === 'ok' && state.pending === undefined && state.worst === undefined;

/** A state change to write: a chat's (scope `sub:<id>`), or a global or operator one. */
export type StateWrite = AlertStateRecord;

/**
 * The alert states as the engine reads them, loaded once at start and written through to the store: the
 * global and operator states and every chat state that is not quiet (open alerts, pending crossings) in
 * memory; a quiet chat state is read from the store only when its group's condition crosses, one query per
 * (rule, source) and cycle.
 */
export class AlertStates {
  private readonly global = new Map<string, unknown>();
  /** Not-quiet chat states by (rule, source), then subscription id. */
  private readonly active = new Map<string, Map<number, LevelState>>();
  /** Quiet chat states read this cycle, by (rule, source). */
  private quietRead = new Map<string, Map<number, LevelState>>();

  constructor(private readonly store: AlertStateStore) {
    for (const record of store.all()) this.remember(record);
  }

  /** A global or operator state. */
  scoped<T>(scope: string, rule: string, sourceId: string): T | undefined {
    return this.global.get(`${scope}\u0000${ruleKey(rule, sourceId)}`) as T | undefined;
  }

  /** The chats whose state of this rule on this source is not quiet. */
  activeChats(rule: string, sourceId: string): ReadonlyMap<number, LevelState> {
    return this.active.get(ruleKey(rule, sourceId)) ?? new Map();
  }

  /** A chat's stored state (undefined: never stored). */
  chat(rule: string, sourceId: string, subscriptionId: number): LevelState | undefined {
    const key = ruleKey(rule, sourceId);
    const active = this.active.get(key)?.get(subscriptionId);
    if (active) return active;
    let quiet = this.quietRead.get(key);
    if (!quiet) {
      quiet = new Map(this.store.forRule(rule, sourceId).flatMap((r) => (r.scope.startsWith(SUB) ? [[Number(r.scope.slice(SUB.length)), r.state as LevelState] as const] : [])));
      this.quietRead.set(key, quiet);
    }
    return quiet.get(subscriptionId);
  }

  /** A chat's open alerts (level above ok), every rule and source. */
  openFor(subscriptionId: number): { rule: string; sourceId: string; state: LevelState }[] {
    return [...this.active].flatMap(([key, chats]) => {
      const state = chats.get(subscriptionId);
      if (!state || state.level === 'ok') return [];
      const [rule, sourceId] = key.split('\u0000') as [string, string];
      return [{ rule, sourceId, state }];
    });
  }

  /** Global states of one rule, by source. */
  globalOf(rule: string): { sourceId: string; state: unknown }[] {
    return [...this.global].flatMap(([key, state]) => {
      const [scope, r, sourceId] = key.split('\u0000') as [string, string, string];
      return scope === GLOBAL && r === rule ? [{ sourceId, state }] : [];
    });
  }

  /** Writes a cycle's changes to the store (inside the caller's transaction), then to memory. */
  write(writes: readonly StateWrite[], now: number): void {
    for (const record of writes) this.store.put(record, now);
    for (const record of writes) this.remember(record);
  }

  /** Forgets the quiet states read this cycle (the store has them; the next crossing reads them again). */
  endCycle(): void {
    this.quietRead = new Map();
  }

  private remember(record: AlertStateRecord): void {
    if (!record.scope.startsWith(SUB)) {
      this.global.set(`${record.scope}\u0000${ruleKey(record.rule, record.sourceId)}`, record.state);
      return;
    }
    const id = Number(record.scope.slice(SUB.length));
    const key = ruleKey(record.rule, record.sourceId);
    const state = record.state as LevelState;
    if (isQuiet(state)) {
      this.active.get(key)?.delete(id);
      this.quietRead.get(key)?.set(id, state);
      return;
    }
    this.quietRead.get(key)?.delete(id);
    let chats = this.active.get(key);
    if (!chats) this.active.set(key, (chats = new Map()));
    chats.set(id, state);
  }
}

/** The record of a chat's state. */
export const chatRecord = (subscriptionId: number, rule: string, sourceId: string, state: LevelState): StateWrite => ({ scope: scopeOf(subscriptionId), rule, sourceId, state });
