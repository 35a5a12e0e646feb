import type { Reply } from '../../vocabulary/reply.ts';
import { haltLength, utcClock } from '../../core/haltText.ts';
import { dataAgeSeconds, type Snapshot } from '../../figures/figures.ts';
import { alertReply, icon, lasted } from '../alertText.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';

/** What a stale data notice (to the operator) says. */
export interface StaleFacts {
  readonly label: string;
  /** Seconds since the last good read. */
  readonly ageSeconds: number;
  readonly staleAfterSeconds: number;
  readonly lastRead: { readonly blockNumber: bigint; readonly chainId: number; readonly observedAt: number };
  readonly lastError?: string;
  readonly now: number;
}

/** A source gone stale (no alert uses it meanwhile), or fresh again with how long it was stale and its oldest age. */
export function staleMessage(t: LevelTransition, f: StaleFacts): Reply {
  const read = `block ${f.lastRead.blockNumber} on chain ${f.lastRead.chainId}`;
  if (t.kind === 'recover') {
    const longest = t.worst === undefined ? '' : `; at worst no good read for ${haltLength(t.worst.measure)}`;
    const span = t.startedAt === undefined ? '' : ` It was stale for ${lasted(t.startedAt, f.now)}${longest}.`;
    return alertReply(`${icon('ok')} Data fresh again: ${f.label}`, [`Read ${haltLength(f.ageSeconds)} ago at ${read}; back under the ${haltLength(f.staleAfterSeconds)} stale limit.${span}`], '/status');
  }
  const error = f.lastError === undefined ? [] : [`Last error: ${f.lastError}`];
  return alertReply(
    `${icon('warning')} Stale data: ${f.label}`,
    [
      `No good read for ${haltLength(f.ageSeconds)} (last at ${utcClock(f.lastRead.observedAt, f.now)}, ${read}); stale after ${haltLength(f.staleAfterSeconds)}. No alert uses it until it is fresh.`,
      ...error,
    ],
    '/status',
  );
}


/** One source's age as the stale rule measures it, with what its notice says. */
export interface StaleMeasure {
  readonly sourceId: string;
  readonly ageSeconds: number;
  readonly params: LevelParams;
  readonly message: (transition: LevelTransition, now: number) => Reply;
}

/**
 * Stale data: every read source's age against `alerts.staleAfter` (clearing under its own stale age), one cycle,
 * no cooldown; to the operator's chat only, never to subscribers.
 */
export function staleMeasures(snapshot: Snapshot, staleLimit: number, now: number): StaleMeasure[] {
  return snapshot.sources.flatMap((view) => {
    const age = dataAgeSeconds(view, now);
    if (age === undefined) return [];
    const params: LevelParams = { warning: staleLimit, clear: Math.min(staleLimit, view.staleAfterSeconds), cycles: 1, cooldownMs: 0 };
    const message = (transition: LevelTransition, at: number) =>
      staleMessage(transition, {
        label: view.label,
        ageSeconds: age,
        staleAfterSeconds: staleLimit,
        lastRead: { blockNumber: view.lastRead?.blockNumber ?? 0n, chainId: view.chainId, observedAt: view.lastRead?.observedAt ?? at },
        ...(view.lastError ? { lastError: view.lastError.message } : {}),
        now: at,
      });
    return [{ sourceId: view.id, ageSeconds: age, params, message }];
  });
}
