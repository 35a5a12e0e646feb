import type { Translator } from '../../i18n/translator.ts';
import type { Reply } from '../../vocabulary/reply.ts';
import type { Config } from '../../config/configSchema.ts';
import type { Snapshot } from '../../figures/figures.ts';
import type { ChainEvent } from '../../store/historyStore.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** The rules that produce alerts; the names chats see in /alerts and in idempotency keys. */
export type RuleName = 'depeg' | 'apy-drop' | 'leverage' | 'reward' | 'stale' | 'halt' | 'base-fall' | 'active-sequencers' | 'operator-share' | 'reward-stall';

/** What every rule measures from, once per cycle. */
export interface RuleInput {
  readonly snapshot: Snapshot;
  readonly config: Config;
  readonly now: number;
  /**
   * The stored events of the kinds notice rules announce (ANNOUNCED_EVENTS) that are new since the engine's last
   * read, per sequencer source, oldest first: read from the event log once a cycle by the engine, so a rule reads
   * data, never the store.
   */
  readonly events: readonly ChainEvent[];
  /** The outlier screen (src/alerts/rules/outlierFilter.ts): the reading to use, or undefined while held back. */
  readonly screen: (sourceId: string, value: number) => number | undefined;
}

/** One source's measure for a rule this cycle, computed once for every chat. */
export interface Measured<F> {
  readonly sourceId: string;
  /** Names a subscription's asset list may use for it (lower case). */
  readonly names: readonly string[];
  /** Everything the rule's measure and messages need. */
  readonly facts: F;
  /** Only for chats that named it: one sequencer's own events do not go to chats subscribed to everything. */
  readonly byNameOnly?: boolean;
}

/**
 * A threshold rule: a measure per source that moves each chat's (rule, source) state between ok, warning and
 * critical (src/alerts/rules/levelRule.ts) by the chat's thresholds, and the messages of its transitions.
 */
export interface LevelRule<F> {
  readonly kind: 'level';
  readonly name: RuleName;
  /** This cycle's measures, one per source measured (a source left out keeps its states as they are). */
  measure(input: RuleInput): readonly Measured<F>[];
  /** The chat's levels for this source. */
  params(t: ChatThresholds, facts: F): LevelParams;
  /** The measure under the chat's thresholds, and the reading it comes from (for the worst reading). */
  value(t: ChatThresholds, facts: F): { readonly measure: number; readonly reading: number };
  /** A transition's message in one language (built once per language and shared by every chat of it). */
  message(transition: LevelTransition, facts: F, levels: ChatThresholds, now: number, t: Translator): Reply;
}

/** Something announced once, at once (an event is the fact): to every chat that wants its source. */
export interface Notice {
  /** What a chat mutes it by, with the rule's name: the source it is about (one sequencer's: `sequencer:<id>`). */
  readonly sourceId: string;
  readonly names: readonly string[];
  /** Only for chats that named it (see Measured.byNameOnly). */
  readonly byNameOnly?: boolean;
  /** The outbox idempotency key for one subscription. */
  readonly key: (subscriptionId: number) => string;
  /** The message in one language. */
  readonly reply: (t: Translator) => Reply;
}

/**
 * A notice rule: announces what is new since its cursor (one per source, kept globally). The first
 * evaluation only places the cursor, so a first start or a restart never announces old events.
 */
export interface NoticeRule<C> {
  readonly kind: 'notice';
  readonly name: string;
  /** The sources it announces for this cycle, each with its cursor's key. */
  sources(input: RuleInput): readonly string[];
  notices(input: RuleInput, sourceId: string, cursor: C | undefined): { readonly notices: readonly Notice[]; readonly cursor: C };
}

/** Any rule of the list (methods are bivariant: each rule's facts and cursor stay its own). */
export type AnyRule = LevelRule<unknown> | NoticeRule<unknown>;
