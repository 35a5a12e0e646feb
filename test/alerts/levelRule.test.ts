import { describe, expect, it } from 'vitest';
import { initialLevelState, stepLevel, type LevelParams, type LevelState } from '../../src/alerts/rules/levelRule.ts';
import { apyDropSeverity, chatThresholds, depegParams } from '../../src/alerts/rules/ruleParams.ts';
import { configSchema } from '../../src/config/configSchema.ts';

const depeg: LevelParams = { warning: 50, critical: 200, clear: 30, cycles: 2, cooldownMs: 3_600_000 };
const MIN = 60_000;

/** Runs a sequence of measures one cycle (5 min) apart; returns the transitions as `kind:to` (or '' for none). */
function run(measures: number[], params = depeg, start: LevelState = initialLevelState, t0 = 0) {
  let state = start;
  const out: string[] = [];
  measures.forEach((m, i) => {
    const step = stepLevel(state, m, params, t0 + i * 5 * MIN);
    state = step.state;
    out.push(step.transition ? `${step.transition.kind}:${step.transition.to}` : '');
  });
  return { out, state };
}

describe('stepLevel (depeg: warning 50, critical 200, clear 30, K = 2)', () => {
  it('GIVEN one cycle over the threshold THEN nothing fires (K = 2)', () => {
    expect(run([80, 10]).out).toEqual(['', '']);
  });

  it('GIVEN two cycles over warning THEN fires once, and not again while it holds', () => {
    expect(run([80, 80, 90, 70]).out).toEqual(['', 'fire:warning', '', '']);
  });

  it('GIVEN warning then critical THEN escalates once, never repeats, never steps down to warning', () => {
    expect(run([80, 80, 250, 250, 260, 120, 120, 250]).out).toEqual(['', 'fire:warning', '', 'escalate:critical', '', '', '', '']);
  });

  it('GIVEN straight to critical THEN fires critical', () => {
    expect(run([300, 300]).out).toEqual(['', 'fire:critical']);
  });

  it('GIVEN an open warning THEN it clears only below the looser clear level, after K cycles (hysteresis)', () => {
    expect(run([80, 80, 45, 40, 35, 20, 40, 20, 20]).out).toEqual(['', 'fire:warning', '', '', '', '', '', '', 'recover:ok']);
  });

  it('GIVEN a recovery THEN the same alert does not fire again within the cooldown, and does after it', () => {
    const { state } = run([80, 80, 10, 10]);
    expect(state.level).toBe('ok');
    // 12 cycles of 5 min = 60 min: cooldown ends at the 12th cycle after the recovery.
    const again = run(Array.from({ length: 14 }, () => 80), depeg, state, 20 * MIN);
    expect(again.out.filter(Boolean)).toEqual(['fire:warning']);
    expect(again.out.indexOf('fire:warning')).toBeGreaterThanOrEqual(10);
  });

  it('numbers each fired alert (the id in the idempotency key)', () => {
    const first = run([80, 80, 10, 10], { ...depeg, cooldownMs: 0 });
    const second = run([80, 80], { ...depeg, cooldownMs: 0 }, first.state, 100 * MIN);
    expect([first.state.seq, second.state.seq]).toEqual([1, 2]);
  });
});

