import { translatorOf, type ArgumentValues, type CommandContext, type CommandDefinition, type OptionSpec } from './command.ts';
import { listOf, UserError } from './userError.ts';

/**
 * Checks one option value and converts it (numbers parsed, choices matched case-insensitively to their
 * canonical spelling). Shared by the text parser and by platforms that deliver typed options.
 * @throws UserError naming the option and the bad value.
 */
export function validateOption(spec: OptionSpec, raw: string | number, context: CommandContext): string | number {
  // Worded only for a mistake: a valid value costs no message.
  const expected = (): Record<string, string> => {
    const text = expectedText(spec, context);
    return text ? { expected: text } : {};
  };
  if (spec.type === 'string') {
    const text = String(raw);
    if (spec.parseText) {
      const parsed = spec.parseText(text);
      if (parsed === undefined) throw new UserError('invalid-value', { option: spec.name, value: text, ...expected() });
      return parsed;
    }
    const choices = spec.choices?.(context);
    if (!choices) return text;
    const match = choices.find((c) => c.toLowerCase() === text.toLowerCase());
    if (match === undefined) throw new UserError('unknown-choice', { option: spec.name, value: text, choices });
    return match;
  }
  const value = typeof raw === 'number' ? raw : spec.parseText ? (spec.parseText(raw) ?? Number.NaN) : Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) {
    throw new UserError('not-a-number', { option: spec.name, value: String(raw), ...expected() });
  }
  const min = spec.min ?? -Infinity;
  const max = spec.max ?? Infinity;
  const below = spec.minExclusive ? value <= min : value < min;
  const above = spec.maxExclusive ? value >= max : value > max;
  if (below || above) {
    // An open end is said as such ("greater than 0"): describeUserError words the range from these flags.
    const open = { ...(spec.minExclusive ? { minExclusive: 1 } : {}), ...(spec.maxExclusive ? { maxExclusive: 1 } : {}) };
    throw new UserError('out-of-range', { option: spec.name, value, min, max, ...open });
  }
  return value;
}

/** What a valid value of the option looks like, in the chat's language; undefined when the spec does not say. */
function expectedText(spec: OptionSpec, context: CommandContext): string | undefined {
  return typeof spec.expected === 'function' ? spec.expected(translatorOf(context)) : spec.expected;
}

/** How a word that fits no option is explained: each candidate with what it takes. */
function describeCandidate(spec: OptionSpec, context: CommandContext): string {
  const t = translatorOf(context);
  const expected = expectedText(spec, context);
  if (expected) return t('usage-candidate', { option: spec.name, takes: expected });
  if (spec.type === 'string') {
    const choices = spec.choices?.(context);
    return choices ? t('usage-candidate', { option: spec.name, takes: listOf(t, choices) }) : spec.name;
  }
  return t('usage-candidate', { option: spec.name, takes: t('usage-a-number') });
}

/**
 * Gives a word to the first open option among `names` (declared order) that accepts it.
 * @throws UserError: the option's own out-of-range error when the shape fit but the value did not, else
 * 'no-matching-option' listing what each open option takes.
 */
function assignByShape(
  command: CommandDefinition,
  names: readonly string[],
  word: string,
  values: Record<string, string | number>,
  context: CommandContext,
): void {
  const open = command.options.filter((o) => names.includes(o.name) && values[o.name] === undefined);
  if (open.length === 0) throw new UserError('too-many-arguments', { value: word });
  const errors = new Map<OptionSpec, UserError>();
  for (const spec of open) {
    try {
      values[spec.name] = validateOption(spec, word, context);
      return;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.set(spec, error);
    }
  }
  const outOfRange = [...errors.values()].find((e) => e.identifier === 'out-of-range');
  if (outOfRange) throw outOfRange;
  // A word that starts like a number was meant for a number-shaped option (amount, duration); if only one
  // such option is open, its own error says best what is wrong.
  const shaped = open.filter((o) => o.type !== 'string' || o.parseText !== undefined);
  const candidates = /^[+\-.\d]/.test(word) && shaped.length > 0 ? shaped : open;
  if (candidates.length === 1) throw errors.get(candidates[0]!)!;
  throw new UserError('no-matching-option', { value: word, expected: candidates.map((o) => describeCandidate(o, context)) });
}

/**
 * Maps the words after a command to its options: command.options in declared order (or by shape, for a
 * command with `positionalByShape`), or `name=value` in any order.
 * @throws UserError for an unknown option, an extra word, a missing required option or a bad value.
 */
export function parseArguments(command: CommandDefinition, words: readonly string[], context: CommandContext): ArgumentValues {
  const values: Record<string, string | number> = {};
  let next = 0;
  for (const word of words) {
    const named = /^([A-Za-z][\w-]*)=(.*)$/.exec(word);
    if (named) {
      const spec = command.options.find((o) => o.name.toLowerCase() === named[1]!.toLowerCase());
      if (!spec) throw new UserError('unknown-option', { option: named[1]! });
      values[spec.name] = validateOption(spec, named[2]!, context);
      continue;
    }
    if (command.positionalByShape) {
      assignByShape(command, command.positionalByShape, word, values, context);
      continue;
    }
    while (next < command.options.length && values[command.options[next]!.name] !== undefined) next++;
    const spec = command.options[next];
    if (!spec) throw new UserError('too-many-arguments', { value: word });
    values[spec.name] = validateOption(spec, word, context);
    next++;
  }
  for (const spec of command.options) {
    if (spec.required && values[spec.name] === undefined) throw new UserError('missing-argument', { option: spec.name });
  }
  return values;
}
