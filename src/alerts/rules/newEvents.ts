import type { ChainEvent } from '../../store/historyStore.ts';

/** The events notice rules announce. */
export const ANNOUNCED_EVENTS = ['UnlockInit', 'ClaimRewards', 'RewardUpdate'] as const;
/** Before the engine's first read of a source's log: the newest this many of each kind, where the rules place their cursors. */
export const ANNOUNCED_EVENTS_KEPT = 50;

/** Where a notice rule's announcements stopped: the chain position of the last event announced. */
export interface EventCursor {
  readonly after: string;
}

/** A sortable chain position: block number, then log index, zero-padded. */
export const chainPosition = (e: Pick<ChainEvent, 'blockNumber' | 'logIndex'>): string => `${e.blockNumber.toString().padStart(20, '0')}:${String(e.logIndex).padStart(6, '0')}`;

/**
 * The events of these names and this source after the cursor, oldest first, and the cursor past them. The first
 * evaluation (no cursor) only places it, so a first start or a restart never announces old events.
 */
export function newEvents(events: readonly ChainEvent[], sourceId: string, names: readonly string[], cursor: EventCursor | undefined): { events: ChainEvent[]; cursor: EventCursor } {
  const mine = events.filter((e) => e.sourceId === sourceId && names.includes(e.name));
  const newest = mine.at(-1);
  const next = { after: newest ? chainPosition(newest) : (cursor?.after ?? '') };
  if (cursor === undefined) return { events: [], cursor: next };
  return { events: mine.filter((e) => chainPosition(e) > cursor.after), cursor: next };
}
