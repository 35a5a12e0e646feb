import { CHART_WINDOWS, type ChartWindow } from '../src/charts/sourceChart.ts';
import type { Snapshot } from '../src/figures/figures.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { encodeAction } from '../src/vocabulary/actionData.ts';
import type { Action, Control } from '../src/vocabulary/reply.ts';
import { shortest } from './figureButtons.ts';

export const WINDOWS = Object.keys(CHART_WINDOWS) as ChartWindow[];
/** What to type for the base stacked by operator. */
export const BASE = 'sequencers';

/** Every chart the picker offers, by its shortest name: each source once, then the base (once sequencers are read). */
function pickerNames(snapshot: Snapshot): string[] {
  const names = new Set(snapshot.sources.map((s) => shortest(s.token ? [s.id, s.token] : [s.id])));
  return [...names, ...(snapshot.sequencers ? [BASE] : [])];
}

const fits = (action: Action) => encodeAction(action) !== undefined;

/**
 * Under a chart: its windows (the current one marked) and a picker of the other charts at the same window,
 * each replacing the picture in place. `name` is what charts the current picture again.
 */
export function chartControls(t: Translator, snapshot: Snapshot, name: string, window: ChartWindow): Control[] {
  const windows = WINDOWS.map((w) => ({ label: w === window ? t('chart-window-current', { window: w }) : w, command: `/chart ${name} ${w}`, edit: true })).filter(fits);
  const others = pickerNames(snapshot).map((other) => ({ label: other, command: `/chart ${other} ${window}`, edit: true })).filter(fits);
  return [...(windows.length > 0 ? [{ kind: 'buttons' as const, actions: windows }] : []), ...(others.length > 0 ? [{ kind: 'select' as const, placeholder: t('chart-pick-asset'), actions: others }] : [])];
}
