import { haltSeconds, headStandingSince, isHalted, readIntervalSeconds, type HeadTrack } from '../core/chainHalt.ts';
import type { ChainLiveness, ChainView, SourceView } from './figures.ts';

/**
 * A chain's liveness from the bot's track of its head.
 * @example chainLiveness(track, 300).halted // true once the head had stood for 5 min at a read
 */
export function chainLiveness(track: HeadTrack, haltAfterSeconds: number): ChainLiveness {
  const cycle = readIntervalSeconds(track);
  return {
    headSince: headStandingSince(track),
    haltSeconds: haltSeconds(track),
    haltAfterSeconds,
    halted: isHalted(track, haltAfterSeconds),
    ...(cycle === undefined ? {} : { cycleSeconds: cycle }),
  };
}

/**
 * Since when a source's last-read block had been its chain's head (ms), when the head had by then stood for
 * more than a cycle (the chain's last read interval; its haltAfter before there were two reads): replies then
 * show the block's age beside the read's. Undefined when the block is not the chain's current head (the
 * source failed since; its read age already says how old it is) or the head was new enough.
 */
export function sourceBlockSince(lastRead: SourceView['lastRead'], chain: ChainView | undefined): number | undefined {
  const live = chain?.liveness;
  if (!lastRead || !live || chain.head?.number !== lastRead.blockNumber) return undefined;
  const cycleMs = (live.cycleSeconds ?? live.haltAfterSeconds) * 1000;
  return lastRead.observedAt - live.headSince > cycleMs ? live.headSince : undefined;
}
