import type { Translator } from '../src/i18n/translator.ts';
import { isPoolKind } from '../src/config/poolKinds.ts';
import { formatAmount, formatDepeg, formatNumber, formatPercent, formatPointsChange, formatRatio, spanNote } from '../src/core/format.ts';
import { describeMissing } from '../src/core/figure.ts';
import { DAY_SECONDS } from '../src/core/units.ts';
import { poolLabel, type Snapshot, type SourceView } from '../src/figures/figures.ts';
import { ageCell } from './ageCell.ts';
import { assetNames, findSources, isAsset } from './assetNames.ts';
import { translatorOf, type CommandContext, type CommandDefinition } from './command.ts';
import { buttonRows, shortest } from './figureButtons.ts';
import { details, windowTag, withSpan } from './apyDetails.ts';
import { bold, type Block, type Control, type Reply } from '../src/vocabulary/reply.ts';

function tableRow(t: Translator, view: SourceView, now: number): string[] | undefined {
  const f = view.figures;
  if (!f || f.kind === 'pool') return undefined;
  if (f.kind === 'sequencer') {
    // Now: what the contract promises (nominal). 7 d: what it paid (realized). Both compounded daily, so both APY.
    return [view.label, t('apy-cell-nominal', { apy: formatPercent(f.nominalApy) }), formatPercent(f.realizedApy7d), formatPointsChange(f.nominalApyChange24h), `${formatAmount(f.totalLocked)} METIS`, ageCell(view, now, t)];
  }
  if (f.kind === 'yield') {
    const span = f.apy24h.ok ? spanNote(t, DAY_SECONDS, f.spans?.apy24h) : undefined;
    const day = `${formatPercent(f.apy24h)} 24 h`;
    const now24h = span === undefined ? day : t('apy-with-note', { figure: day, note: span });
    return [view.label, now24h, withSpan(t, f.apy7d, 7 * DAY_SECONDS, f.spans?.apy7d), formatPointsChange(f.apyChange24h), `${formatAmount(f.tvl)} ${f.baseToken}`, ageCell(view, now, t)];
  }
  return [view.label, '—', '—', '—', `${formatAmount(f.supply)} ${view.token ?? ''}`.trimEnd(), ageCell(view, now, t)];
}

/** A pool in the overview: price and depeg, and why a depeg is missing (its TWAP, or no fair value). */
function poolText(t: Translator, view: SourceView): string {
  const f = view.figures;
  if (f?.kind !== 'pool') return t('apy-pool-not-read', { pool: view.label });
  // The first reason a depeg shows '—': the TWAP itself, else the depeg (no fair value for the quote, say).
  const missingWhy = f.twapSeconds !== undefined && !f.twapPrice.ok ? f.twapPrice.missing : !f.depegBps.ok ? f.depegBps.missing : undefined;
  const why = missingWhy === undefined ? '' : t('apy-pool-why', { why: describeMissing(t, missingWhy) });
  return t('apy-with-note', { figure: `${poolLabel(view.label, f)} ${formatNumber(f.price, 4)}`, note: `${formatDepeg(t, f)}${why}` });
}

/** With no figure at all (first start, or every RPC failing) an empty table would say nothing: say why, and where to look. */
function noFigures(t: Translator, snapshot: Snapshot): Block[] {
  const why = snapshot.lastCycle === undefined ? t('apy-why-first-cycle') : t('apy-why-all-failed');
  return [
    { kind: 'title', text: t('apy-title') },
    { kind: 'paragraph', parts: [t('apy-no-figures', { why }), bold('/status'), t('apy-no-figures-status')] },
  ];
}

