import { describe, expect, it } from 'vitest';
import { ExpiringCache } from '../../src/core/expiringCache.ts';

describe('ExpiringCache', () => {
  it('GIVEN a value written at t THEN it is returned until t + ttl, not at t + ttl', () => {
    let now = 1_000;
    const cache = new ExpiringCache<boolean>({ ttlMs: 60_000, maxEntries: 10, now: () => now });
    cache.set('a', true);
    now = 60_999;
    expect(cache.get('a')).toBe(true);
    now = 61_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('GIVEN a rewrite THEN the entry lives a full ttl from the rewrite', () => {
    let now = 0;
    const cache = new ExpiringCache<string>({ ttlMs: 100, maxEntries: 10, now: () => now });
    cache.set('a', 'first');
    now = 90;
    cache.set('a', 'second');
    now = 150;
    expect(cache.get('a')).toBe('second');
  });

  it('GIVEN more keys than maxEntries THEN the oldest written go first and the size stays bounded', () => {
    let now = 0;
    const cache = new ExpiringCache<number>({ ttlMs: 1_000_000, maxEntries: 3, now: () => now });
    for (let i = 0; i < 10; i++) {
      now = i;
      cache.set(`k${i}`, i);
    }
    expect(cache.size).toBe(3);
    expect(['k6', 'k7', 'k8', 'k9'].map((k) => cache.get(k))).toEqual([undefined, 7, 8, 9]);
  });

  it('GIVEN expired entries THEN a write drops them', () => {
    let now = 0;
    const cache = new ExpiringCache<number>({ ttlMs: 10, maxEntries: 100, now: () => now });
    for (let i = 0; i < 50; i++) cache.set(`k${i}`, i);
    now = 10;
    cache.set('fresh', 1);
    expect(cache.size).toBe(1);
  });

  it('GIVEN bad options THEN it refuses them', () => {
    expect(() => new ExpiringCache({ ttlMs: 0, maxEntries: 1 })).toThrow(/ttlMs/);
    expect(() => new ExpiringCache({ ttlMs: 1, maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
