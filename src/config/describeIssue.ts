import type { z } from 'zod';
import { didYouMean } from './didYouMean.ts';
import { describeFound, formatPath, showKey, showValue, VALUE, type ValueOrigin } from './showValue.ts';

/** What the loader knows beyond an issue itself. */
export interface IssueContext {
  /** The environment variables that went into the value at a path (by `pathKey`). */
  readonly fromEnv?: ReadonlyMap<string, readonly string[]>;
  /** The keys the object schema at a path allows (by `pathKey`), recorded by `recordAllowedKeys` as it refused one. */
  readonly allowedKeys?: ReadonlyMap<string, readonly string[]>;
}

/** A path as a map key. */
export function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map((key) => (typeof key === 'number' ? key : String(key))));
}

/**
 * An error map for `safeParse` that writes down, for each object that refused a key, the keys its schema allows:
 * the finished issue no longer says which schema raised it, and that list is what "did you mean" compares with.
 * It returns no message, so zod's own (or the schema's) stays.
 */
export function recordAllowedKeys(into: Map<string, readonly string[]>): z.core.$ZodErrorMap {
  return (issue) => {
    const def = issue.inst?._zod.def;
    if (issue.code === 'unrecognized_keys' && def && 'shape' in def && def.shape && typeof def.shape === 'object') {
      into.set(pathKey(issue.path ?? []), Object.keys(def.shape));
    }
    return undefined;
  };
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  tuple: 'a list',
  null: 'nothing',
};

/** zod's own messages, which are rephrased; a message a schema wrote itself is kept. */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized)/;

function originOf(path: readonly PropertyKey[], context: IssueContext): ValueOrigin {
  return { fromEnv: context.fromEnv?.get(pathKey(path)), key: path.at(-1) };
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** `(did you mean "x"?)` for a string close to one of the candidates, else ''. */
function hint(found: unknown, candidates: readonly unknown[]): string {
  if (typeof found !== 'string') return '';
  const near = didYouMean(found, candidates.filter((c): c is string => typeof c === 'string'));
  return near === undefined ? '' : `did you mean ${JSON.stringify(near)}?`;
}

function wrongType(issue: z.core.$ZodIssueInvalidType, context: IssueContext): string {
  const origin = originOf(issue.path, context);
  const expected = EXPECTED[issue.expected] ?? `a value of type ${issue.expected}`;
  let line = `expected ${expected}, found ${describeFound(issue.input, origin)}`;
  if (issue.expected === 'string' && typeof issue.input === 'number') line += ' (write it in quotes)';
  else if ((issue.expected === 'number' || issue.expected === 'int') && typeof issue.input === 'string') {
    line += origin.fromEnv?.length ? ' (a ${…} placeholder always gives a string)' : /^\s*-?\d/.test(issue.input) ? ' (write it without quotes)' : '';
  }
  return line;
}

/** "expected a string or a number" from the options of a union none of which matched. */
function unionMismatch(issue: z.core.$ZodIssueInvalidUnion, context: IssueContext): string | undefined {
  const expected = new Set<string>();
  for (const option of issue.errors) {
    const typeIssue = option.length === 1 && option[0]!.code === 'invalid_type' && option[0]!.path.length === 0 ? option[0] : undefined;
    if (!typeIssue) return undefined; // an option that failed for another reason says more than a list of types
    expected.add(EXPECTED[typeIssue.expected] ?? typeIssue.expected);
  }
  return `expected ${[...expected].join(' or ')}, found ${describeFound(issue.input, originOf(issue.path, context))}`;
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, context: IssueContext): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const found = issue.input;
  if (issue.origin === 'string' && small && Number(limit) === 1) return 'must not be empty';
  if (issue.origin === 'array' || issue.origin === 'set') {
    const count = Array.isArray(found) ? ` (found ${found.length})` : '';
    return `must have ${small ? 'at least' : 'at most'} ${limit} entr${Number(limit) === 1 ? 'y' : 'ies'}${count}`;
  }
  if (issue.origin === 'string') return `must be ${small ? 'at least' : 'at most'} ${limit} characters long`;
  const relation = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  return `must be ${relation} ${limit}, found ${showValue(found, originOf(issue.path, context))}`;
}

/**
 * Turns one zod issue into problem lines, each starting with its path: wrong types say what was expected and
 * what was found, unknown keys suggest the key meant, and no line shows a value that could be a secret
 * (see `showValue`).
 */
export function describeIssue(issue: z.core.$ZodIssue, context: IssueContext = {}): string[] {
  const where = formatPath(issue.path) || '(top level)';
  const fill = (message: string) => message.split(VALUE).join(showValue(issue.input, originOf(issue.path, context)));
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return [`${where}: required, but missing`];
      return [`${where}: ${wrongType(issue, context)}`];
    case 'unrecognized_keys': {
      const allowed = context.allowedKeys?.get(pathKey(issue.path)) ?? [];
      return issue.keys.map((key) => {
        const shown = showKey(key);
        const quoted = shown === undefined ? '' : ` ${shown.startsWith('"') ? shown : JSON.stringify(shown)}`;
        // A key that could be a secret gets no suggestion either: "did you mean" would hint at its spelling.
        const near = shown === undefined ? '' : hint(key, allowed);
        const help = near || (allowed.length > 0 && allowed.length <= 12 ? `known keys: ${allowed.join(', ')}` : '');
        // A plain key joins the path (`poll.stalAfter`); any other is named only once, in the message.
        const at = shown === key ? formatPath([...issue.path, key]) : where;
        return `${at}: unknown key${quoted}${help ? ` (${help})` : ''}`;
      });
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const options = ('options' in issue ? issue.options : undefined) ?? [];
        const found = issue.input && typeof issue.input === 'object' ? (issue.input as Record<string, unknown>)[issue.discriminator] : undefined;
        if (found === undefined) return [`${where}: required, but missing (one of ${quoteList(options)})`];
        const near = hint(found, options);
        return [`${where}: must be one of ${quoteList(options)} (found ${showValue(found, originOf(issue.path, context))}${near ? `; ${near}` : ''})`];
      }
      const mismatch = ZOD_DEFAULT.test(issue.message) ? unionMismatch(issue, context) : undefined;
      return [`${where}: ${mismatch ?? fill(issue.message)}`];
    }
    case 'invalid_value': {
      const near = hint(issue.input, issue.values);
      const expected = issue.values.length === 1 ? `must be ${quoteList(issue.values)}` : `must be one of ${quoteList(issue.values)}`;
      return [`${where}: ${expected} (found ${showValue(issue.input, originOf(issue.path, context))}${near ? `; ${near}` : ''})`];
    }
    case 'invalid_key':
      // A record key that failed its own schema: its issues carry the message, the path already names the key.
      return issue.issues.flatMap((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, context));
    case 'too_small':
    case 'too_big':
      if (ZOD_DEFAULT.test(issue.message)) return [`${where}: ${bound(issue, context)}`];
      return [`${where}: ${fill(issue.message)}`];
    default:
      if (ZOD_DEFAULT.test(issue.message)) return [`${where}: ${showValue(issue.input, originOf(issue.path, context))} is not valid`];
      return [`${where}: ${fill(issue.message)}`];
  }
}