function overview(t: Translator, snapshot: Snapshot, now: number): Block[] {
  if (!snapshot.sources.some((s) => s.figures !== undefined)) return noFigures(t, snapshot);
  const rows = snapshot.sources.flatMap((s) => {
    const row = tableRow(t, s, now);
    return row ? [row] : [];
  });
  const blocks: Block[] = [
    { kind: 'title', text: t('apy-title') },
    {
      kind: 'table',
      columns: [
        { header: t('apy-col-source'), align: 'left' },
        { header: t('apy-col-now'), align: 'right' },
        { header: t('apy-col-7d'), align: 'right' },
        { header: t('apy-col-change'), align: 'right' },
        { header: t('apy-col-tvl'), align: 'right' },
        { header: t('apy-col-age'), align: 'right' },
      ],
      rows,
    },
  ];
  const sequencer = snapshot.sources.find((s) => s.figures?.kind === 'sequencer');
  if (sequencer?.figures?.kind === 'sequencer') {
    const f = sequencer.figures;
    const line = {
      apr: formatPercent(f.nominalApr),
      apy: formatPercent(f.nominalApy),
      realizedApr: formatPercent(f.realizedApr7d),
      realizedApy: formatPercent(f.realizedApy7d),
      realized30d: formatPercent(f.realizedApr30d),
      block: formatNumber(f.blockTimeSeconds, 2),
    };
    blocks.push({ kind: 'paragraph', parts: [bold(t('apy-sequencer')), t('apy-sequencer-line', line)] });
  }
  const spreads = snapshot.sources.flatMap((s) =>
    s.figures?.kind === 'yield'
      ? [t('apy-spread-item', { source: s.label, spread: formatPointsChange(s.figures.spreadOverBase), window: windowTag(s.figures.spreadWindowSeconds ?? 7 * DAY_SECONDS) })]
      : [],
  );
  if (spreads.length > 0) blocks.push({ kind: 'paragraph', parts: [bold(t('apy-spread')), `${colon(t)}${spreads.join(' · ')}`] });
  const pools = snapshot.sources.filter((s) => isPoolKind(s.kind)).map((s) => poolText(t, s));
  if (pools.length > 0) blocks.push({ kind: 'paragraph', parts: [bold(t('apy-pools')), `${colon(t)}${pools.join(' · ')}`] });
  if (snapshot.tower.leverage.ok) {
    const tower = { leverage: formatRatio(snapshot.tower.leverage, 3), base: formatAmount(snapshot.tower.base), token: snapshot.tower.baseToken };
    blocks.push({ kind: 'paragraph', parts: [bold(t('apy-tower')), t('apy-tower-line', tower)] });
  }
  blocks.push({ kind: 'note', text: t('apy-note') });
  return blocks;
}

/** ": " after a bold label, "：" in Chinese. */
const colon = (t: Translator) => t('apy-colon');

/** One button per source under the overview (its shortest name), each opening its detail in place. */
function assetButtons(snapshot: Snapshot): Control[] {
  const names = new Set(snapshot.sources.filter(isAsset).map((s) => shortest(s.token ? [s.id, s.token] : [s.id])));
  return buttonRows([...names].map((name) => ({ label: name, command: `/apy ${name}`, edit: true })));
}

/** Under a detail: back to the overview (in place) and its chart (a new message). */
const detailButtons = (t: Translator, name: string): Control[] =>
  buttonRows([
    { label: t('apy-button-back'), command: '/apy', edit: true },
    { label: t('apy-button-chart'), command: `/chart ${name}` },
  ]);

/** `/apy [asset]`: the yield table with a button per asset, or one source in detail. */
export const apyCommand: CommandDefinition = {
  name: 'apy',
  options: [
    {
      name: 'asset',
      type: 'string',
      choices: (context: CommandContext) => assetNames(context.snapshot(), isAsset),
    },
  ],
  run(args, context): Reply {
    const t = translatorOf(context);
    const snapshot = context.snapshot();
    const now = context.now();
    if (typeof args.asset !== 'string') return { kind: 'answer', blocks: overview(t, snapshot, now), controls: assetButtons(snapshot) };
    const views = findSources(snapshot, args.asset);
    return { kind: 'answer', blocks: views.flatMap((view) => details(t, view, now)), controls: detailButtons(t, args.asset) };
  },
};
