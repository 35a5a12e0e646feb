import { describe, expect, it } from 'vitest';
import { ChatRateLimiter, SlidingWindow } from '../../src/delivery/rateLimiter.ts';

describe('SlidingWindow', () => {
  it('GIVEN 3 a second THEN the 4th waits until the first answer leaves the window', () => {
    const w = new SlidingWindow(3, 1000);
    for (const t of [0, 100, 200]) {
      expect(w.wait(t)).toBe(0);
      w.begin();
      w.end(t + 50); // answered 50 ms later: counted from the answer
    }
    expect(w.wait(300)).toBe(750); // the first answer (50) leaves at 1050
    expect(w.wait(1049)).toBe(1);
    expect(w.wait(1050)).toBe(0);
  });

  it('GIVEN every place taken by a send in flight THEN no time frees one (Infinity) until an answer comes', () => {
    const w = new SlidingWindow(2, 1000);
    w.begin();
    w.begin();
    expect(w.wait(0)).toBe(Number.POSITIVE_INFINITY);
    expect(w.wait(60_000)).toBe(Number.POSITIVE_INFINITY);
    w.end(60_010);
    expect(w.wait(60_010)).toBe(1000); // one answered (its window runs to 61_010), one still in flight
    expect(w.wait(61_010)).toBe(0);
  });

  it('GIVEN a mix THEN in-flight sends count as in the window', () => {
    const w = new SlidingWindow(2, 1000);
    w.begin();
    w.end(10);
    expect(w.wait(20)).toBe(0);
    w.begin();
    expect(w.wait(20)).toBe(990);
    expect(w.empty).toBe(false);
    w.end(30);
    expect(w.wait(2000)).toBe(0);
    expect(w.empty).toBe(true);
  });
});

describe('ChatRateLimiter', () => {
  const limits = { globalPerSecond: 2, perChatPerSecond: 1, perGroupPerMinute: 3 };

  it('GIVEN a chat at 1/s THEN the second send to it waits (scope chat) while other chats go', () => {
    const l = new ChatRateLimiter(limits);
    const a = l.tryAcquire('1', false, 0);
    expect(a.ok).toBe(true);
    if (a.ok) a.done(5);
    expect(l.tryAcquire('1', false, 10)).toEqual({ ok: false, scope: 'chat', waitMs: 995 });
    expect(l.tryAcquire('2', false, 10).ok).toBe(true);
  });

  it('GIVEN the platform full of sends in flight THEN it says so with an infinite wait (scope global)', () => {
    const l = new ChatRateLimiter(limits);
    expect(l.tryAcquire('1', false, 0).ok).toBe(true);
    expect(l.tryAcquire('2', false, 0).ok).toBe(true);
    expect(l.tryAcquire('3', false, 0)).toEqual({ ok: false, scope: 'global', waitMs: Number.POSITIVE_INFINITY });
  });

  it('GIVEN a group at 3 a minute THEN the 4th waits for the first to leave the minute, a finite wait', () => {
    const l = new ChatRateLimiter({ ...limits, globalPerSecond: 100, perChatPerSecond: 100 });
    for (const t of [0, 1_000, 2_000]) {
      const a = l.tryAcquire('-100', true, t);
      expect(a.ok).toBe(true);
      if (a.ok) a.done(t);
    }
    expect(l.tryAcquire('-100', true, 3_000)).toEqual({ ok: false, scope: 'chat', waitMs: 57_000 });
  });

  it('GIVEN a 429 THEN the chat is paused until retry_after, others are not', () => {
    const l = new ChatRateLimiter(limits);
    l.pause('7', 5_000);
    expect(l.tryAcquire('7', false, 1_000)).toEqual({ ok: false, scope: 'chat', waitMs: 4_000 });
    expect(l.tryAcquire('8', false, 1_000).ok).toBe(true);
    expect(l.tryAcquire('7', false, 5_000).ok).toBe(true);
  });
});
