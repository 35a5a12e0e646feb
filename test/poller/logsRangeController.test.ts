import { describe, expect, it } from 'vitest';
import { GROW_AFTER_SUCCESSES, LogsRangeController } from '../../src/poller/logsRangeController.ts';

describe('LogsRangeController', () => {
  it('starts at logsMaxRange and refuses a non-positive one', () => {
    expect(new LogsRangeController(10_000).size).toBe(10_000);
    expect(() => new LogsRangeController(0)).toThrow(/positive integer/);
    expect(() => new LogsRangeController(2.5)).toThrow(/positive integer/);
  });

  it('GIVEN a refusal without a hint THEN it halves the refused span, rounding down', () => {
    const range = new LogsRangeController(10_000);
    expect(range.refused(10_000)).toBe(true);
    expect(range.size).toBe(5_000);
    expect(range.refused(5_000)).toBe(true);
    expect(range.size).toBe(2_500);
    range.refused(2_500);
    range.refused(1_250);
    expect(range.size).toBe(625);
    range.refused(625);
    expect(range.size).toBe(312);
  });

  it('GIVEN a refusal of a short span (at the head) THEN it halves that span, not the size', () => {
    const range = new LogsRangeController(10_000);
    range.refused(300);
    expect(range.size).toBe(150);
  });

  it('GIVEN a suggested range smaller than the refused span THEN it jumps straight to it', () => {
    const range = new LogsRangeController(10_000);
    range.refused(10_000, 304);
    expect(range.size).toBe(304);
  });

  it('GIVEN a suggestion that is no smaller (or nonsense) THEN it halves instead', () => {
    const range = new LogsRangeController(10_000);
    range.refused(10_000, 557_034); // Alchemy suggests from its own fromBlock: larger than what we asked
    expect(range.size).toBe(5_000);
    range.refused(5_000, 5_000);
    expect(range.size).toBe(2_500);
    range.refused(2_500, 0);
    expect(range.size).toBe(1_250);
  });

  it('GIVEN a single block refused THEN it cannot shrink (the floor) and says so', () => {
    const range = new LogsRangeController(4);
    expect(range.refused(4)).toBe(true);
    expect(range.refused(2)).toBe(true);
    expect(range.size).toBe(1);
    expect(range.refused(1)).toBe(false);
    expect(range.refused(1, 1)).toBe(false);
    expect(range.size).toBe(1);
  });

  it(`GIVEN ${GROW_AFTER_SUCCESSES} full-size successes in a row THEN it doubles, up to logsMaxRange and no further`, () => {
    const range = new LogsRangeController(10_000);
    range.refused(10_000, 1_000);
    for (let i = 1; i < GROW_AFTER_SUCCESSES; i++) range.succeeded(1_000);
    expect(range.size).toBe(1_000);
    range.succeeded(1_000);
    expect(range.size).toBe(2_000);
    for (let i = 0; i < GROW_AFTER_SUCCESSES; i++) range.succeeded(2_000);
    expect(range.size).toBe(4_000);
    for (let i = 0; i < GROW_AFTER_SUCCESSES; i++) range.succeeded(4_000);
    expect(range.size).toBe(8_000);
    for (let i = 0; i < GROW_AFTER_SUCCESSES; i++) range.succeeded(8_000);
    expect(range.size).toBe(10_000);
    for (let i = 0; i < 3 * GROW_AFTER_SUCCESSES; i++) range.succeeded(10_000);
    expect(range.size).toBe(10_000);
  });

  it('GIVEN short reads at the head, or a refusal between successes THEN it does not grow', () => {
    const range = new LogsRangeController(10_000);
    range.refused(10_000, 1_000);
    for (let i = 0; i < 10 * GROW_AFTER_SUCCESSES; i++) range.succeeded(25);
    expect(range.size).toBe(1_000);
    for (let i = 1; i < GROW_AFTER_SUCCESSES; i++) range.succeeded(1_000);
    range.refused(1_000, 900); // the streak starts again
    for (let i = 1; i < GROW_AFTER_SUCCESSES; i++) range.succeeded(900);
    expect(range.size).toBe(900);
    range.succeeded(900);
    expect(range.size).toBe(1_800);
  });
});
