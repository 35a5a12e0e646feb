import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';

/** What a chat subscribes to for one sequencer's own events: `sequencer:<id>` (ids never change; names may). */
export const sequencerAsset = (seqId: number): string => `sequencer:${seqId}`;

/**
 * Where one sequencer's own alert or notice goes: its source id (what a mute names), the one subscription name
 * it answers to, and only to chats that asked for it by name (never to "everything").
 */
export const ownSequencerTarget = (row: Pick<SequencerRow, 'seqId'>) => ({ sourceId: sequencerAsset(row.seqId), names: [sequencerAsset(row.seqId)], byNameOnly: true }) as const;

/** Whether a subscription name is one sequencer's: such events reach only chats that subscribed to it by name. */
export const isSequencerAsset = (name: string): boolean => /^sequencer:\d+$/.test(name);
