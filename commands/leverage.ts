import { english } from '../src/i18n/translator.ts';
import { baseRunBy } from '../src/figures/baseRunBy.ts';
import { missing, type Figure } from '../src/core/figure.ts';
import { formatAge, formatAmount, formatBps, formatDays, formatPercent, formatRatio, formatRatioChange, formatWindow } from '../src/core/format.ts';
import { shareOf } from '../src/core/share.ts';
import { dataAgeSeconds, isStale, poolLabel, type Snapshot, type SourceView } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import type { CommandDefinition } from './command.ts';
import { bold, type Block, type Reply } from '../src/vocabulary/reply.ts';

/** The oldest read among the sources the tower is built from (the sequencer and every wrapper). */
function towerAge(snapshot: Snapshot, now: number): string {
  const views = snapshot.sources.filter((s) => s.figures !== undefined && s.figures.kind !== 'pool');
  const oldest = views.reduce<{ view: SourceView; age: number } | undefined>((worst, view) => {
    const age = dataAgeSeconds(view, now);
    if (age === undefined) return worst;
    return worst === undefined || age > worst.age ? { view, age } : worst;
  }, undefined);
  if (!oldest) return 'No source has been read yet.';
  return `Tower data: the oldest read is ${formatAge(oldest.age)} old (${oldest.view.label}${isStale(oldest.view, now) ? ', stale' : ''}).`;
}

const tokens = (f: Figure | undefined, token: string) => (f?.ok ? `${formatAmount(f)} ${token}` : '—');

/** A share of the base; with nothing locked there are no shares, and the cell says why instead of a number. */
const ofBaseCell = (f: Figure, base: string) => (f.ok || f.missing !== 'zero-base' ? formatPercent(f, 1) : `no ${base} locked`);

/**
 * `/leverage`: the tower now. The native base (METIS locked), each wrapper layer's supply valued in METIS,
 * the leverage ratio and its change over 24 h and 7 d; exit liquidity per pool at 1 % and 5 % slippage; the
 * exit delay of locked METIS. Reads only the snapshot.
 */
export const leverageCommand: CommandDefinition = {
  name: 'leverage',
  options: [],
  run(_args, context): Reply {
    const snapshot = context.snapshot();
    const now = context.now();
    const tower = snapshot.tower;
    const base = tower.baseToken;
    const blocks: Block[] = [
      { kind: 'title', text: 'Tower leverage' },
      {
        kind: 'paragraph',
        parts: [
          bold(`Leverage ${formatRatio(tower.leverage, 3)}`),
          ...(!tower.leverage.ok && tower.leverage.missing === 'zero-base' ? [` (no ${base} locked)`] : []),
          ` · change 24h ${formatRatioChange(tower.leverageChange24h ?? missing('no-data'))} · 7d ${formatRatioChange(tower.leverageChange7d ?? missing('no-data'))}`,
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: 'layer', align: 'left' },
          { header: 'supply', align: 'right' },
          { header: `in ${base}`, align: 'right' },
          { header: 'of base', align: 'right' },
        ],
        rows: [
          [`${base} locked (base)`, formatAmount(tower.base), formatAmount(tower.base), ofBaseCell(shareOf(tower.base, tower.base), base)],
          ...tower.layers.map((layer) => [layer.token, formatAmount(layer.supply), formatAmount(layer.inBase), ofBaseCell(layer.ofBase, base)]),
          ['all claims', '', formatAmount(tower.claimsInBase), ofBaseCell(tower.leverage, base)],
        ],
      },
    ];
    const runBy = snapshot.sequencers;
    if (runBy) {
      // Who runs the base: the METIS behind LST-run sequencers is those LSTs' own deposits.
      blocks.push({
        kind: 'paragraph',
        parts: [
          bold('Base run by'),
          `: ${baseRunBy(runBy)}. `,
          bold(`Rooted ${formatRatio(runBy.rootedRatio, 3)}`),
          ` = all claims ÷ the ${base} locked by sequencers not run by the claims' issuers.`,
        ],
      });
    }
    const pools = snapshot.sources.flatMap((view) => (view.figures?.kind === 'pool' ? [{ view, pool: view.figures }] : []));
    // The TWAP column only when some pool has a window; each cell names its pool's window.
    const twap = pools.some(({ pool }) => pool.twapSeconds !== undefined);
    if (pools.length > 0) {
      blocks.push({
        kind: 'table',
        columns: [
          { header: 'exit: pool', align: 'left' },
          { header: '1 %', align: 'right' },
          { header: '5 %', align: 'right' },
          { header: twap ? 'spot depeg' : 'depeg', align: 'right' },
          ...(twap ? [{ header: 'TWAP depeg', align: 'right' as const }] : []),
          { header: 'age', align: 'right' },
        ],
        rows: pools.map(({ view, pool }) => [
          poolLabel(view.label, pool),
          tokens(pool.exitLiquidity1pct, pool.asset),
          tokens(pool.exitLiquidity5pct, pool.asset),
          formatBps(pool.depegBps),
          ...(twap ? [pool.twapSeconds === undefined ? '' : `${formatBps(pool.twapDepegBps)} (${formatWindow(pool.twapSeconds)})`] : []),
          ageCell(view, now),
        ]),
      });
    }
    const sequencer = snapshot.sources.find((s) => s.figures?.kind === 'sequencer');
    const exitDelay = sequencer?.figures?.kind === 'sequencer' ? sequencer.figures.exitDelaySeconds : undefined;
    if (exitDelay?.ok) {
      blocks.push({
        kind: 'paragraph',
        parts: [bold('Exit delay'), `: ${formatDays(english, exitDelay.value)} before locked ${base} can be withdrawn (LockingPool exit delay)`],
      });
    }
    blocks.push({
      kind: 'note',
      text:
        `Leverage = Σ layer supply × fair value in ${base} ÷ ${base} locked by sequencers; above 1× claims are stacked on claims. ` +
        'Change: against the stored leverage 24 h and 7 d ago. ' +
        'Exit: what each pool takes before the average sale price is 1 % / 5 % under spot, fees not counted (V2 from the reserve; a stable pair on its curve x³y + xy³ = k; V3 and Algebra from the in-range liquidity taken as one range, an approximation). ' +
        towerAge(snapshot, now),
    });
    return { kind: 'answer', blocks };
  },
};
