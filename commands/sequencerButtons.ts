import type { Translator } from '../src/i18n/translator.ts';
import type { SequencerRow, SequencersView } from '../src/figures/sequencersViewTypes.ts';
import { encodeAction } from '../src/vocabulary/actionData.ts';
import type { Action, Control } from '../src/vocabulary/reply.ts';
import { buttonRows, shortest } from './figureButtons.ts';
import { findSequencer } from './resolveSequencer.ts';

/** Discord shows at most 5 rows under a message, 25 options a menu. */
const MAX_ROWS = 5;
const MAX_OPTIONS = 25;

/**
 * What to type to open this sequencer: its id, or its name where that is one word, shorter, and finds this
 * sequencer alone (a name like "42" would find sequencer 42).
 */
export function sequencerName(view: SequencersView, row: SequencerRow): string {
  const name = /^\S+$/.test(row.name) && findSequencer(view, row.name) === row ? [row.name] : [];
  return shortest([String(row.seqId), ...name]);
}

/** Buttons side by side, `perRow` a row. */
const rowsOf = (actions: readonly Action[], perRow: number): Control[] =>
  Array.from({ length: Math.ceil(actions.length / perRow) }, (_, i) => ({ kind: 'buttons' as const, actions: actions.slice(i * perRow, (i + 1) * perRow) }));

/**
 * Under the list: one button per sequencer opening its detail in place. Rows of 3, or of 4 when 3 would need
 * more than Discord's 5 rows; beyond 20, drop-downs of 25 (as many as 5 rows hold, by id).
 */
export function sequencerPicker(t: Translator, view: SequencersView): Control[] {
  const entries = view.rows
    .map((row) => ({ row, action: { label: row.name, command: `/sequencers ${sequencerName(view, row)}`, edit: true } }))
    .filter((e) => encodeAction(e.action) !== undefined);
  const actions = entries.map((e) => e.action);
  for (const perRow of [3, 4]) if (actions.length <= perRow * MAX_ROWS) return rowsOf(actions, perRow);
  const menus: Control[] = [];
  for (let i = 0; i < entries.length && menus.length < MAX_ROWS; i += MAX_OPTIONS) {
    const part = entries.slice(i, i + MAX_OPTIONS);
    // In a menu the id goes first: several menus are told apart by their range of ids.
    const options = part.map((e) => ({ ...e.action, label: `${e.row.seqId} ${e.row.name}` }));
    const placeholder = t('sequencers-pick', { first: String(part[0]!.row.seqId), last: String(part.at(-1)!.row.seqId) });
    menus.push({ kind: 'select', placeholder, actions: options });
  }
  return menus;
}

/** Under a detail: back to the list (in place) and its chart (a new message, by id: a name could chart a source). */
export const sequencerDetailButtons = (t: Translator, row: SequencerRow): Control[] =>
  buttonRows([
    { label: t('sequencers-button-back'), command: '/sequencers', edit: true },
    { label: t('sequencers-button-chart'), command: `/chart ${row.seqId}` },
  ]);
