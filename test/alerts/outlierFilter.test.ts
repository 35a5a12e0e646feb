import { describe, expect, it } from 'vitest';
import { screenOutlier, type OutlierState } from '../../src/alerts/rules/outlierFilter.ts';

const HOUR = 3_600_000;
const params = { factor: 5, windowMs: 6 * HOUR };
const T0 = 1_800_000_000_000;

/** Screens readings one cycle (5 min) apart; returns what was used (undefined when held) and the last state. */
function run(readings: number[], start: OutlierState = {}, t0 = T0) {
  let state = start;
  const used = readings.map((reading, i) => {
    const step = screenOutlier(state, reading, params, t0 + i * 5 * 60_000);
    state = step.state;
    return step.value;
  });
  return { used, state };
}

describe('screenOutlier', () => {
  it('GIVEN a jump over 5× within the window THEN it is held back; GIVEN it repeats THEN it is accepted', () => {
    let step = screenOutlier({}, 0.1, params, T0);
    expect(step.value).toBe(0.1);
    step = screenOutlier(step.state, 0.8, params, T0 + HOUR);
    expect(step.value).toBeUndefined();
    expect(step.state).toEqual({ accepted: 0.1, acceptedAt: T0, held: 0.8 });
    step = screenOutlier(step.state, 0.82, params, T0 + HOUR + 5 * 60_000);
    expect(step.value).toBe(0.82);
    expect(step.state).toEqual({ accepted: 0.82, acceptedAt: T0 + HOUR + 5 * 60_000 });
  });

  it('GIVEN a one-off spike THEN the next normal reading is used and the spike never is', () => {
    expect(run([0.1, 0.9, 0.11]).used).toEqual([0.1, undefined, 0.11]);
  });

  it('GIVEN a downward jump under 1/5 within the window THEN it is held too', () => {
    expect(run([0.1, 0.015]).used).toEqual([0.1, undefined]);
  });

  it('GIVEN a reference older than the window THEN the jump is accepted and becomes the reference', () => {
    const step = screenOutlier({ accepted: 0.1, acceptedAt: T0 }, 0.9, params, T0 + 6 * HOUR + 1);
    expect(step.value).toBe(0.9);
    expect(step.state).toEqual({ accepted: 0.9, acceptedAt: T0 + 6 * HOUR + 1 });
  });

  it('GIVEN a reference exactly at the window THEN it still counts', () => {
    expect(screenOutlier({ accepted: 0.1, acceptedAt: T0 }, 0.9, params, T0 + 6 * HOUR).value).toBeUndefined();
  });

  it('GIVEN readings that keep moving the reference THEN the window runs from the last accepted one', () => {
    // Each accepted reading renews the reference, so a jump 7 h after the first but 5 min after the last is held.
    const steady = Array.from({ length: 84 }, () => 0.1);
    const { used } = run([...steady, 0.9]);
    expect(used.at(-1)).toBeUndefined();
  });

  it('GIVEN a held reading whose reference then ages out THEN the next reading is accepted whatever it is', () => {
    const held = screenOutlier({ accepted: 0.1, acceptedAt: T0 }, 0.9, params, T0 + 5 * HOUR).state;
    const later = screenOutlier(held, 2, params, T0 + 7 * HOUR);
    expect([later.value, later.state]).toEqual([2, { accepted: 2, acceptedAt: T0 + 7 * HOUR }]);
  });

  it('GIVEN a state stored before readings had a time THEN it loads and counts as old: the jump is accepted', () => {
    const stored = JSON.parse('{"accepted":0.1}') as OutlierState;
    expect(screenOutlier(stored, 0.9, params, T0).value).toBe(0.9);
    const storedHeld = JSON.parse('{"accepted":0.1,"held":0.9}') as OutlierState;
    expect(screenOutlier(storedHeld, 3, params, T0)).toEqual({ state: { accepted: 3, acceptedAt: T0 }, value: 3 });
  });

  it('GIVEN a sign change bigger than factor × the reference THEN it is held', () => {
    expect(run([0.02, -0.2]).used).toEqual([0.02, undefined]);
  });
});
