import type { ArgumentValues, CommandContext, CommandDefinition, OptionSpec } from './command.ts';
import { parseArguments, validateOption } from './parseArguments.ts';
import { UserError } from './userError.ts';

/**
 * The shortest command line a button can carry for a request, so more of it fits Telegram's 64 bytes: each
 * value in its shortest spelling the option reads back exactly, positional where the command matches words by
 * shape, `name=value` else. Every line is checked by the same parser as typed text.
 */

/** Numbers held to 12 significant digits, so 0.07 × 100 is 7 and not 7.000000000000001. */
const clean = (n: number) => String(Number(n.toPrecision(12)));

/** Spellings of a number people type: 1000, 1k, 1e3, .7, 70%, 30d; the option keeps the ones that read back. */
function spellings(value: number): string[] {
  const plain = String(value);
  const scaled = (by: number, suffix: string) => `${clean(value / by)}${suffix}`;
  return [
    plain,
    plain.replace(/^0\./, '.'),
    value.toExponential().replace('e+', 'e'),
    ...[
      [1e3, 'k'],
      [1e6, 'm'],
      [1e9, 'b'],
      [1e12, 't'],
      [0.01, '%'],
      [3_600, 'h'],
      [86_400, 'd'],
      [604_800, 'w'],
      [2_628_000, 'm'],
      [31_536_000, 'y'],
    ].map(([by, suffix]) => scaled(by as number, suffix as string)),
  ].flatMap((text) => [text, text.replace(/^0\./, '.')]);
}

/** Whether the option reads `text` back as exactly `value`. */
function readsBack(spec: OptionSpec, text: string, value: string | number, context: CommandContext): boolean {
  try {
    return validateOption(spec, text, context) === value;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

/** The shortest text the option reads back as `value`, or undefined when none does. */
function shortestText(spec: OptionSpec, value: string | number, context: CommandContext): string | undefined {
  const candidates = typeof value === 'number' ? spellings(value) : [value];
  return candidates.filter((text) => readsBack(spec, text, value, context)).reduce<string | undefined>((a, b) => (a === undefined || b.length < a.length ? b : a), undefined);
}

/** Whether parsing `words` gives exactly `values` (no option more, none less, none different). */
function parsesTo(command: CommandDefinition, words: readonly string[], values: ArgumentValues, context: CommandContext): boolean {
  try {
    const parsed = parseArguments(command, words, context);
    const keys = (v: ArgumentValues) => Object.keys(v).filter((k) => v[k] !== undefined);
    return keys(parsed).length === keys(values).length && keys(values).every((k) => parsed[k] === values[k]);
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

/** Every subset of `names`, fewest added characters first (naming `strategy` costs `strategy=`). */
function byCost(names: readonly string[]): Set<string>[] {
  const subsets = Array.from({ length: 2 ** names.length }, (_, mask) => new Set(names.filter((_, i) => mask & (1 << i))));
  const cost = (subset: ReadonlySet<string>) => [...subset].reduce((n, name) => n + name.length + 1, 0);
  return subsets.sort((a, b) => cost(a) - cost(b));
}

/**
 * `/name word…` that the parser reads as exactly `values` (undefined ones left out), or undefined when some
 * value has no spelling. Words go positional where they may; where the parser would read them otherwise (a
 * strategy named like a horizon), the fewest characters of `name=` that make it read them right.
 */
export function shortestCommandLine(command: CommandDefinition, values: ArgumentValues, context: CommandContext): string | undefined {
  const given = command.options.filter((o) => values[o.name] !== undefined);
  const texts = new Map<string, string>();
  for (const spec of given) {
    const text = shortestText(spec, values[spec.name]!, context);
    if (text === undefined) return undefined;
    texts.set(spec.name, text);
  }
  const positional = given.filter((o) => command.positionalByShape?.includes(o.name)).map((o) => o.name);
  for (const named of byCost(positional)) {
    const words = given.map((o) => (named.has(o.name) || !positional.includes(o.name) ? `${o.name}=${texts.get(o.name)}` : texts.get(o.name)!));
    if (parsesTo(command, words, values, context)) return [`/${command.name}`, ...words].join(' ');
  }
  return undefined;
}
