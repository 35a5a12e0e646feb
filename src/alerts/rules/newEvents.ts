import type { ChainEvent, HistoryStore } from '../../store/historyStore.ts';

/** Where a notice rule's announcements stopped: the chain position of the last event announced. */
export interface EventCursor {
  readonly after: string;
}

/** A sortable chain position: block number, then log index, zero-padded. */
const position = (e: Pick<ChainEvent, 'blockNumber' | 'logIndex'>) => `${e.blockNumber.toString().padStart(20, '0')}:${String(e.logIndex).padStart(6, '0')}`;

/**
 * The stored events of these names after the cursor, oldest first, and the cursor past them. The first evaluation
 * (no cursor) only places it, so a first start or a restart never announces old events.
 */
export function newEvents(history: HistoryStore, sourceId: string, names: readonly string[], cursor: EventCursor | undefined): { events: ChainEvent[]; cursor: EventCursor } {
  const events = history.eventsBetween(sourceId, names, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const newest = events.at(-1);
  const next = { after: newest ? position(newest) : (cursor?.after ?? '') };
  if (cursor === undefined) return { events: [], cursor: next };
  return { events: events.filter((e) => position(e) > cursor.after), cursor: next };
}
