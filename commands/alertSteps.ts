import { formatQuantity } from '../src/core/format.ts';
import { TUNABLE_RULES, type ChatThresholds, type TunableRule } from '../src/alerts/rules/ruleParams.ts';
import type { Action } from '../src/vocabulary/reply.ts';

/** How far one press of − or + moves each threshold, and the unit its button shows (units read alike in every language). */
const STEPS: Readonly<Record<TunableRule, { readonly step: number; readonly unit: string }>> = {
  'apy-drop': { step: 5, unit: '%' },
  'apy-drop-points': { step: 0.5, unit: ' pp' },
  'depeg-warning': { step: 10, unit: ' bps' },
  'depeg-critical': { step: 50, unit: ' bps' },
  leverage: { step: 5, unit: '%' },
  'base-fall': { step: 1, unit: '%' },
  'active-sequencers': { step: 1, unit: '' },
  'operator-share': { step: 5, unit: '%' },
  'reward-stall': { step: 6, unit: ' h' },
  cycles: { step: 1, unit: '' },
  cooldown: { step: 15, unit: ' min' },
};

export const TUNABLE_RULE_NAMES = Object.keys(TUNABLE_RULES) as TunableRule[];

/** A threshold as a command line writes it: plain decimals, no grouping (0.1 + 0.5 is 0.6, not 0.6000000000000001). */
const commandNumber = (value: number) => String(Math.round(value * 1e6) / 1e6);

/**
 * The value one step down (−1) or up (+1) from `value`, clamped to the rule's range; undefined when the value is
 * already at that end (no button to press).
 * @example steppedValue('depeg-warning', 50, 1) // 60
 * @example steppedValue('depeg-warning', 4_995, 1) // 5000 (the rule's max)
 */
export function steppedValue(rule: TunableRule, value: number, direction: -1 | 1): number | undefined {
  const { min, max } = TUNABLE_RULES[rule];
  const next = Number(commandNumber(Math.min(max, Math.max(min, value + direction * STEPS[rule].step))));
  return next === value ? undefined : next;
}

/** The − (or +) buttons of every tunable rule: `/alerts set <rule> <value>`, each editing the panel. */
export function stepActions(thresholds: ChatThresholds, direction: -1 | 1): Action[] {
  return TUNABLE_RULE_NAMES.flatMap((rule) => {
    const value = thresholds[TUNABLE_RULES[rule].key];
    if (!Number.isFinite(value)) return [];
    const next = steppedValue(rule, value, direction);
    if (next === undefined) return [];
    const label = `${direction < 0 ? '−' : '+'} ${rule} → ${formatQuantity(next)}${STEPS[rule].unit}`;
    return [{ label, command: `/alerts set ${rule} ${commandNumber(next)}`, edit: true }];
  });
}
