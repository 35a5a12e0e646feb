import { formatQuantity } from '../src/core/format.ts';
import { BaseError } from '../src/vocabulary/baseError.ts';
import { echoUserText } from './echoUserText.ts';

/**
 * A mistake in what the user typed. Parsers throw it with an identifier and context; one function at the
 * edge (`describeUserError`) turns it into words, so the wording lives in one place.
 */
export type UserErrorIdentifier =
  | 'unknown-command'
  | 'unknown-choice'
  | 'not-a-number'
  | 'out-of-range'
  | 'missing-argument'
  | 'too-many-arguments'
  | 'unknown-option'
  | 'too-long'
  | 'invalid-value'
  | 'no-matching-option';

/** A mistake in what the user typed: `identifier` says which, `describeUserError` says it in words. */
export class UserError extends BaseError {
  override name = 'UserError';
  constructor(
    readonly identifier: UserErrorIdentifier,
    readonly context: Readonly<Record<string, string | number | readonly string[]>> = {},
  ) {
    super(identifier);
  }
}

const list = (values: unknown) => (Array.isArray(values) ? values.join(', ') : String(values));

/** A context value as shown: numbers through the formatter (never `1e-7`), text as typed but made safe to echo. */
const shown = (value: unknown) => (typeof value === 'number' ? formatQuantity(value) : echoUserText(String(value)));

/**
 * The words for a user error. What the user typed (the value, an unknown option or command) is quoted through
 * echoUserText: controls stripped, length capped, right-to-left text isolated.
 */
export function describeUserError(error: UserError): string {
  const c = error.context;
  switch (error.identifier) {
    case 'unknown-command':
      return `Unknown command ${shown(c.command)}.`;
    case 'unknown-choice':
      return `Unknown ${String(c.option)} "${shown(c.value)}".${c.meant !== undefined ? ` Did you mean ${String(c.meant)}?` : ''} Known: ${list(c.choices)}.`;
    case 'not-a-number':
      return `${String(c.option)} must be a number, not "${shown(c.value)}"${c.expected !== undefined ? ` (e.g. ${String(c.expected)})` : ''}.`;
    case 'out-of-range':
      if (c.range !== undefined) return `${String(c.option)} must be ${String(c.range)}, not ${shown(c.value)}.`;
      return `${String(c.option)} must be between ${shown(c.min)} and ${shown(c.max)}, not ${shown(c.value)}.`;
    case 'missing-argument':
      return `${String(c.option)} is missing.`;
    case 'too-many-arguments':
      return `Unexpected "${shown(c.value)}".`;
    case 'unknown-option':
      return `Unknown option "${shown(c.option)}".`;
    case 'too-long':
      return `That message is too long for a command (${shown(c.length)} characters; at most ${shown(c.max)}).`;
    case 'invalid-value':
      return `${String(c.option)} "${shown(c.value)}" is not valid${c.expected !== undefined ? `: expected ${String(c.expected)}` : ''}.`;
    case 'no-matching-option':
      return `"${shown(c.value)}" fits no option; expected one of: ${list(c.expected)}.`;
  }
}
