import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/config/didYouMean.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3], // three insertions
    ['abc', '', 3], // three deletions
    ['http', 'http', 0],
    ['htpp', 'http', 1], // t,p swapped: one transposition, not two substitutions
    ['stalAfter', 'staleAfter', 1], // one insertion
    ['adress', 'address', 1],
    ['kitten', 'sitting', 3], // k→s, e→i, +g
    ['erc4262', 'erc4626', 2], // swap "26" → erc4622, then the last 2 → 6
    ['ca', 'abc', 3], // optimal string alignment does not edit a swapped pair again
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('didYouMean', () => {
  const pollKeys = ['schedule', 'staleAfter'];

  it('GIVEN a near miss THEN the key meant', () => {
    expect(didYouMean('stalAfter', pollKeys)).toBe('staleAfter');
    expect(didYouMean('htpp', ['poll', 'http', 'store'])).toBe('http');
    expect(didYouMean('StaleAfter', pollKeys)).toBe('staleAfter'); // case is ignored
  });

  it('GIVEN a word far from every candidate THEN nothing', () => {
    expect(didYouMean('wobble', pollKeys)).toBeUndefined();
    // Short words get one edit only: "port" is two from "poll" and must not be suggested for it.
    expect(didYouMean('port', ['poll'])).toBeUndefined();
    expect(didYouMean('pol', ['poll'])).toBe('poll');
  });

  it('GIVEN two candidates equally near THEN the first listed; a closer one wins wherever it is', () => {
    expect(didYouMean('uniswap-v4', ['uniswap-v2', 'uniswap-v3'])).toBe('uniswap-v2');
    expect(didYouMean('uniswap-v33', ['uniswap-v2', 'uniswap-v3'])).toBe('uniswap-v3');
  });
});
