import type { Translator } from '../src/i18n/translator.ts';
import { baseRunBy } from '../src/figures/baseRunBy.ts';
import { missing, type Figure } from '../src/core/figure.ts';
import { formatAge, formatAmount, formatBps, formatDays, formatPercent, formatRatio, formatRatioChange, formatWindow } from '../src/core/format.ts';
import { shareOf } from '../src/core/share.ts';
import { dataAgeSeconds, isStale, poolLabel, type Snapshot, type SourceView } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import { translatorOf, type CommandDefinition } from './command.ts';
import { bold, type Block, type Reply } from '../src/vocabulary/reply.ts';

/** The oldest read among the sources the tower is built from (the sequencer and every wrapper). */
function towerAge(t: Translator, snapshot: Snapshot, now: number): string {
  const views = snapshot.sources.filter((s) => s.figures !== undefined && s.figures.kind !== 'pool');
  const oldest = views.reduce<{ view: SourceView; age: number } | undefined>((worst, view) => {
    const age = dataAgeSeconds(view, now);
    if (age === undefined) return worst;
    return worst === undefined || age > worst.age ? { view, age } : worst;
  }, undefined);
  if (!oldest) return t('leverage-no-read');
  const args = { age: formatAge(oldest.age), source: oldest.view.label };
  return isStale(oldest.view, now) ? t('leverage-tower-age-stale', args) : t('leverage-tower-age', args);
}

const tokens = (f: Figure | undefined, token: string) => (f?.ok ? `${formatAmount(f)} ${token}` : '—');

/** A share of the base; with nothing locked there are no shares, and the cell says why instead of a number. */
const ofBaseCell = (t: Translator, f: Figure, base: string) => (f.ok || f.missing !== 'zero-base' ? formatPercent(f, 1) : t('leverage-cell-no-base', { base }));

/**
 * `/leverage`: the tower now. The native base (METIS locked), each wrapper layer's supply valued in METIS,
 * the leverage ratio and its change over 24 h and 7 d; exit liquidity per pool at 1 % and 5 % slippage; the
 * exit delay of locked METIS. Reads only the snapshot.
 */
export const leverageCommand: CommandDefinition = {
  name: 'leverage',
  options: [],
  run(_args, context): Reply {
    const t = translatorOf(context);
    const snapshot = context.snapshot();
    const now = context.now();
    const tower = snapshot.tower;
    const base = tower.baseToken;
    const blocks: Block[] = [
      { kind: 'title', text: t('leverage-title') },
      {
        kind: 'paragraph',
        parts: [
          bold(t('leverage-ratio', { ratio: formatRatio(tower.leverage, 3) })),
          ...(!tower.leverage.ok && tower.leverage.missing === 'zero-base' ? [t('leverage-nothing-locked', { base })] : []),
          t('leverage-change', { day: formatRatioChange(tower.leverageChange24h ?? missing('no-data')), week: formatRatioChange(tower.leverageChange7d ?? missing('no-data')) }),
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: t('leverage-col-layer'), align: 'left' },
          { header: t('leverage-col-supply'), align: 'right' },
          { header: t('leverage-col-in-base', { base }), align: 'right' },
          { header: t('leverage-col-of-base'), align: 'right' },
        ],
        rows: [
          [t('leverage-row-base', { base }), formatAmount(tower.base), formatAmount(tower.base), ofBaseCell(t, shareOf(tower.base, tower.base), base)],
          ...tower.layers.map((layer) => [layer.token, formatAmount(layer.supply), formatAmount(layer.inBase), ofBaseCell(t, layer.ofBase, base)]),
          [t('leverage-row-claims'), '', formatAmount(tower.claimsInBase), ofBaseCell(t, tower.leverage, base)],
        ],
      },
    ];
    const runBy = snapshot.sequencers;
    if (runBy) {
      // Who runs the base: the METIS behind LST-run sequencers is those LSTs' own deposits.
      blocks.push({
        kind: 'paragraph',
        parts: [
          bold(t('leverage-run-by')),
          t('leverage-run-by-line', { runBy: baseRunBy(t, runBy) }),
          bold(t('leverage-rooted', { ratio: formatRatio(runBy.rootedRatio, 3) })),
          t('leverage-rooted-line', { base }),
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
          { header: t('leverage-col-pool'), align: 'left' },
          { header: '1 %', align: 'right' },
          { header: '5 %', align: 'right' },
          { header: twap ? t('leverage-col-spot-depeg') : t('leverage-col-depeg'), align: 'right' },
          ...(twap ? [{ header: t('leverage-col-twap-depeg'), align: 'right' as const }] : []),
          { header: t('leverage-col-age'), align: 'right' },
        ],
        rows: pools.map(({ view, pool }) => [
          poolLabel(view.label, pool),
          tokens(pool.exitLiquidity1pct, pool.asset),
          tokens(pool.exitLiquidity5pct, pool.asset),
          formatBps(pool.depegBps),
          ...(twap ? [pool.twapSeconds === undefined ? '' : `${formatBps(pool.twapDepegBps)} (${formatWindow(pool.twapSeconds)})`] : []),
          ageCell(view, now, t),
        ]),
      });
    }
    const sequencer = snapshot.sources.find((s) => s.figures?.kind === 'sequencer');
    const exitDelay = sequencer?.figures?.kind === 'sequencer' ? sequencer.figures.exitDelaySeconds : undefined;
    if (exitDelay?.ok) {
      blocks.push({
        kind: 'paragraph',
        parts: [bold(t('leverage-exit-delay')), t('leverage-exit-delay-line', { days: formatDays(t, exitDelay.value), base })],
      });
    }
    blocks.push({
      kind: 'note',
      text: t('leverage-note', { base, age: towerAge(t, snapshot, now) }),
    });
    return { kind: 'answer', blocks };
  },
};
