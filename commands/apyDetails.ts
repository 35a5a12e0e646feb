import type { Translator } from '../src/i18n/translator.ts';
import { formatAge, formatAmount, formatBps, formatDays, formatNumber, formatPercent, formatPointsChange, formatWindow, spanNote } from '../src/core/format.ts';
import { describeMissing, type Figure } from '../src/core/figure.ts';
import { DAY_SECONDS } from '../src/core/units.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, poolLabel, type SourceView } from '../src/figures/figures.ts';
import { bold, type Block, type Inline } from '../src/vocabulary/reply.ts';

/** A figure, or why it is missing in words (for the detail view, where there is room). */
export const explained = (t: Translator, f: Figure, format: (f: Figure) => string) => (f.ok ? format(f) : t('apy-missing', { why: describeMissing(t, f.missing) }));

/** A trailing window as replies name it: 24 h, 7 d, 30 d. */
export const windowTag = (seconds: number) => (seconds === DAY_SECONDS ? '24 h' : `${seconds / DAY_SECONDS} d`);

/** An APY with the real span of history it covers, when that differs from the window's name by more than 10 %. */
export function withSpan(t: Translator, f: Figure, windowSeconds: number, span: number | undefined): string {
  const note = f.ok ? spanNote(t, windowSeconds, span) : undefined;
  return note === undefined ? formatPercent(f) : t('apy-with-note', { figure: formatPercent(f), note });
}

/** When and where the source was read, and how old its block is while the chain had stopped. */
function readText(t: Translator, view: SourceView, now: number): string {
  if (!view.lastRead) return t('apy-never-read');
  const blockAge = blockAgeSeconds(view, now);
  return (
    t('apy-read', { block: String(view.lastRead.blockNumber), chain: String(view.chainId), age: formatAge(dataAgeSeconds(view, now) ?? 0) }) +
    (isStale(view, now) ? t('apy-read-stale') : '') +
    (blockAge === undefined ? '' : t('apy-read-halted', { age: formatAge(blockAge) }))
  );
}

function figureItems(t: Translator, view: SourceView): Inline[][] {
  const f = view.figures;
  const sep = (window: '7d' | '30d') => t(window === '7d' ? 'apy-sep-7d' : 'apy-sep-30d');
  if (!f) return [[t('apy-detail-no-figures'), bold('/status'), t('apy-detail-no-figures-status')]];
  if (f.kind === 'sequencer') {
    return [
      [t('apy-nominal-apr'), bold(explained(t, f.nominalApr, formatPercent)), t('apy-nominal-rest', { apy: formatPercent(f.nominalApy), change: formatPointsChange(f.nominalApyChange24h) })],
      [t('apy-realized-7d'), explained(t, f.realizedApr7d, formatPercent), f.realizedApy7d.ok ? t('apy-realized-apy', { apy: formatPercent(f.realizedApy7d) }) : '', sep('30d'), explained(t, f.realizedApr30d, formatPercent)],
      [t('apy-reward-block', { reward: formatNumber(f.rewardPerBlock, 6), block: formatNumber(f.blockTimeSeconds, 3) })],
      [t('apy-locked', { locked: formatAmount(f.totalLocked), delay: f.exitDelaySeconds.ok ? formatDays(t, f.exitDelaySeconds.value) : '—' })],
    ];
  }
  if (f.kind === 'yield') {
    const window = windowTag(f.spreadWindowSeconds ?? 7 * DAY_SECONDS);
    return [
      [
        t('apy-24h'),
        bold(explained(t, f.apy24h, (x) => withSpan(t, x, DAY_SECONDS, f.spans?.apy24h))),
        sep('7d'),
        explained(t, f.apy7d, (x) => withSpan(t, x, 7 * DAY_SECONDS, f.spans?.apy7d)),
        sep('30d'),
        explained(t, f.apy30d, (x) => withSpan(t, x, 30 * DAY_SECONDS, f.spans?.apy30d)),
      ],
      [t('apy-yield-change', { change: formatPointsChange(f.apyChange24h), window, spread: formatPointsChange(f.spreadOverBase) })],
      [t('apy-rate', { token: view.token ?? view.id, rate: formatNumber(f.rate, 6), base: f.baseToken })],
      [t('apy-tvl', { tvl: formatAmount(f.tvl), base: f.baseToken, supply: formatAmount(f.supply) })],
    ];
  }
  if (f.kind === 'pool') {
    const inQuote = (x: Figure) => `${formatNumber(x, 6)} ${f.quote}`;
    const twap = f.twapSeconds !== undefined;
    const items: Inline[][] = [
      [t('apy-price'), bold(inQuote(f.price)), t(twap ? 'apy-price-per-spot' : 'apy-price-per', { asset: f.asset })],
      [t(twap ? 'apy-fair-spot' : 'apy-fair', { fair: explained(t, f.fairValue, inQuote), depeg: explained(t, f.depegBps, formatBps) })],
    ];
    if (f.stableCurve) items.push([t('apy-stable')]);
    if (f.twapSeconds !== undefined) {
      const window = formatWindow(f.twapSeconds);
      const price = explained(t, f.twapPrice, inQuote);
      items.push([f.twapPrice.ok ? t('apy-twap-depeg', { window, twap: price, depeg: explained(t, f.twapDepegBps, formatBps) }) : t('apy-twap', { window, twap: price })]);
    } else if (!f.twapPrice.ok && f.twapPrice.missing === 'twap-off') {
      items.push([t('apy-twap-off', { twap: explained(t, f.twapPrice, inQuote) })]);
    }
    return items;
  }
  return [[t('apy-supply', { supply: formatAmount(f.supply) })]];
}

function noteOf(t: Translator, view: SourceView): string {
  const f = view.figures;
  if (f?.kind === 'yield') return t('apy-note-yield', { hours: String(DAY_SECONDS / 3600) });
  if (f?.kind === 'sequencer') return t('apy-note-sequencer');
  return f?.kind === 'pool' && f.twapSeconds !== undefined ? t('apy-note-pool-twap') : t('apy-note-pool');
}

/** One source in detail: its figures, where and when they were read, its last error, what they mean. */
export function details(t: Translator, view: SourceView, now: number): Block[] {
  const f = view.figures;
  const items = figureItems(t, view);
  items.push([t('apy-data', { read: readText(t, view, now) })]);
  if (view.lastError) items.push([t('apy-last-error', { error: view.lastError.message })]);
  return [{ kind: 'title', text: f?.kind === 'pool' ? poolLabel(view.label, f) : view.label }, { kind: 'list', items }, { kind: 'note', text: noteOf(t, view) }];
}
