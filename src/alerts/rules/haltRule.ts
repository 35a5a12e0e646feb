import { english, type Translator } from '../../i18n/translator.ts';
import type { Reply } from '../../vocabulary/reply.ts';
import type { Config } from '../../config/configSchema.ts';
import { haltLength, utcClock } from '../../core/haltText.ts';
import type { BlockPoint } from '../../core/sequencer.ts';
import type { Snapshot } from '../../figures/figures.ts';
import { alertReply, at, icon } from '../alertText.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { LevelRule } from './rule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** One chain's halt, as the rule sees it after a cycle. */
export interface HaltInput {
  /** The alert state's key: `chain:<id>`. */
  readonly sourceId: string;
  readonly chainId: number;
  readonly chainName: string;
  /** Names a subscription's asset list may use for it: every source on the chain and every sequencer earning on it (lower case). */
  readonly names: readonly string[];
  /** The measure: seconds the head had stood still at the chain's read in this cycle. */
  readonly haltSeconds: number;
  readonly haltAfterSeconds: number;
  readonly head: BlockPoint;
  /** Since when (ms) the head has not moved. */
  readonly headSince: number;
  /** When the chain was read (ms). */
  readonly readAt: number;
}

export const haltTargetId = (chainId: number) => `chain:${chainId}`;

/**
 * The chains read in the latest cycle, with their halt measure. Deliberately not gated on source freshness as
 * the other rules are: a halted chain's RPC answers with its old head, so its sources read "fresh" (the read is
 * new, the block is not); the halt is a condition of the chain, not a fault of the data. A chain NOT read in
 * the latest cycle (its RPCs failed) is left out: that is no evidence either way, and its state waits as it is.
 */
export function haltInputs(snapshot: Snapshot, config: Config): HaltInput[] {
  const cycleStart = snapshot.lastCycle?.startedAt;
  if (cycleStart === undefined) return [];
  return snapshot.chains.flatMap((chain) => {
    const live = chain.liveness;
    if (!live || !chain.head || chain.readAt === undefined || chain.readAt < cycleStart) return [];
    const names = new Set(
      config.sources.flatMap((s) =>
        s.chain === chain.id || (s.kind === 'sequencer' && s.l2Chain === chain.id) ? [s.id, 'token' in s ? s.token : undefined].flatMap((n) => (n ? [n.toLowerCase()] : [])) : [],
      ),
    );
    return [{ sourceId: haltTargetId(chain.id), chainId: chain.id, chainName: chain.name, names: [...names], haltSeconds: live.haltSeconds, haltAfterSeconds: live.haltAfterSeconds, head: chain.head, headSince: live.headSince, readAt: chain.readAt }];
  });
}

/** Halt: the head's standing time against the chain's haltAfter (per chain, not per chat), with the chat's K cycles, hysteresis and cooldown. */
export const haltParams = (t: ChatThresholds, haltAfterSeconds: number): LevelParams => ({
  warning: haltAfterSeconds,
  clear: haltAfterSeconds * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

/** What a chain halt message says. */
export interface HaltFacts {
  readonly chainName: string;
  readonly chainId: number;
  readonly head: { readonly number: bigint };
  /** When the head last moved (ms). */
  readonly headSince: number;
  /** How long the head had stood at the read, and the chain's limit (s). */
  readonly haltSeconds: number;
  readonly haltAfterSeconds: number;
  /** When the chain was read (ms). */
  readonly readAt: number;
  readonly now: number;
}

/**
 * A chain halt ("Metis has produced no block for 17 min") and its recovery, with how long the head stood still
 * (from the longest reading: the head stopped at its time minus its length).
 */
export function haltMessage(step: LevelTransition, f: HaltFacts, t: Translator = english): Reply {
  const note = t('alert-halt-note', { age: haltLength((f.now - f.readAt) / 1000) });
  const head = String(f.head.number);
  const chainId = String(f.chainId);
  const limit = haltLength(f.haltAfterSeconds);
  if (step.kind === 'recover') {
    const w = step.worst;
    const stood = w === undefined ? '' : t('alert-halt-stood', { length: haltLength(w.measure), clock: utcClock(w.at - w.measure * 1000, f.now) });
    return alertReply(t, t('alert-halt-resumed-title', { icon: icon('ok'), chain: f.chainName }), [t('alert-halt-resumed', { head, chainId, limit, stood })], '/status', note);
  }
  return alertReply(
    t,
    t('alert-halt-title', { icon: icon(step.to), chain: f.chainName, length: haltLength(f.haltSeconds) }),
    [t('alert-halt-head', { head, chainId, since: at(t, f.headSince, f.now), limit }), t('alert-halt-figures')],
    '/status',
    note,
  );
}

/** Chain halt: per chain read this cycle, its head's standing time against its haltAfter. */
export const haltRule: LevelRule<HaltInput> = {
  kind: 'level',
  name: 'halt',
  measure: ({ snapshot, config }) => haltInputs(snapshot, config).map((h) => ({ sourceId: h.sourceId, names: h.names, facts: h })),
  params: (t, h) => haltParams(t, h.haltAfterSeconds),
  value: (_t, h) => ({ measure: h.haltSeconds, reading: h.haltSeconds }),
  message: (transition, h, _levels, now, t): Reply => haltMessage(transition, { ...h, now }, t),
};
