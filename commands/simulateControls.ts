import { parseHorizon } from '../src/core/horizon.ts';
import { formatGrouped } from '../src/core/format.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { encodeAction } from '../src/vocabulary/actionData.ts';
import type { Action, Control } from '../src/vocabulary/reply.ts';
import type { ArgumentValues, CommandContext, CommandDefinition } from './command.ts';
import { shortestCommandLine } from './simulateCommandLine.ts';
import { LOOP_OPTIONS, SIMULATE_DEFAULTS } from './simulateSettings.ts';

/** The horizons under an answer: a month, a quarter, a year, three years. */
export const HORIZON_BUTTONS = ['30d', '90d', '1y', '3y'] as const;
/** The amounts the picker offers, in the base token. */
export const AMOUNT_BUTTONS = [100, 1_000, 10_000, 100_000] as const;

export type SimulateMode = 'hold' | 'loop';

/** What the buttons need to know of a request besides its arguments. */
export interface SimulateRequest {
  readonly command: CommandDefinition;
  readonly args: ArgumentValues;
  readonly mode: SimulateMode;
  /** Whether some asked strategy can be looped (a token, not METIS locked by sequencers). */
  readonly loopable: boolean;
}

const fits = (action: Action) => encodeAction(action) !== undefined;

/**
 * The request with one thing changed, as the shortest line that asks it again: the default horizon and the
 * mode word are left out where the parser infers them (loop options mean a loop; `hold` only overrides them).
 */
function lineFor(request: SimulateRequest, change: { readonly amount?: number; readonly seconds?: number; readonly mode?: SimulateMode }, context: CommandContext): string | undefined {
  const { args } = request;
  const mode = change.mode ?? request.mode;
  const seconds = change.seconds ?? (typeof args.duration === 'number' ? args.duration : SIMULATE_DEFAULTS.horizonSeconds);
  const loopOptions = LOOP_OPTIONS.some((name) => args[name] !== undefined);
  const values = {
    ...args,
    amount: change.amount ?? args.amount,
    duration: seconds === SIMULATE_DEFAULTS.horizonSeconds ? undefined : seconds,
    mode: mode === 'hold' ? (loopOptions ? 'hold' : undefined) : loopOptions ? undefined : 'loop',
  };
  return shortestCommandLine(request.command, values, context);
}

/** A button, and whether it asks what is shown already. */
interface Choice {
  readonly action: Action | undefined;
  readonly current: boolean;
}

const action = (label: string, command: string | undefined): Action | undefined => (command === undefined ? undefined : { label, command, edit: true });

/**
 * The buttons whose line exists and fits, as one row; no row when none is left that changes anything (the
 * current one alone would only ask the same again).
 */
function row(choices: readonly Choice[]): Control[] {
  const kept = choices.filter((c) => c.action !== undefined && fits(c.action));
  return kept.some((c) => !c.current) ? [{ kind: 'buttons', actions: kept.map((c) => c.action!) }] : [];
}

/**
 * Under a /simulate answer: its horizons (the current one marked) and a toggle to the other mode, each redoing
 * the same request with only that changed, in place. The toggle is one button, not hold and loop with the
 * current marked: the title already says which, and Discord keeps only the first of two buttons with the same
 * command (the current mode's would repeat the current horizon's). A button whose line would not fit is left
 * out; the toggle to loop also where no asked strategy can be looped.
 */
export function simulateControls(t: Translator, request: SimulateRequest, seconds: number, context: CommandContext): Control[] {
  const horizons = HORIZON_BUTTONS.map((h): Choice => {
    const s = parseHorizon(h)!;
    const label = s === seconds ? t('simulate-button-current', { label: h }) : h;
    return { action: action(label, lineFor(request, { seconds: s }, context)), current: s === seconds };
  });
  const toggle: Choice[] =
    request.mode === 'loop'
      ? [{ action: action(t('simulate-button-hold'), lineFor(request, { mode: 'hold' }, context)), current: false }]
      : request.loopable
        ? [{ action: action(t('simulate-button-loop'), lineFor(request, { mode: 'loop' }, context)), current: false }]
        : [];
  return [...row(horizons), ...row(toggle)];
}

/** The amount picker's buttons: each amount asks the rest of the request again, in place of the picker. */
export function amountControls(request: SimulateRequest, context: CommandContext): Control[] {
  return row(AMOUNT_BUTTONS.map((amount) => ({ action: action(formatGrouped(amount, 0), lineFor(request, { amount }, context)), current: false })));
}
