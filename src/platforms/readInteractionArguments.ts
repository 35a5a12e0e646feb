import type { ArgumentValues, CommandContext, CommandDefinition } from '../../commands/command.ts';
import { validateOption } from '../../commands/parseArguments.ts';
import { UserError } from '../../commands/userError.ts';

/**
 * Maps Discord's typed options to the command's arguments, through the same `validateOption` as the text
 * parser, so ranges and choices are checked in one place (Discord checks min/max too, but a stale
 * registration or a typed value that autocomplete did not offer still reaches us).
 * @throws UserError for an unknown option, a missing required one or a bad value.
 */
export function readInteractionArguments(
  command: CommandDefinition,
  options: readonly { readonly name: string; readonly value?: string | number | boolean | undefined | null }[],
  context: CommandContext,
): ArgumentValues {
  const values: Record<string, string | number> = {};
  for (const option of options) {
    const spec = command.options.find((o) => o.name === option.name);
    if (!spec) throw new UserError('unknown-option', { option: option.name.slice(0, 40) });
    if (option.value === undefined || option.value === null) continue;
    values[spec.name] = validateOption(spec, typeof option.value === 'boolean' ? String(option.value) : option.value, context);
  }
  for (const spec of command.options) {
    if (spec.required && values[spec.name] === undefined) throw new UserError('missing-argument', { option: spec.name });
  }
  return values;
}
