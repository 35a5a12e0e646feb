import type { SequencerRow } from '../../figures/sequencersViewTypes.ts';

/** What a chat subscribes to for one sequencer's own events: `sequencer:<id>` (ids never change; names may). */
export const sequencerAsset = (seqId: number): string => `sequencer:${seqId}`;

/** The subscription names one sequencer's events go to: only chats that asked for it by name. */
export const sequencerNames = (row: Pick<SequencerRow, 'seqId'>): string[] => [sequencerAsset(row.seqId)];

/** Whether a subscription name is one sequencer's: such events reach only chats that subscribed to it by name. */
export const isSequencerAsset = (name: string): boolean => /^sequencer:\d+$/.test(name);
