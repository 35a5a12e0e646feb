import { CHART_WINDOWS, type ChartWindow } from '../src/charts/sourceChart.ts';
import type { Snapshot, SourceView } from '../src/figures/figures.ts';
import { findSources, isAsset } from './assetNames.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { encodeAction } from '../src/vocabulary/actionData.ts';
import type { Action, Control } from '../src/vocabulary/reply.ts';
import { shortest } from './figureButtons.ts';

export const WINDOWS = Object.keys(CHART_WINDOWS) as ChartWindow[];
/** What to type for the base stacked by operator. */
export const BASE = 'sequencers';

/** Where a token has several sources (a vault and its supply), the one whose chart says most. */
const PREFERENCE: readonly SourceView['kind'][] = ['sequencer', 'erc4626', 'exchange-rate', 'uniswap-v2', 'uniswap-v3', 'algebra', 'erc20-supply'];
const rank = (view: SourceView) => {
  const i = PREFERENCE.indexOf(view.kind);
  return i === -1 ? PREFERENCE.length : i;
};

/** The source a typed name charts: by id or token, the most telling kind first. */
export const chartedSource = (snapshot: Snapshot, name: string): SourceView | undefined => [...findSources(snapshot, name)].sort((a, b) => rank(a) - rank(b))[0];

/** The shortest name that charts this source (its token, unless the token charts another source first). */
export function chartName(snapshot: Snapshot, view: SourceView): string {
  const names = [view.id, ...(view.token ? [view.token] : [])].filter((name) => chartedSource(snapshot, name) === view);
  return shortest(names.length > 0 ? names : [view.id]);
}

/** Every chart the picker offers: each source once by its chart name, then the base (once sequencers are read). */
function pickerNames(snapshot: Snapshot): string[] {
  const names = new Set(snapshot.sources.filter(isAsset).map((s) => chartName(snapshot, s)));
  return [...names, ...(snapshot.sequencers ? [BASE] : [])];
}

/** Options of one select menu at most (Discord's limit). */
const MAX_OPTIONS = 25;

const fits = (action: Action) => encodeAction(action) !== undefined;

/**
 * A menu of every chart at `window`: under a chart (`edit`: the picture is replaced in place) and as the answer
 * to a bare /chart (each a new message, so the menu stays to pick another).
 */
export function chartPicker(snapshot: Snapshot, window: ChartWindow, placeholder: string, edit: boolean): Control[] {
  // Discord's select holds 25 options at most.
  const actions = pickerNames(snapshot).map((name) => ({ label: name, command: `/chart ${name} ${window}`, ...(edit ? { edit } : {}) })).filter(fits).slice(0, MAX_OPTIONS);
  return actions.length > 0 ? [{ kind: 'select', placeholder, actions }] : [];
}

/**
 * Under a chart: its windows (the current one marked) and a picker of the other charts at the same window,
 * each replacing the picture in place. `name` is what charts the current picture again.
 */
export function chartControls(t: Translator, snapshot: Snapshot, name: string, window: ChartWindow): Control[] {
  const windows = WINDOWS.map((w) => ({ label: w === window ? t('chart-window-current', { window: w }) : w, command: `/chart ${name} ${w}`, edit: true })).filter(fits);
  return [...(windows.length > 0 ? [{ kind: 'buttons' as const, actions: windows }] : []), ...chartPicker(snapshot, window, t('chart-pick-asset'), true)];
}
