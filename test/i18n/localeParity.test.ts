import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, Visitor, type Message, type Term, type VariableReference } from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locale.ts';
import { localesDirectory, readLocaleFiles } from '../../src/i18n/localeFiles.ts';

/** Every message and attribute of a language, with the variables its text uses (sorted). */
function shapeOf(locale: string): Map<string, string[]> {
  const shape = new Map<string, string[]>();
  for (const [file, source] of readLocaleFiles(locale as (typeof LOCALES)[number])) {
    const resource = parse(source, { withSpans: false });
    for (const entry of resource.body) {
      if (entry.type === 'Junk') throw new Error(`locales/${locale}/${file}: cannot parse ${JSON.stringify(entry.content.slice(0, 80))}`);
      if (entry.type !== 'Message' && entry.type !== 'Term') continue;
      const id = `${entry.type === 'Term' ? '-' : ''}${entry.id.name}`;
      if (shape.has(id)) throw new Error(`locales/${locale}/${file}: ${id} is defined twice`);
      shape.set(id, variablesOf(entry));
      for (const attribute of entry.attributes) shape.set(`${id}.${attribute.id.name}`, variablesOf(attribute));
    }
  }
  return shape;
}

function variablesOf(node: Message | Term | Message['attributes'][number]): string[] {
  const names = new Set<string>();
  class Variables extends Visitor {
    override visitVariableReference(v: VariableReference) {
      names.add(v.id.name);
    }
  }
  const visitor = new Variables();
  visitor.visit(node.type === 'Attribute' ? node.value : node.value ?? node);
  return [...names].sort();
}

describe('the languages', () => {
  const english = shapeOf('en');

  it('GIVEN English and Chinese THEN both have the same files', () => {
    const files = (locale: string) => readdirSync(path.join(localesDirectory(), locale)).filter((f) => f.endsWith('.ftl')).sort();
    for (const locale of LOCALES) expect(files(locale), locale).toEqual(files('en'));
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`GIVEN ${locale} THEN it has every English message and no other, each with the same placeholders`, () => {
      const other = shapeOf(locale);
      expect([...other.keys()].filter((id) => !english.has(id)), `in ${locale} only`).toEqual([]);
      expect([...english.keys()].filter((id) => !other.has(id)), `missing in ${locale}`).toEqual([]);
      for (const [id, variables] of english) expect(other.get(id), `${id} in ${locale}`).toEqual(variables);
    });
  }

  it('GIVEN every t(...) and boldArgument(t, ...) call in the code THEN English has the message it names', () => {
    const root = path.resolve(localesDirectory(), '..');
    const files = ['src', 'commands'].flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)));
    const missing: string[] = [];
    for (const file of files) {
      // t('id', …), and the helpers that take the translator and an id: boldArgument(t, 'id', …).
      for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:t\(|boldArgument\(t,)\s*'([a-z0-9-]+)'/g)) {
        if (!english.has(match[1]!)) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
