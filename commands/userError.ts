import { formatQuantity } from '../src/core/format.ts';
import { english, type Translator } from '../src/i18n/translator.ts';
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

/** Values in a row, "a, b, c" (Chinese: "a、b、c"). */
export const listOf = (t: Translator, values: unknown) => (Array.isArray(values) ? values.join(t('usage-list-separator')) : String(values));

/** A context value as shown: numbers through the formatter (never `1e-7`), text as typed but made safe to echo. */
const shown = (value: unknown) => (typeof value === 'number' ? formatQuantity(value) : echoUserText(String(value)));

/** `greater than 0 and at most 1,000,000,000,000`: a range with an open end, each end that has a bound. */
function describeRange(t: Translator, c: UserError['context']): string {
  const low = typeof c.min === 'number' && Number.isFinite(c.min) ? (c.minExclusive ? t('usage-range-above', { min: shown(c.min) }) : t('usage-range-from', { min: shown(c.min) })) : undefined;
  const high = typeof c.max === 'number' && Number.isFinite(c.max) ? (c.maxExclusive ? t('usage-range-below', { max: shown(c.max) }) : t('usage-range-to', { max: shown(c.max) })) : undefined;
  return low !== undefined && high !== undefined ? t('usage-range-both', { low, high }) : (low ?? high ?? '');
}

/**
 * The words for a user error, in the language of `t` (English by default). What the user typed (the value, an
 * unknown option or command) is quoted through echoUserText: controls stripped, length capped, right-to-left
 * text isolated. Option names stay as typed syntax in every language.
 */
export function describeUserError(error: UserError, t: Translator = english): string {
  const c = error.context;
  const option = String(c.option);
  switch (error.identifier) {
    case 'unknown-command':
      return t('usage-unknown-command', { command: shown(c.command) });
    case 'unknown-choice': {
      const meant = c.meant !== undefined ? t('usage-did-you-mean', { meant: String(c.meant) }) : '';
      return t('usage-unknown-choice', { option, value: shown(c.value), meant, choices: listOf(t, c.choices) });
    }
    case 'not-a-number': {
      const example = c.expected !== undefined ? t('usage-for-example', { expected: String(c.expected) }) : '';
      return t('usage-not-a-number', { option, value: shown(c.value), example });
    }
    case 'out-of-range':
      if (c.minExclusive !== undefined || c.maxExclusive !== undefined) return t('usage-out-of-bounds', { option, range: describeRange(t, c), value: shown(c.value) });
      return t('usage-out-of-range', { option, min: shown(c.min), max: shown(c.max), value: shown(c.value) });
    case 'missing-argument':
      return t('usage-missing-argument', { option });
    case 'too-many-arguments':
      return t('usage-too-many-arguments', { value: shown(c.value) });
    case 'unknown-option':
      return t('usage-unknown-option', { option: shown(c.option) });
    case 'too-long':
      return t('usage-too-long', { length: shown(c.length), max: shown(c.max) });
    case 'invalid-value': {
      const expected = c.expected !== undefined ? t('usage-expected', { expected: String(c.expected) }) : '';
      return t('usage-invalid-value', { option, value: shown(c.value), expected });
    }
    case 'no-matching-option':
      return t('usage-no-matching-option', { value: shown(c.value), expected: listOf(t, c.expected) });
  }
}
