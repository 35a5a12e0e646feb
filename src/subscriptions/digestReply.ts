import { english } from '../i18n/translator.ts';
import { baseRunBy } from '../figures/baseRunBy.ts';
import { bold, type Block, type Inline, type Reply } from '../vocabulary/reply.ts';
import { openAlertsLine } from '../alerts/openAlert.ts';
import { describeMissing, missing, type Figure } from '../core/figure.ts';
import { formatDepeg, formatPercent, formatPointsChange, formatRatio, formatRatioChange } from '../core/format.ts';
import { haltLength } from '../core/haltText.ts';
import type { OpenAlert } from '../alerts/openAlert.ts';
import { dataAgeSeconds, isStale, poolLabel, type Snapshot } from '../figures/figures.ts';
import { localDateTitle } from './localTime.ts';
import { currentTimeZoneName } from './timeZoneName.ts';

/** The part of a digest every subscriber shares, computed once per fan-out. */
export interface DigestBody {
  readonly lines: readonly (readonly Inline[])[];
  /** How old the figures are, and what Δ means. */
  readonly note: string;
}

/** Why a change is missing, in a few words: a short history says how long it must be. */
function why(f: Figure, window: string): string {
  if (f.ok) return '';
  return ` (${f.missing === 'not-enough-history' ? `history < ${window}` : describeMissing(english, f.missing)})`;
}

/** A change in percentage points with its window, or '—' and why: "Δ24h −0.40 pp", "Δ7d — (history < 7 d)". */
const delta = (label: string, window: string, f: Figure) => `${label} ${formatPointsChange(f)}${why(f, window)}`;

/** An APY with what it is, and its 24 h and 7 d changes (from the snapshot; a hand-built one may lack the 7 d). */
function apyLine(what: string, apy: Figure, change24h: Figure, change7d: Figure = missing('not-enough-history')): string {
  const apyText = apy.ok ? `${what} ${formatPercent(apy)}` : `${what} —${why(apy, '24 h')}`;
  return `: ${apyText} · ${delta('Δ24h', '24 h', change24h)} · ${delta('Δ7d', '7 d', change7d)}`;
}

/**
 * Each source's APY (saying which: 24 h or nominal) with its 24 h and 7 d change in percentage points, each
 * pool's depeg, the tower leverage with its 24 h change, who runs the base and the rooted ratio, all from the
 * latest snapshot; a missing figure says why; the note says how old the reads are.
 */
export function digestBody(snapshot: Snapshot, nowMs: number): DigestBody {
  const lines: Inline[][] = [];
  for (const view of snapshot.sources) {
    const f = view.figures;
    if (!f || view.lastRead === undefined) continue;
    const stale = isStale(view, nowMs) ? ` (stale: read ${haltLength(dataAgeSeconds(view, nowMs) ?? 0)} ago)` : '';
    if (f.kind === 'yield') lines.push([bold(view.label), apyLine('24 h APY', f.apy24h, f.apyChange24h, f.apyChange7d) + stale]);
    else if (f.kind === 'sequencer') lines.push([bold(view.label), apyLine('nominal APY', f.nominalApy, f.nominalApyChange24h, f.nominalApyChange7d) + stale]);
    else if (f.kind === 'pool') lines.push([bold(poolLabel(view.label, f)), `: depeg ${f.twapSeconds === undefined ? 'spot ' : ''}${formatDepeg(english, f)}${stale}`]);
  }
  const { leverage, leverageChange24h } = snapshot.tower;
  if (leverage.ok) {
    const change = leverageChange24h ? ` · Δ24h ${formatRatioChange(leverageChange24h, 4)}${why(leverageChange24h, '24 h')}` : '';
    lines.push([bold('Tower leverage'), `: ${formatRatio(leverage, 3)}${change}`]);
  }
  const runBy = snapshot.sequencers;
  if (runBy) {
    // The base under the tower: how much of it the claims' own issuers run, and the ratio of claims to the rest.
    lines.push([bold('Base run by'), `: ${baseRunBy(english, runBy)} · rooted ${formatRatio(runBy.rootedRatio, 3)}${why(runBy.rootedRatio, '')}`]);
  }
  const ages = snapshot.sources.flatMap((s) => {
    const age = dataAgeSeconds(s, nowMs);
    return age === undefined ? [] : [{ label: s.label, age }];
  });
  const newest = ages.reduce<(typeof ages)[number] | undefined>((a, b) => (a === undefined || b.age < a.age ? b : a), undefined);
  const oldest = ages.reduce<(typeof ages)[number] | undefined>((a, b) => (a === undefined || b.age > a.age ? b : a), undefined);
  const read =
    newest === undefined || oldest === undefined
      ? 'Data: no source read yet.'
      : `Data: read ${haltLength(newest.age)} ago${oldest.age - newest.age >= 60 ? `, the oldest ${haltLength(oldest.age)} ago (${oldest.label})` : ''}.`;
  return { lines, note: `${read} Δ: change in percentage points (pp) over 24 h and 7 d.` };
}

/**
 * One subscriber's digest: a title with the local date, time and zone, the shared body, the chat's open alerts
 * and the data's age, in one message.
 * @example digestReply(body, { nowMs, timeZone: 'Europe/Berlin' }, []) // title 'Daily digest · Wed 2 Dec 2026 · 09:00 Europe/Berlin'
 */
export function digestReply(body: DigestBody, when: { readonly nowMs: number; readonly timeZone: string }, open: readonly OpenAlert[]): Reply {
  const blocks: Block[] = [
    { kind: 'title', text: `Daily digest · ${localDateTitle(when.nowMs, when.timeZone)} ${currentTimeZoneName(when.timeZone)}` },
    { kind: 'list', items: body.lines },
    { kind: 'paragraph', parts: openAlertsLine(english, 'Open alerts', open) },
    { kind: 'note', text: body.note },
  ];
  return { kind: 'answer', blocks };
}
