/** The store's cursor key under which a source's event log reads resume (the last block read). */
export const eventCursorKey = (sourceId: string): string => `events:${sourceId}`;
