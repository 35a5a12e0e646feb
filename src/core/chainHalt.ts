import type { BlockPoint } from './sequencer.ts';

/**
 * What the bot has seen of one chain's head, across its reads (kept across restarts). Times ending in `At` are
 * the bot's clock, unix ms; `time` is the block's own timestamp, unix seconds.
 */
export interface HeadTrack {
  /** The head block number at the last read, and that block's timestamp. */
  readonly number: bigint;
  readonly time: number;
  /** The first read that returned this number. */
  readonly seenAt: number;
  /** Whether the bot read a different head before this one, so `seenAt` is when the head moved (to within a read). */
  readonly advanceSeen: boolean;
  /** The last read (of any number), and the one before it: the poll cycle as it happened. */
  readonly readAt: number;
  readonly previousReadAt?: number;
}

/**
 * The track after one more read of the head. Any change of number counts as an advance, a lower one too: after
 * a failover to a node that is behind, that node's head is what the figures come from.
 * @example trackHead(undefined, { number: 10n, time: 1_000 }, 1_000_000) // seen now, no advance seen yet
 */
export function trackHead(previous: HeadTrack | undefined, head: BlockPoint, readAt: number): HeadTrack {
  if (previous === undefined) return { number: head.number, time: head.time, seenAt: readAt, advanceSeen: false, readAt };
  if (head.number === previous.number) return { ...previous, time: head.time, readAt, previousReadAt: previous.readAt };
  return { number: head.number, time: head.time, seenAt: readAt, advanceSeen: true, readAt, previousReadAt: previous.readAt };
}

/**
 * Since when (bot clock, ms) the head has not moved. The bot's clock decides: once the bot has seen the head
 * move, it is the first read of the current head. A chain's timestamps may lag (a rollup that stamps L2 blocks
 * with L1 time) or run ahead, and the host clock may be skewed against them; differences of the bot's own
 * clock are immune to both. Only while the bot has never seen the head move (the first read since the store
 * was created) does the block's own timestamp count, when it is earlier: the bot cannot know how long the head
 * stood before it first looked, and the chain's word is the best there is. A timestamp in the future counts as
 * the first read.
 * @example headStandingSince({ number: 5n, time: 0, seenAt: 600_000, advanceSeen: true, readAt: 900_000 }) // 600000: the block time is ignored
 */
export function headStandingSince(track: HeadTrack): number {
  return track.advanceSeen ? track.seenAt : Math.min(track.seenAt, track.time * 1000);
}

/**
 * Seconds the head had stood still at the last read: the halt measure. Measured at the read, not at the
 * caller's clock, so a healthy chain is never called halted between two reads; its resolution is one read.
 * @example haltSeconds({ number: 5n, time: 0, seenAt: 600_000, advanceSeen: true, readAt: 1_500_000 }) // 900
 */
export function haltSeconds(track: HeadTrack): number {
  return Math.max(0, (track.readAt - headStandingSince(track)) / 1000);
}

/**
 * Seconds between the last read and the one before it, when there were two: one poll cycle as it happened.
 * @example readIntervalSeconds({ number: 5n, time: 0, seenAt: 0, advanceSeen: false, readAt: 600_000, previousReadAt: 300_000 }) // 300
 */
export function readIntervalSeconds(track: HeadTrack): number | undefined {
  return track.previousReadAt === undefined ? undefined : Math.max(0, (track.readAt - track.previousReadAt) / 1000);
}

/** A chain is halted when its head had stood still for at least `haltAfterSeconds` at the last read. */
export function isHalted(track: HeadTrack, haltAfterSeconds: number): boolean {
  return haltSeconds(track) >= haltAfterSeconds;
}
