import { describe, expect, it } from 'vitest';
import type { HeadTrack } from '../../src/core/chainHalt.ts';
import { chainLiveness, sourceBlockSince } from '../../src/figures/chainLiveness.ts';
import type { ChainView } from '../../src/figures/figures.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const rpc = { chainId: 1088, inUse: 'http://127.0.0.1:9545', endpoints: [] };

/** Chain 1088 whose head #500 the bot first saw at `seenAt` (after seeing it move), read last at `readAt`, 5 min after the read before. */
function chain(seenAt: number, readAt: number, haltAfter = 300): ChainView {
  const track: HeadTrack = { number: 500n, time: Math.floor(seenAt / 1000), seenAt, advanceSeen: true, readAt, previousReadAt: readAt - 5 * MIN };
  return { id: 1088, name: 'Metis', rpc, head: { number: 500n, time: track.time }, readAt, liveness: chainLiveness(track, haltAfter) };
}

describe('chainLiveness', () => {
  it('GIVEN the head first seen at T0 and read at T0 + 17 min THEN 1020 s standing, halted against 300 s, cycle 300 s', () => {
    expect(chain(T0, T0 + 17 * MIN).liveness).toEqual({ headSince: T0, haltSeconds: 1_020, haltAfterSeconds: 300, halted: true, cycleSeconds: 300 });
  });

  it('GIVEN a head seen at this read THEN 0 s, not halted', () => {
    expect(chain(T0, T0).liveness).toMatchObject({ haltSeconds: 0, halted: false });
  });
});

describe('sourceBlockSince', () => {
  const read = (blockNumber: bigint, observedAt: number) => ({ blockNumber, blockTime: 0, observedAt });

  it('GIVEN a source read at the head, which had stood 10 min (more than the 5 min cycle) THEN since the head stood', () => {
    expect(sourceBlockSince(read(500n, T0 + 10 * MIN), chain(T0, T0 + 10 * MIN))).toBe(T0);
  });

  it('GIVEN the head had stood exactly one cycle THEN nothing: one read apart is what every read is', () => {
    expect(sourceBlockSince(read(500n, T0 + 5 * MIN), chain(T0, T0 + 5 * MIN))).toBeUndefined();
  });

  it('GIVEN a source last read at an older block (it failed since) THEN nothing: its read age already tells', () => {
    expect(sourceBlockSince(read(499n, T0 - 5 * MIN), chain(T0, T0 + 20 * MIN))).toBeUndefined();
  });

  it('GIVEN no chain liveness (never read) THEN nothing', () => {
    expect(sourceBlockSince(read(500n, T0), { id: 1088, name: 'Metis', rpc })).toBeUndefined();
  });
});
