import { english, type Translator } from '../i18n/translator.ts';
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

/** The part of a digest every subscriber of one language shares, computed once per language per fan-out. */
export interface DigestBody {
  readonly lines: readonly (readonly Inline[])[];
  /** How old the figures are, and what Δ means. */
  readonly note: string;
}

/** Why a change is missing, in a few words: a short history says how long it must be. */
function why(t: Translator, f: Figure, window: string): string {
  if (f.ok) return '';
  return t('digest-why', { reason: f.missing === 'not-enough-history' ? t('digest-history-short', { window }) : describeMissing(t, f.missing) });
}

/** A change in percentage points with its window, or '—' and why: "Δ24h −0.40 pp", "Δ7d — (history < 7 d)". */
const delta = (t: Translator, label: string, window: string, f: Figure) => `${label} ${formatPointsChange(f)}${why(t, f, window)}`;

/** An APY with what it is, and its 24 h and 7 d changes (from the snapshot; a hand-built one may lack the 7 d). */
function apyLine(t: Translator, what: string, apy: Figure, change24h: Figure, change7d: Figure = missing('not-enough-history')): string {
  const apyText = apy.ok ? `${what} ${formatPercent(apy)}` : `${what} —${why(t, apy, '24 h')}`;
  return `${apyText} · ${delta(t, 'Δ24h', '24 h', change24h)} · ${delta(t, 'Δ7d', '7 d', change7d)}`;
}

/**
 * Each source's APY (saying which: 24 h or nominal) with its 24 h and 7 d change in percentage points, each
 * pool's depeg, the tower leverage with its 24 h change, who runs the base and the rooted ratio, all from the
 * latest snapshot; a missing figure says why; the note says how old the reads are.
 */
export function digestBody(snapshot: Snapshot, nowMs: number, t: Translator = english): DigestBody {
  const lines: Inline[][] = [];
  const line = (label: string, text: string) => lines.push([bold(label), t('digest-after-label', { text })]);
  for (const view of snapshot.sources) {
    const f = view.figures;
    if (!f || view.lastRead === undefined) continue;
    const stale = isStale(view, nowMs) ? t('digest-stale', { age: haltLength(dataAgeSeconds(view, nowMs) ?? 0) }) : '';
    if (f.kind === 'yield') line(view.label, apyLine(t, t('digest-apy-24h'), f.apy24h, f.apyChange24h, f.apyChange7d) + stale);
    else if (f.kind === 'sequencer') line(view.label, apyLine(t, t('digest-apy-nominal'), f.nominalApy, f.nominalApyChange24h, f.nominalApyChange7d) + stale);
    else if (f.kind === 'pool') line(poolLabel(view.label, f), t(f.twapSeconds === undefined ? 'digest-depeg-spot' : 'digest-depeg', { depeg: formatDepeg(t, f) }) + stale);
  }
  const { leverage, leverageChange24h } = snapshot.tower;
  if (leverage.ok) {
    const change = leverageChange24h ? ` · Δ24h ${formatRatioChange(leverageChange24h, 4)}${why(t, leverageChange24h, '24 h')}` : '';
    line(t('digest-tower'), `${formatRatio(leverage, 3)}${change}`);
  }
  const runBy = snapshot.sequencers;
  if (runBy) {
    // The base under the tower: how much of it the claims' own issuers run, and the ratio of claims to the rest.
    const runners = baseRunBy(t, runBy);
    line(t('digest-base-run-by'), `${runners} · ${t('digest-rooted', { ratio: formatRatio(runBy.rootedRatio, 3) })}${why(t, runBy.rootedRatio, '')}`);
  }
  const ages = snapshot.sources.flatMap((s) => {
    const age = dataAgeSeconds(s, nowMs);
    return age === undefined ? [] : [{ label: s.label, age }];
  });
  const newest = ages.reduce<(typeof ages)[number] | undefined>((a, b) => (a === undefined || b.age < a.age ? b : a), undefined);
  const oldest = ages.reduce<(typeof ages)[number] | undefined>((a, b) => (a === undefined || b.age > a.age ? b : a), undefined);
  const read =
    newest === undefined || oldest === undefined
      ? t('digest-data-none')
      : oldest.age - newest.age >= 60
        ? t('digest-data-read-oldest', { age: haltLength(newest.age), oldest: haltLength(oldest.age), source: oldest.label })
        : t('digest-data-read', { age: haltLength(newest.age) });
  return { lines, note: t('digest-note', { read, delta: t('digest-delta-note') }) };
}

/**
 * The digest's buttons: stop it (a new message), or pick another time (the picker comes as a new message; its
 * times then edit the picker). The command lines are /subscribe's and /unsubscribe's typed syntax.
 */
const digestControls = (t: Translator): Reply['controls'] => [
  {
    kind: 'buttons',
    actions: [
      { label: t('digest-button-change-time'), command: '/subscribe digest pick' },
      { label: t('digest-button-unsubscribe'), command: '/unsubscribe digest' },
    ],
  },
];

/**
 * One subscriber's digest: a title with the local date, time and zone, the shared body, the chat's open alerts
 * and the data's age, in one message, with its buttons; in the body's language (`t`).
 * @example digestReply(body, { nowMs, timeZone: 'Europe/Berlin' }, []) // title 'Daily digest · Wed 2 Dec 2026 · 09:00 Europe/Berlin'
 */
export function digestReply(body: DigestBody, when: { readonly nowMs: number; readonly timeZone: string }, open: readonly OpenAlert[], t: Translator = english): Reply {
  const blocks: Block[] = [
    { kind: 'title', text: t('digest-title', { date: localDateTitle(t, when.nowMs, when.timeZone), zone: currentTimeZoneName(when.timeZone) }) },
    { kind: 'list', items: body.lines },
    { kind: 'paragraph', parts: openAlertsLine(t, t('digest-open-alerts'), open) },
    { kind: 'note', text: body.note },
  ];
  return { kind: 'answer', blocks, controls: digestControls(t) };
}
