import { stripControls } from '../../commands/echoUserText.ts';

/** Discord answers at most 25 autocomplete choices, each at most 100 characters. */
export const AUTOCOMPLETE_LIMIT = 25;

/**
 * The choices to offer while a user types: those starting with the typed text first, then those containing
 * it, case-insensitively; at most 25.
 */
export function autocompleteChoices(choices: readonly string[], typed: string): string[] {
  // Invisible and direction-changing characters typed along (U+202E, zero-width) must not hide a match.
  const wanted = stripControls(typed).trim().toLowerCase();
  const fits = choices.filter((c) => c.length >= 1 && c.length <= 100);
  const starts = fits.filter((c) => c.toLowerCase().startsWith(wanted));
  const contains = fits.filter((c) => !c.toLowerCase().startsWith(wanted) && c.toLowerCase().includes(wanted));
  return [...starts, ...contains].slice(0, AUTOCOMPLETE_LIMIT);
}
