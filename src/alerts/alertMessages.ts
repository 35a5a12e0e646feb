/**
 * Every alert's message, where commands and tests look for them; each is defined beside its rule in
 * src/alerts/rules/ (the shared words in src/alerts/alertText.ts).
 */
export { dataNote, type DataAge } from './alertText.ts';
export { openAlertsLine } from './openAlert.ts';
export type { RuleName } from './rules/rule.ts';
export { apyDropMessage, type ApyDropFacts } from './rules/apyDropRule.ts';
export { depegMessage, type DepegFacts } from './rules/depegRule.ts';
export { haltMessage, type HaltFacts } from './rules/haltRule.ts';
export { leverageMessage, type LeverageFacts } from './rules/leverageRule.ts';
export { rewardMessage, type RewardFacts } from './rules/rewardRule.ts';
export { staleMessage, type StaleFacts } from './rules/staleRule.ts';
