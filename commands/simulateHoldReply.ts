import { effectiveApy, type Compounding } from '../src/core/compounding.ts';
import { formatQuantity } from '../src/core/format.ts';
import { describeHorizon } from '../src/core/horizon.ts';
import { rankByFinal } from '../src/core/simulateModel.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { bold, type Block, type Inline, type Reply } from '../src/vocabulary/reply.ts';
import type { SimulateSettings } from './simulateSettings.ts';
import { styledMessage } from './styledMessage.ts';
import { outcomeTable, pct, stressDropsText, stressTable, type SimulateRow } from './simulateTables.ts';

/** How an APR is compounded, in words. */
const COMPOUND_WORDS: Readonly<Record<Compounding, (t: Translator) => string>> = {
  daily: (t) => t('simulate-compound-daily'),
  weekly: (t) => t('simulate-compound-weekly'),
  monthly: (t) => t('simulate-compound-monthly'),
  none: (t) => t('simulate-compound-none'),
};

/** How each strategy's rate was turned into growth, in words. */
function rateLine(t: Translator, row: SimulateRow, s: SimulateSettings): Inline[] {
  const { rate } = row;
  if (rate.kind === 'missing') return [bold(row.view.label), t('simulate-rate-missing', { why: rate.why })];
  if (rate.kind === 'apr') {
    const compounding = COMPOUND_WORDS[s.compound](t);
    return [bold(row.view.label), t('simulate-rate-apr', { rate: rate.label, value: pct(rate.value), compounding, apy: pct(effectiveApy(rate.value, s.compound)) })];
  }
  const ignored = s.compoundGiven ? t('simulate-rate-apy-compound-ignored') : '';
  return [bold(row.view.label), t('simulate-rate-apy', { rate: rate.label, value: pct(rate.value), base: rate.baseToken }) + ignored];
}

/**
 * The /simulate answer for holding, in the language of `t`: strategies ranked by final amount, their stresses,
 * and how each rate was applied.
 */
export function simulateHoldReply(t: Translator, rows: readonly SimulateRow[], s: SimulateSettings, base: string, now: number, ignoredLoopOptions: boolean): Reply {
  const ranked = rankByFinal(rows);
  const apy = t('simulate-column-apy');
  const blocks: Block[] = [
    // The amount as typed: 1,000 and 0.001, never rounded to '0'.
    { kind: 'title', text: t('simulate-hold-title', { amount: formatQuantity(s.amount), base, horizon: describeHorizon(t, s.seconds) }) },
    outcomeTable(t, ranked, s.amount, now, apy),
    stressTable(t, ranked, s.amount, apy),
    { kind: 'list', items: ranked.map((row) => rateLine(t, row, s)) },
  ];
  if (ignoredLoopOptions) blocks.push({ kind: 'paragraph', parts: styledMessage({ loop: bold('loop') }, (m) => t('simulate-loop-options-ignored', { loop: m.loop! })) });
  blocks.push({ kind: 'note', text: t('simulate-hold-note', { base, drops: stressDropsText(t) }) });
  return { kind: 'answer', blocks };
}
