import { describe, expect, it } from 'vitest';
import { packPieces } from '../../src/platforms/packPieces.ts';

describe('packPieces', () => {
  it('GIVEN pieces that fit together THEN one text, joined by the separator', () => {
    expect(packPieces(['ab', 'cd'], 6)).toEqual(['ab\n\ncd']);
    expect(packPieces(['ab', 'cd'], 5, '\n')).toEqual(['ab\ncd']);
  });

  it('GIVEN a piece that would pass the limit THEN it starts the next text, never cut', () => {
    expect(packPieces(['ab', 'cd', 'efgh'], 6)).toEqual(['ab\n\ncd', 'efgh']);
    expect(packPieces(['abc', 'def'], 7)).toEqual(['abc', 'def']);
  });

  it('GIVEN no pieces THEN no texts', () => {
    expect(packPieces([], 10)).toEqual([]);
  });
});
