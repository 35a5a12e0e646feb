import { describe, expect, it } from 'vitest';
import { styledMessage } from '../../commands/styledMessage.ts';
import { bold, code } from '../../src/vocabulary/reply.ts';

describe('styledMessage', () => {
  it('GIVEN styled pieces THEN each where the text puts it, in any order, with no empty parts', () => {
    const parts = styledMessage({ a: bold('A'), b: code('B') }, (m) => `${m.b!} then ${m.a!}`);
    expect(parts).toEqual([code('B'), ' then ', bold('A')]);
  });

  it('GIVEN no styled piece in the text THEN the text alone', () => {
    expect(styledMessage({ a: bold('A') }, () => 'plain')).toEqual(['plain']);
  });
});
