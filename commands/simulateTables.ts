import { figure } from '../src/core/figure.ts';
import { formatGrouped, formatPercent } from '../src/core/format.ts';
import { STRESS_DROPS, type Outcome } from '../src/core/simulateModel.ts';
import type { RateChoice } from '../src/core/strategyRate.ts';
import type { SourceView } from '../src/figures/figures.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { ageCell } from './ageCell.ts';
import type { Block } from '../src/vocabulary/reply.ts';

/** The tables both /simulate replies show, and the number formats they share. */

/** One strategy in a reply: its source, its rate, and its outcomes (current rates, then one per stress; absent without a rate). */
export interface SimulateRow {
  readonly view: SourceView;
  readonly rate: RateChoice;
  readonly outcomes?: readonly Outcome[];
}

/** Decimals for amounts of this size: cents from 1 up, else enough for 3 significant digits (0.001 → 0.00117, not 0.00). */
export const decimalsFor = (amount: number) => (amount >= 1 ? 2 : Math.min(8, 2 + Math.ceil(-Math.log10(amount))));
/** An amount of tokens, grouped, with cents unless told otherwise. */
export const money = (n: number, decimals = 2) => formatGrouped(n, decimals);
/** A rate as a percentage. */
export const pct = (n: number) => formatPercent(figure(n));
const gainText = (o: Outcome, amount: number) => formatGrouped(o.final - amount, decimalsFor(amount), { signed: true });

/** Rank, strategy, APY, final amount, gain and data age at current rates; `apyHeader` names the APY column. */
export function outcomeTable(t: Translator, rows: readonly SimulateRow[], amount: number, now: number, apyHeader: string): Block {
  return {
    kind: 'table',
    columns: [
      { header: '#', align: 'right' },
      { header: t('simulate-column-strategy'), align: 'left' },
      { header: apyHeader, align: 'right' },
      { header: t('simulate-column-final'), align: 'right' },
      { header: t('simulate-column-gain'), align: 'right' },
      { header: t('simulate-column-age'), align: 'right' },
    ],
    rows: rows.map((row, i) => {
      const o = row.outcomes?.[0];
      return [String(i + 1), row.view.label, o ? pct(o.apy) : '—', o ? money(o.final, decimalsFor(amount)) : '—', o ? gainText(o, amount) : '—', ageCell(row.view, now)];
    }),
  };
}

/** The stresses in words for the notes, from the same list the tables use: "25 % and 50 %". */
export const stressDropsText = (t: Translator): string =>
  STRESS_DROPS.map((drop) => `${Math.round(drop * 100)} %`).reduce((first, second) => t('simulate-and', { first, second }));

/** APY and gain of each strategy under each rate-drop stress; `apyHeader` names the APY columns. */
export function stressTable(t: Translator, rows: readonly SimulateRow[], amount: number, apyHeader: string): Block {
  const columns = STRESS_DROPS.flatMap((drop) => {
    const tag = `−${Math.round(drop * 100)}%`;
    return [
      { header: `${apyHeader} ${tag}`, align: 'right' as const },
      { header: `${t('simulate-column-gain')} ${tag}`, align: 'right' as const },
    ];
  });
  return {
    kind: 'table',
    columns: [{ header: t('simulate-column-strategy'), align: 'left' }, ...columns],
    rows: rows.map((row) => [
      row.view.label,
      ...STRESS_DROPS.flatMap((_, i) => {
        const o = row.outcomes?.[i + 1];
        return o ? [pct(o.apy), gainText(o, amount)] : ['—', '—'];
      }),
    ]),
  };
}
