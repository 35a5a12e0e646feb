import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, MAX_ACTION_DATA_BYTES } from '../../src/vocabulary/actionData.ts';

describe('button data', () => {
  it('GIVEN a command line and its mode THEN the data is version, mode and the line, and reads back the same', () => {
    expect(encodeAction({ command: '/apy seMetis', edit: true })).toBe('1e/apy seMetis');
    expect(encodeAction({ command: '/unsubscribe digest' })).toBe('1n/unsubscribe digest');
    expect(decodeAction('1e/apy seMetis')).toEqual({ ok: true, command: '/apy seMetis', edit: true });
    expect(decodeAction('1n/unsubscribe digest')).toEqual({ ok: true, command: '/unsubscribe digest', edit: false });
  });

  it('GIVEN a line whose data would pass 64 bytes (counted in UTF-8) THEN no data: the button is left out', () => {
    const fits = `/x ${'a'.repeat(MAX_ACTION_DATA_BYTES - 5)}`; // 2 + 3 + 59 = 64 bytes
    expect(encodeAction({ command: fits })).toHaveLength(64);
    expect(encodeAction({ command: `${fits}a` })).toBeUndefined();
    // 20 Chinese characters are 60 bytes: with '/x ' and the prefix, 65.
    expect(encodeAction({ command: `/x ${'中'.repeat(20)}` })).toBeUndefined();
  });

  it('GIVEN something that is not a command line THEN it is not encoded', () => {
    expect(encodeAction({ command: 'apy' })).toBeUndefined();
    expect(encodeAction({ command: '/' })).toBeUndefined();
    expect(encodeAction({ command: '/apy\nseMetis' })).toBeUndefined();
  });

  it.each([
    ['0e/apy', 'stale'],
    ['2n/apy seMetis', 'stale'],
    ['1x/apy', 'invalid'],
    ['1eapy', 'invalid'],
    ['garbage', 'invalid'],
    ['', 'invalid'],
    ['1e/', 'invalid'],
    ['1e/apy\u0000', 'invalid'],
    [`1e/${'a'.repeat(120)}`, 'invalid'],
  ])('GIVEN pressed data %j THEN %s, never an exception', (data, reason) => {
    expect(decodeAction(data)).toEqual({ ok: false, reason });
  });

  it('GIVEN any data at all THEN decoding answers and never throws; what it accepts re-encodes to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (data) => {
        const decoded = decodeAction(data);
        if (decoded.ok) expect(encodeAction(decoded) ?? data).toBe(data);
      }),
      { numRuns: 300 },
    );
  });
});
