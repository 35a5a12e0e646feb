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
  | 'too-long';

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
      return `${String(c.option)} must be a number, not "${String(c.value)}".`;
    case 'out-of-range':
      return `${String(c.option)} must be between ${String(c.min)} and ${String(c.max)}, not ${String(c.value)}.`;
    case 'missing-argument':
      return `${String(c.option)} is missing.`;
    case 'too-many-arguments':
      return `Unexpected "${String(c.value)}".`;
    case 'unknown-option':
      return `Unknown option "${String(c.option)}".`;
    case 'too-long':
      return `That message is too long for a command (${String(c.length)} characters; at most ${String(c.max)}).`;
  }
}
