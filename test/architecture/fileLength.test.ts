import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './importGraph.ts';

const MAX_LINES = 300;
/** A long file must say at its top why it reads better whole, starting its first comment with this. */
const KEPT_WHOLE = /^\/\/ Kept whole: |^\/\*\*? Kept whole: /;

describe('file length in src/ and commands/', () => {
  it(`GIVEN a file over ${MAX_LINES} lines THEN its first line says why it is kept whole`, () => {
    const long = sourceFiles(['src', 'commands']).flatMap((file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      return lines > MAX_LINES && !KEPT_WHOLE.test(text) ? [`${file} (${lines} lines)`] : [];
    });
    expect(long).toEqual([]);
  });
});
