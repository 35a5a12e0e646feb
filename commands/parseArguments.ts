import type { ArgumentValues, CommandContext, CommandDefinition, OptionSpec } from './command.ts';
import { UserError } from './userError.ts';

/**
 * Checks one option value and converts it (numbers parsed, choices matched case-insensitively to their
 * canonical spelling). Shared by the text parser and by platforms that deliver typed options.
 * @throws UserError naming the option and the bad value.
 */
export function validateOption(spec: OptionSpec, raw: string | number, context: CommandContext): string | number {
  if (spec.type === 'string') {
    const text = String(raw);
    const choices = spec.choices?.(context);
    if (!choices) return text;
    const match = choices.find((c) => c.toLowerCase() === text.toLowerCase());
    if (match === undefined) throw new UserError('unknown-choice', { option: spec.name, value: text.slice(0, 40), choices });
    return match;
  }
  const value = typeof raw === 'number' ? raw : Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) {
    throw new UserError('not-a-number', { option: spec.name, value: String(raw).slice(0, 40) });
  }
  const min = spec.min ?? -Infinity;
  const max = spec.max ?? Infinity;
  if (value < min || value > max) throw new UserError('out-of-range', { option: spec.name, value, min, max });
  return value;
}

/**
 * Maps the words after a command to its options: command.options in declared order, or `name=value` in any order.
 * @throws UserError for an unknown option, an extra word, a missing required option or a bad value.
 */
export function parseArguments(command: CommandDefinition, words: readonly string[], context: CommandContext): ArgumentValues {
  const values: Record<string, string | number> = {};
  let next = 0;
  for (const word of words) {
    const named = /^([A-Za-z][\w-]*)=(.*)$/.exec(word);
    if (named) {
      const spec = command.options.find((o) => o.name.toLowerCase() === named[1]!.toLowerCase());
      if (!spec) throw new UserError('unknown-option', { option: named[1]!.slice(0, 40) });
      values[spec.name] = validateOption(spec, named[2]!, context);
      continue;
    }
    while (next < command.options.length && values[command.options[next]!.name] !== undefined) next++;
    const spec = command.options[next];
    if (!spec) throw new UserError('too-many-arguments', { value: word.slice(0, 40) });
    values[spec.name] = validateOption(spec, word, context);
    next++;
  }
  for (const spec of command.options) {
    if (spec.required && values[spec.name] === undefined) throw new UserError('missing-argument', { option: spec.name });
  }
  return values;
}
