import { effectiveApy, type Compounding } from '../src/core/compounding.ts';
import { formatQuantity } from '../src/core/format.ts';
import { describeHorizon } from '../src/core/horizon.ts';
import { rankByFinal } from '../src/core/simulateModel.ts';
import { bold, type Block, type Inline, type Reply } from '../src/vocabulary/reply.ts';
import type { SimulateSettings } from './simulateSettings.ts';
import { outcomeTable, pct, PROJECTION_NOTE, stressDropsText, stressTable, type SimulateRow } from './simulateTables.ts';

const COMPOUND_WORDS: Readonly<Record<Compounding, string>> = {
  daily: 'compounded daily',
  weekly: 'compounded weekly',
  monthly: 'compounded monthly',
  none: 'not compounded (rewards taken out: simple interest)',
};

/** How each strategy's rate was turned into growth, in words. */
function rateLine(row: SimulateRow, s: SimulateSettings): Inline[] {
  const { rate } = row;
  if (rate.kind === 'missing') return [bold(row.view.label), `: no rate yet (${rate.why})`];
  if (rate.kind === 'apr') {
    return [bold(row.view.label), `: ${rate.label} ${pct(rate.value)}, ${COMPOUND_WORDS[s.compound]} → ${pct(effectiveApy(rate.value, s.compound))} a year`];
  }
  return [bold(row.view.label), `: ${rate.label} ${pct(rate.value)} in ${rate.baseToken}; the compounding is inside the share price${s.compoundGiven ? ', so compound= does not change it' : ''}`];
}

/** The /simulate answer for holding: strategies ranked by final amount, their stresses, and how each rate was applied. */
export function simulateHoldReply(rows: readonly SimulateRow[], s: SimulateSettings, base: string, now: number, ignoredLoopOptions: boolean): Reply {
  const ranked = rankByFinal(rows);
  const blocks: Block[] = [
    // The amount as typed: 1,000 and 0.001, never rounded to '0'.
    { kind: 'title', text: `Simulate ${formatQuantity(s.amount)} ${base} for ${describeHorizon(s.seconds)}` },
    outcomeTable(ranked, s.amount, now, 'APY'),
    stressTable(ranked, s.amount, 'APY'),
    { kind: 'list', items: ranked.map((row) => rateLine(row, s)) },
  ];
  if (ignoredLoopOptions) blocks.push({ kind: 'paragraph', parts: ['ltv=, loops=, borrow= and lt= only apply to a loop: add ', bold('loop'), ' to use them.'] });
  blocks.push({
    kind: 'note',
    text: `${PROJECTION_NOTE} Amounts in ${base}; a wrapper's APY is its growth in its base token. Stress: every rate ${stressDropsText()} lower. age: since the source's last good read (⚠ stale).`,
  });
  return { kind: 'answer', blocks };
}
