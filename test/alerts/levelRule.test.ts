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
