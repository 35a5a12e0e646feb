import { readLocaleFiles } from '../../src/i18n/localeFiles.ts';

/** Every English message id (`apy-col-source`, …). */
const ids = [...readLocaleFiles('en')].flatMap(([, source]) => [...source.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]!));

/** The message ids that leaked into a reply's text: a message shown as its id instead of its words. */
export function leakedIds(text: string): string[] {
  return ids.filter((id) => new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(text));
}
