import { bold, type Reply } from '../../shared/reply.ts';
import type { LevelParams, LevelTransition } from './levelRule.ts';
import type { ChatThresholds } from './ruleParams.ts';

/** Operator concentration: the largest operator's share of the base, in percent. */
export const operatorShareParams = (t: ChatThresholds): LevelParams => ({
  warning: t.operatorSharePercent,
  clear: t.operatorSharePercent * t.clearRatio,
  cycles: t.cycles,
  cooldownMs: t.cooldownMinutes * 60_000,
});

export function operatorShareMessage(t: LevelTransition, operator: string, percent: number, thresholdPercent: number): Reply {
  const title = t.kind === 'recover' ? `✅ Operator share back down: ${operator}` : `⚠️ One operator holds much of the base: ${operator}`;
  const text = `${operator} runs ${percent.toFixed(1)}% of the METIS locked by sequencers (alert above ${thresholdPercent}%; sequencers of one protocol counted together).`;
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), '\n', text] }] };
}
