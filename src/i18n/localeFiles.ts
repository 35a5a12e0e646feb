import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from './locale.ts';

/**
 * The `locales/` folder of the repository: found by walking up from this module, so it is the same folder from
 * the sources (src/i18n) and from the bundle `npm start` runs (dist/).
 */
export function localesDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'locales');
    if (existsSync(join(candidate, 'en'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No locales/en folder above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** One language's Fluent files, by file name (`apy.ftl`), in name order. */
export function readLocaleFiles(locale: Locale, directory = localesDirectory()): Map<string, string> {
  const folder = join(directory, locale);
  const names = readdirSync(folder).filter((name) => name.endsWith('.ftl')).sort();
  return new Map(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}
