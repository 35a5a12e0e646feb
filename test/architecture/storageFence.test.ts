import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './importGraph.ts';

const outsideStore = sourceFiles(['src', 'commands']).filter((f) => !f.startsWith('src/store/'));

describe('storage behind its interfaces', () => {
  it('GIVEN src/ and commands/ outside src/store THEN none imports better-sqlite3', () => {
    const importers = outsideStore.filter((f) => ts.preProcessFile(readFileSync(path.join(ROOT, f), 'utf8'), true, true).importedFiles.some((ref) => ref.fileName === 'better-sqlite3'));
    expect(importers).toEqual([]);
  });

  it('GIVEN src/ and commands/ outside src/store THEN none builds a store on a connection (only openSqliteStore opens one)', () => {
    const builders = outsideStore.filter((f) => /\b(createSqlite\w*Store|openDatabase)\b/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(builders).toEqual([]);
  });
});
