import { activeSetRule } from './rules/activeSetRule.ts';
import { apyDropRule } from './rules/apyDropRule.ts';
import { baseFallRule } from './rules/baseFallRule.ts';
import { depegRule } from './rules/depegRule.ts';
import { haltRule } from './rules/haltRule.ts';
import { leverageRule } from './rules/leverageRule.ts';
import { operatorShareRule } from './rules/operatorShareRule.ts';
import { rewardRule } from './rules/rewardRule.ts';
import type { AnyRule } from './rules/rule.ts';
import { sequencerExitRule } from './rules/sequencerExitRule.ts';
import { sequencerJoinRule } from './rules/sequencerJoinRule.ts';
import { sequencerClaimRule } from './rules/sequencerClaimRule.ts';
import { sequencerStallRule } from './rules/sequencerStallRule.ts';
import { sequencerStatusRule } from './rules/sequencerStatusRule.ts';

/**
 * Every rule a chat can get alerts of, in the order one chat's messages of one cycle are queued. Adding a rule
 * is a file in src/alerts/rules and a line here. (Stale data goes to the operator only: src/alerts/rules/staleRule.ts.)
 */
export const RULES: readonly AnyRule[] = [
  depegRule,
  apyDropRule,
  leverageRule,
  haltRule,
  sequencerExitRule,
  sequencerJoinRule,
  baseFallRule,
  activeSetRule,
  operatorShareRule,
  rewardRule,
  sequencerStatusRule,
  sequencerStallRule,
  sequencerClaimRule,
];
