import { didYouMean } from '../src/config/didYouMean.ts';
import { UserError } from './userError.ts';

/**
 * The typed name as the known list spells it (case aside), or a UserError naming the closest known name and every
 * one: for names checked in `run` (they depend on each other or on the chat), where an option's `choices` cannot.
 */
export function knownName(option: string, typed: string, names: readonly string[]): string {
  const match = names.find((n) => n.toLowerCase() === typed.toLowerCase());
  if (match !== undefined) return match;
  const meant = didYouMean(typed, names);
  throw new UserError('unknown-choice', { option, value: typed, choices: names, ...(meant ? { meant } : {}) });
}
