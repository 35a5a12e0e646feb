import type { AlertStateRecord, AlertStateStore } from '../store/alertStateStore.ts';
import type { LevelState } from './rules/levelRule.ts';
import type { ChatStateView, SourceStates } from './stepRules.ts';

/** The scope of rules kept per source, not per chat (outlier references, event cursors), and the operator's. */
export const GLOBAL = 'global';
export const OPERATOR = 'operator';
const SUB = 'sub:';

const ruleKey = (rule: string, sourceId: string) => `${rule}\u0000${sourceId}`;

/**
 * A chat state that a cycle below its warning leaves as it is: ok, nothing pending, no episode tracked. Only
 * these are left in SQLite alone; every other chat state is kept in memory.
 */
export const isQuiet = (state: LevelState): boolean => state.level === 'ok' && state.pending === undefined && state.worst === undefined;

/** A global or operator state change to write. */
export type StateWrite = AlertStateRecord;

/**
 * The alert states as the engine reads them, loaded once at start and written through to the store: the
 * global and operator states and every chat state that is not quiet (open alerts, pending crossings) in
 * memory; a quiet chat state is read from the store only when its group's condition crosses, one query per
 * (rule, source) and cycle. Equal chat states read together share one object, so a step decides each once
 * (src/alerts/stepRules.ts); a step's outcome then hands the chats it moved alike one object again.
 */
export class AlertStates implements ChatStateView {
  private readonly global = new Map<string, unknown>();
  /** Not-quiet chat states by (rule, source), then subscription id. */
  private readonly active = new Map<string, Map<number, LevelState>>();
  /** Quiet chat states read this cycle, by (rule, source). */
  private quietRead = new Map<string, Map<number, LevelState>>();

  constructor(private readonly store: AlertStateStore) {
    const shared = sharing();
    // Chat states written as quiet stay in the store: a crossing reads them (forRule), the start does not.
    for (const record of store.kept()) {
      const state = record.state as LevelState;
      // Quiet states are not kept (rows written before migration 7 may be): no need to share them.
      if (record.scope.startsWith(SUB)) this.rememberChat(subscriptionOf(record.scope), record.rule, record.sourceId, isQuiet(state) ? state : shared(state));
      else this.global.set(globalKey(record.scope, record.rule, record.sourceId), record.state);
    }
  }

  /** A global or operator state. */
  scoped<T>(scope: string, rule: string, sourceId: string): T | undefined {
    return this.global.get(globalKey(scope, rule, sourceId)) as T | undefined;
  }

  /** The chat states of one rule on one source: the not-quiet ones, and any chat's stored one. */
  ofSource(rule: string, sourceId: string): SourceStates {
    const key = ruleKey(rule, sourceId);
    const active = this.active.get(key) ?? NONE;
    return { active, get: (id) => active.get(id) ?? this.quiet(rule, sourceId, key).get(id) };
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

  /** Writes global or operator states to the store (inside the caller's transaction), then to memory. */
  write(writes: Iterable<StateWrite>, now: number): void {
    for (const record of writes) {
      this.store.put(record, now);
      this.global.set(globalKey(record.scope, record.rule, record.sourceId), record.state);
    }
  }

  /** Writes a chat's state to the store (inside the caller's transaction), then to memory. */
  writeChat(subscriptionId: number, rule: string, sourceId: string, state: LevelState, now: number): void {
    this.store.put({ scope: `${SUB}${subscriptionId}`, rule, sourceId, state, quiet: isQuiet(state) }, now);
    this.rememberChat(subscriptionId, rule, sourceId, state);
  }

  /** Forgets the quiet states read this cycle (the store has them; the next crossing reads them again). */
  endCycle(): void {
    this.quietRead = new Map();
  }

  /** The stored chat states of (rule, source), read once a cycle, equal ones sharing an object. */
  private quiet(rule: string, sourceId: string, key: string): Map<number, LevelState> {
    let quiet = this.quietRead.get(key);
    if (!quiet) {
      const shared = sharing();
      quiet = new Map();
      for (const r of this.store.forRule(rule, sourceId)) if (r.scope.startsWith(SUB)) quiet.set(subscriptionOf(r.scope), shared(r.state as LevelState));
      this.quietRead.set(key, quiet);
    }
    return quiet;
  }

  private rememberChat(id: number, rule: string, sourceId: string, state: LevelState): void {
    const key = ruleKey(rule, sourceId);
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

const NONE: ReadonlyMap<number, LevelState> = new Map();
const globalKey = (scope: string, rule: string, sourceId: string) => `${scope}\u0000${ruleKey(rule, sourceId)}`;
const subscriptionOf = (scope: string) => Number(scope.slice(SUB.length));

/** Hands out one object per distinct state (by its JSON) for as long as the returned function is kept. */
function sharing(): (state: LevelState) => LevelState {
  const seen = new Map<string, LevelState>();
  return (state) => {
    const json = JSON.stringify(state);
    const known = seen.get(json);
    if (known) return known;
    seen.set(json, state);
    return state;
  };
}
