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

/** Buttons whose line exists and fits; a row only if one is left. */
function row(actions: readonly (Action | undefined)[]): Control[] {
  const kept = actions.filter((a): a is Action => a !== undefined && fits(a));
  return kept.length > 0 ? [{ kind: 'buttons', actions: kept }] : [];
}

const action = (label: string, command: string | undefined): Action | undefined => (command === undefined ? undefined : { label, command, edit: true });

/**
 * Under a /simulate answer: its horizons and hold/loop, the current ones marked, each redoing the same request
 * with only that changed, in place. A button whose line would not fit is left out; the loop one also where no
 * asked strategy can be looped (the whole mode row then, as one button alone would change nothing).
 */
export function simulateControls(t: Translator, request: SimulateRequest, seconds: number, context: CommandContext): Control[] {
  const mark = (label: string, current: boolean) => (current ? t('simulate-button-current', { label }) : label);
  const horizons = HORIZON_BUTTONS.map((h) => {
    const s = parseHorizon(h)!;
    return action(mark(h, s === seconds), lineFor(request, { seconds: s }, context));
  });
  const modes = request.loopable
    ? row([
        action(mark(t('simulate-button-hold'), request.mode === 'hold'), lineFor(request, { mode: 'hold' }, context)),
        action(mark(t('simulate-button-loop'), request.mode === 'loop'), lineFor(request, { mode: 'loop' }, context)),
      ])
    : [];
  return [...row(horizons), ...(modes[0]?.actions.length === 2 ? modes : [])];
}

/** The amount picker's buttons: each amount asks the rest of the request again, in place of the picker. */
export function amountControls(request: SimulateRequest, context: CommandContext): Control[] {
  return row(AMOUNT_BUTTONS.map((amount) => action(formatGrouped(amount, 0), lineFor(request, { amount }, context))));
}
