import { describe, expect, it } from 'vitest';
import { haltSeconds, headStandingSince, isHalted, readIntervalSeconds, trackHead, type HeadTrack } from '../../src/core/chainHalt.ts';

// The bot's clock in ms; block timestamps in s. T0 = 2023-11-14 22:13:20 UTC.
const T0 = 1_700_000_000_000;
const MIN = 60_000;

/** Reads of a head, in order: [block number, block timestamp (s), bot clock (ms)]. */
const track = (reads: [bigint, number, number][]): HeadTrack =>
  reads.reduce<HeadTrack | undefined>((t, [number, time, at]) => trackHead(t, { number, time }, at), undefined)!;

describe('trackHead', () => {
  it('GIVEN a first read THEN the head is seen now, no advance seen yet', () => {
    expect(trackHead(undefined, { number: 100n, time: 1_700_000_000 }, T0)).toEqual({ number: 100n, time: 1_700_000_000, seenAt: T0, advanceSeen: false, readAt: T0 });
  });

  it('GIVEN the same number again THEN seenAt stays and the reads move on', () => {
    expect(track([[100n, 1_700_000_000, T0], [100n, 1_700_000_000, T0 + 5 * MIN]])).toEqual({
      number: 100n, time: 1_700_000_000, seenAt: T0, advanceSeen: false, readAt: T0 + 5 * MIN, previousReadAt: T0,
    });
  });

  it('GIVEN a higher number THEN seenAt is this read and an advance is seen', () => {
    expect(track([[100n, 1_700_000_000, T0], [175n, 1_700_000_300, T0 + 5 * MIN]])).toEqual({
      number: 175n, time: 1_700_000_300, seenAt: T0 + 5 * MIN, advanceSeen: true, readAt: T0 + 5 * MIN, previousReadAt: T0,
    });
  });

  it('GIVEN a lower number (a failover to a node behind) THEN it counts as a change too', () => {
    const t = track([[100n, 1_700_000_000, T0], [90n, 1_699_999_960, T0 + 5 * MIN]]);
    expect(t.seenAt).toBe(T0 + 5 * MIN);
    expect(t.advanceSeen).toBe(true);
  });
});

describe('the halt measure: the bot clock once it has seen the head move', () => {
  it('GIVEN the head moved at the read of T0 and stood for the reads at +5 and +17 min THEN 17 min = 1020 s', () => {
    const t = track([[99n, 1_699_999_990, T0 - 5 * MIN], [100n, 1_700_000_000, T0], [100n, 1_700_000_000, T0 + 5 * MIN], [100n, 1_700_000_000, T0 + 17 * MIN]]);
    expect(headStandingSince(t)).toBe(T0);
    expect(haltSeconds(t)).toBe(1_020);
    expect(isHalted(t, 300)).toBe(true);
  });

  it('GIVEN block timestamps lagging one hour behind the host (L1-stamped blocks) THEN the bot clock ignores them: 5 min', () => {
    // Block 100 claims T0 − 1 h; the bot saw it appear at T0.
    const t = track([[99n, 1_699_996_390, T0 - 5 * MIN], [100n, 1_699_996_400, T0], [100n, 1_699_996_400, T0 + 5 * MIN]]);
    expect(haltSeconds(t)).toBe(300);
  });

  it('GIVEN block timestamps ahead of the host THEN the same: 5 min', () => {
    const t = track([[99n, 1_700_003_590, T0 - 5 * MIN], [100n, 1_700_003_600, T0], [100n, 1_700_003_600, T0 + 5 * MIN]]);
    expect(haltSeconds(t)).toBe(300);
  });

  it('GIVEN the head moves at every read THEN 0 at every read, however long the reads are apart', () => {
    const t = track([[100n, 1_700_000_000, T0], [175n, 1_700_000_300, T0 + 5 * MIN], [250n, 1_700_000_600, T0 + 10 * MIN]]);
    expect(haltSeconds(t)).toBe(0);
    expect(isHalted(t, 120)).toBe(false);
  });

  it('GIVEN haltAfter exactly reached THEN halted (at or above); one second short THEN not', () => {
    const t = track([[99n, 0, T0 - MIN], [100n, 0, T0], [100n, 0, T0 + 5 * MIN]]);
    expect(isHalted(t, 300)).toBe(true);
    expect(isHalted(t, 301)).toBe(false);
  });
});

describe('the halt measure before the bot has seen the head move: the block timestamp when earlier', () => {
  it('GIVEN a first start on a head stamped 40 min before the first read THEN 40 min at once', () => {
    // 1_699_997_600 s = T0 − 2,400 s.
    const t = track([[100n, 1_699_997_600, T0]]);
    expect(headStandingSince(t)).toBe(T0 - 40 * MIN);
    expect(haltSeconds(t)).toBe(2_400);
    expect(isHalted(t, 300)).toBe(true);
  });

  it('GIVEN that head read again 5 min later THEN 45 min', () => {
    expect(haltSeconds(track([[100n, 1_699_997_600, T0], [100n, 1_699_997_600, T0 + 5 * MIN]]))).toBe(2_700);
  });

  it('GIVEN a head stamped in the future THEN the first read counts: 0, then 5 min', () => {
    expect(haltSeconds(track([[100n, 1_700_000_600, T0]]))).toBe(0);
    expect(haltSeconds(track([[100n, 1_700_000_600, T0], [100n, 1_700_000_600, T0 + 5 * MIN]]))).toBe(300);
  });

  it('GIVEN the head then moves THEN the bot clock takes over and the old timestamp no longer counts', () => {
    const t = track([[100n, 1_699_997_600, T0], [101n, 1_699_997_700, T0 + 5 * MIN], [101n, 1_699_997_700, T0 + 7 * MIN]]);
    expect(haltSeconds(t)).toBe(120);
  });
});

describe('readIntervalSeconds', () => {
  it('GIVEN one read THEN unknown; two reads 5 min apart THEN 300', () => {
    expect(readIntervalSeconds(track([[1n, 0, T0]]))).toBeUndefined();
    expect(readIntervalSeconds(track([[1n, 0, T0], [1n, 0, T0 + 5 * MIN]]))).toBe(300);
  });
});
