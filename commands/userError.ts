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

export class UserError extends Error {
  constructor(
    readonly identifier: UserErrorIdentifier,
    readonly context: Readonly<Record<string, string | number | readonly string[]>> = {},
  ) {
    super(identifier);
    this.name = 'UserError';
  }
}

const list = (values: unknown) => (Array.isArray(values) ? values.join(', ') : String(values));

/** The words for a user error. */
export function describeUserError(error: UserError): string {
  const c = error.context;
  switch (error.identifier) {
    case 'unknown-command':
      return `Unknown command ${String(c.command)}.`;
    case 'unknown-choice':
      return `Unknown ${String(c.option)} "${String(c.value)}". Known: ${list(c.choices)}.`;
    case 'not-a-number':
      return `${String(c.option)} must be a number, not "${String(c.value)}"${c.expected !== undefined ? ` (e.g. ${String(c.expected)})` : ''}.`;
    case 'out-of-range':
      if (c.range !== undefined) return `${String(c.option)} must be ${String(c.range)}, not ${String(c.value)}.`;
      return `${String(c.option)} must be between ${String(c.min)} and ${String(c.max)}, not ${String(c.value)}.`;
    case 'missing-argument':
      return `${String(c.option)} is missing.`;
    case 'too-many-arguments':
      return `Unexpected "${String(c.value)}".`;
    case 'unknown-option':
      return `Unknown option "${String(c.option)}".`;
    case 'too-long':
      return `That message is too long for a command (${String(c.length)} characters; at most ${String(c.max)}).`;
    case 'invalid-value':
      return `${String(c.option)} "${String(c.value)}" is not valid${c.expected !== undefined ? `: expected ${String(c.expected)}` : ''}.`;
    case 'no-matching-option':
      return `"${String(c.value)}" fits no option; expected one of: ${list(c.expected)}.`;
  }
}