describe('stepLevel remembers when a condition started and its worst reading', () => {
  /** Steps (measure, reading) pairs one cycle (5 min) apart from t = 0; returns every transition with its cycle. */
  function episode(steps: [number, number][], params = depeg, start: LevelState = initialLevelState, t0 = 0) {
    let state = start;
    const transitions: { cycle: number; kind: string; startedAt?: number; worst?: { measure: number; reading: number; at: number } }[] = [];
    steps.forEach(([measure, reading], i) => {
      const step = stepLevel(state, measure, params, t0 + i * 5 * MIN, reading);
      state = step.state;
      if (step.transition) transitions.push({ cycle: i, kind: `${step.transition.kind}:${step.transition.to}`, startedAt: step.transition.startedAt, worst: step.transition.worst });
    });
    return { transitions, state };
  }

  it('GIVEN a depeg that crosses, fires after K cycles, escalates and clears THEN each transition carries the first crossing and the worst so far', () => {
    // Cycles at 0, 5, 10, … min: crosses at 5 min, fires at 10, escalates at 20 (confirmed), worst −320 at 25, clears at 40.
    const { transitions, state } = episode([[10, -10], [80, -80], [90, -90], [250, -250], [260, -260], [320, -320], [100, -100], [20, -20], [10, -10]]);
    expect(transitions).toEqual([
      { cycle: 2, kind: 'fire:warning', startedAt: 5 * MIN, worst: { measure: 90, reading: -90, at: 10 * MIN } },
      { cycle: 4, kind: 'escalate:critical', startedAt: 5 * MIN, worst: { measure: 260, reading: -260, at: 20 * MIN } },
      // The clearing reading (10) is better than the worst: the recovery reports the episode's −320 at 25 min.
      { cycle: 8, kind: 'recover:ok', startedAt: 5 * MIN, worst: { measure: 320, reading: -320, at: 25 * MIN } },
    ]);
    expect(state.startedAt).toBeUndefined();
    expect(state.worst).toBeUndefined();
  });

  it('GIVEN a crossing that falls back before K cycles THEN its start is forgotten; the next crossing starts anew', () => {
    const { transitions } = episode([[80, 80], [10, 10], [70, 70], [60, 60]]);
    expect(transitions).toEqual([{ cycle: 3, kind: 'fire:warning', startedAt: 10 * MIN, worst: { measure: 70, reading: 70, at: 10 * MIN } }]);
  });

  it('GIVEN a warning pending that turns critical before it fires THEN the start is the first warning crossing', () => {
    const { transitions } = episode([[80, 80], [250, 250], [260, 260]]);
    expect(transitions).toEqual([{ cycle: 2, kind: 'fire:critical', startedAt: 0, worst: { measure: 260, reading: 260, at: 10 * MIN } }]);
  });

  it('GIVEN a condition waiting out the cooldown THEN it fires with the time it first crossed, inside the cooldown', () => {
    const recovered: LevelState = { level: 'ok', seq: 1, recoveredAt: 0 };
    // Cooldown 60 min from t = 0; the depeg is back at 30 min and held until 60 min.
    const { transitions } = episode(Array.from({ length: 8 }, (): [number, number] => [80, -80]), depeg, recovered, 30 * MIN);
    expect(transitions).toEqual([{ cycle: 6, kind: 'fire:warning', startedAt: 30 * MIN, worst: { measure: 80, reading: -80, at: 30 * MIN } }]);
  });

  it('GIVEN an open alert stored before the start and worst were kept THEN it still steps and recovers, with neither in the transition', () => {
    const old = { level: 'warning', seq: 3, since: 0, value: 80 } as LevelState;
    const { transitions } = episode([[20, 20], [20, 20]], depeg, old);
    expect(transitions).toEqual([{ cycle: 1, kind: 'recover:ok', startedAt: undefined, worst: undefined }]);
  });
});

describe('APY drop severity', () => {
  const t = chatThresholds(configSchema.shape.alerts.parse({}), {});
  it('is 1 at 20 % relative below the average, and for a 3 point fall', () => {
    expect(apyDropSeverity(0.08, 0.1, t)).toBeCloseTo(1);
    expect(apyDropSeverity(0.27, 0.3, t)).toBeCloseTo(1);
    expect(apyDropSeverity(0.12, 0.1, t)).toBe(0);
  });

  it('takes chat overrides and keeps critical at or above warning', () => {
    const chat = chatThresholds(configSchema.shape.alerts.parse({}), { depegWarningBps: 300 });
    expect(depegParams(chat)).toMatchObject({ warning: 300, critical: 300, clear: 180 });
  });
});
