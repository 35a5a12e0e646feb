import { describe, expect, it } from 'vitest';
import { haltLength, utcClock } from '../../src/core/haltText.ts';

// 1_700_000_000_000 ms = 2023-11-14 22:13:20 UTC.
const T = 1_700_000_000_000;

describe('utcClock', () => {
  it('GIVEN a time within the last day THEN HH:MM UTC', () => {
    expect(utcClock(T, T + 17 * 60_000)).toBe('22:13 UTC');
    expect(utcClock(T, T + 86_399_999)).toBe('22:13 UTC');
  });

  it('GIVEN a time a day or more before THEN with its date', () => {
    expect(utcClock(T, T + 86_400_000)).toBe('2023-11-14 22:13 UTC');
  });

  it('GIVEN a single-digit hour and minute THEN zero-padded: 1_700_003_000_000 ms is 23:03:20', () => {
    expect(utcClock(1_700_003_000_000, 1_700_003_000_000)).toBe('23:03 UTC');
  });
});

describe('haltLength', () => {
  it('GIVEN under a minute THEN whole seconds; negative THEN 0', () => {
    expect(haltLength(0)).toBe('0 s');
    expect(haltLength(59.9)).toBe('59 s');
    expect(haltLength(-5)).toBe('0 s');
  });

  it('GIVEN under an hour THEN whole minutes, rounded down', () => {
    expect(haltLength(60)).toBe('1 min');
    expect(haltLength(1_020)).toBe('17 min');
    expect(haltLength(1_079)).toBe('17 min');
    expect(haltLength(3_599)).toBe('59 min');
  });

  it('GIVEN an hour or more THEN hours and minutes; a day or more THEN days and hours', () => {
    expect(haltLength(3_600)).toBe('1 h');
    expect(haltLength(7_500)).toBe('2 h 5 min');
    expect(haltLength(86_400)).toBe('1 d');
    expect(haltLength(3 * 86_400 + 4 * 3_600 + 59 * 60)).toBe('3 d 4 h');
  });
});
