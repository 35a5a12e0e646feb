import { english, type Translator } from '../../i18n/translator.ts';
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
export function staleMessage(step: LevelTransition, f: StaleFacts, t: Translator = english): Reply {
  const read = t('alert-stale-read', { block: String(f.lastRead.blockNumber), chain: String(f.lastRead.chainId) });
  const limit = haltLength(f.staleAfterSeconds);
  if (step.kind === 'recover') {
    const longest = step.worst === undefined ? '' : t('alert-stale-longest', { length: haltLength(step.worst.measure) });
    const span = step.startedAt === undefined ? '' : t('alert-stale-lasted', { lasted: lasted(t, step.startedAt, f.now), longest });
    return alertReply(t, t('alert-stale-fresh-title', { icon: icon('ok'), label: f.label }), [t('alert-stale-fresh', { age: haltLength(f.ageSeconds), read, limit, span })], '/status');
  }
  const error = f.lastError === undefined ? [] : [t('alert-stale-error', { error: f.lastError })];
  return alertReply(
    t,
    t('alert-stale-title', { icon: icon('warning'), label: f.label }),
    [t('alert-stale', { age: haltLength(f.ageSeconds), clock: utcClock(f.lastRead.observedAt, f.now), read, limit }), ...error],
    '/status',
  );
}

/** One source's age as the stale rule measures it, with what its notice says. */
export interface StaleMeasure {
  readonly sourceId: string;
  readonly ageSeconds: number;
  readonly params: LevelParams;
  readonly message: (transition: LevelTransition, now: number, t: Translator) => Reply;
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
    const message = (transition: LevelTransition, at: number, t: Translator) =>
      staleMessage(
        transition,
        {
          label: view.label,
          ageSeconds: age,
          staleAfterSeconds: staleLimit,
          lastRead: { blockNumber: view.lastRead?.blockNumber ?? 0n, chainId: view.chainId, observedAt: view.lastRead?.observedAt ?? at },
          ...(view.lastError ? { lastError: view.lastError.message } : {}),
          now: at,
        },
        t,
      );
    return [{ sourceId: view.id, ageSeconds: age, params, message }];
  });
}
