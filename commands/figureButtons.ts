import { encodeAction } from '../src/vocabulary/actionData.ts';
import type { Action, Control } from '../src/vocabulary/reply.ts';

/** Buttons per row: short names fit three across on a phone. */
const PER_ROW = 3;

/** Buttons in rows of three, leaving out any whose data would not fit a button (so no row is left empty). */
export function buttonRows(actions: readonly Action[]): Control[] {
  const fitting = actions.filter((a) => encodeAction(a) !== undefined);
  const rows: Control[] = [];
  for (let i = 0; i < fitting.length; i += PER_ROW) rows.push({ kind: 'buttons', actions: fitting.slice(i, i + PER_ROW) });
  return rows;
}

/** The shortest of the names that mean a thing (a source's id or token), so its command line stays short. */
export const shortest = (names: readonly string[]): string => names.reduce((a, b) => (b.length < a.length ? b : a));
