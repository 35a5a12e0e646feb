import { describe, expect, it } from 'vitest';
import { ChatRateLimiter, EvenPacer, SlidingWindow } from '../../src/delivery/rateLimiter.ts';

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

describe('EvenPacer', () => {
  it('GIVEN one send every 100 ms THEN the next waits out the interval, and a late send moves the schedule', () => {
    const p = new EvenPacer(100);
    expect(p.wait(0)).toBe(0);
    p.take(0);
    expect(p.wait(50)).toBe(50);
    expect(p.wait(100)).toBe(0);
    p.take(130); // late: the schedule restarts from the send, never bunching up sends to catch up
    expect(p.wait(200)).toBe(30);
    expect(p.idle(229)).toBe(false);
    expect(p.idle(230)).toBe(true);
  });

  it('GIVEN a tolerance of 10 ms THEN a send may go up to 10 ms early, never earlier', () => {
    const p = new EvenPacer(100, 10);
    p.take(0);
    expect(p.wait(89)).toBe(1);
    expect(p.wait(90)).toBe(0);
  });
});

describe('ChatRateLimiter', () => {
  const limits = { globalPerSecond: 2, perChatPerSecond: 1, perGroupPerMinute: 3 };

  it('GIVEN a chat at 1/s THEN the second send to it waits (scope chat); another chat waits for the even global pace', () => {
    const l = new ChatRateLimiter(limits);
    const a = l.tryAcquire('1', false, 0);
    expect(a.ok).toBe(true);
    if (a.ok) a.done(5);
    // The window counts from the answer (5 + 1000), the chat's pace from the start (1000): the later wins.
    expect(l.tryAcquire('1', false, 10)).toEqual({ ok: false, scope: 'chat', waitMs: 995 });
    // 2 a second globally is one send each 500 ms, allowed 16 ms early: 484 − 10.
    expect(l.tryAcquire('2', false, 10)).toEqual({ ok: false, scope: 'global', waitMs: 474 });
    expect(l.tryAcquire('2', false, 484).ok).toBe(true);
  });

  it('GIVEN the platform full of sends in flight THEN it says so with an infinite wait (scope global)', () => {
    const l = new ChatRateLimiter(limits);
    expect(l.tryAcquire('1', false, 0).ok).toBe(true);
    expect(l.tryAcquire('2', false, 500).ok).toBe(true);
    expect(l.tryAcquire('3', false, 1_000)).toEqual({ ok: false, scope: 'global', waitMs: Number.POSITIVE_INFINITY });
  });

  it('GIVEN a group at 3 a minute THEN its sends are 20 s apart, not three at once and a wait of a minute', () => {
    const l = new ChatRateLimiter({ ...limits, globalPerSecond: 100, perChatPerSecond: 100 });
    for (const t of [0, 20_000, 40_000]) {
      if (t > 0) expect(l.tryAcquire('-100', true, t - 1).ok).toBe(false);
      const a = l.tryAcquire('-100', true, t);
      expect(a.ok).toBe(true);
      if (a.ok) a.done(t);
    }
    expect(l.tryAcquire('-100', true, 41_000)).toEqual({ ok: false, scope: 'chat', waitMs: 19_000 });
    expect(l.tryAcquire('-100', true, 60_000).ok).toBe(true);
  });

  it('GIVEN 400 chats at 30/s, answered 20 ms after each send THEN one send each 33⅓ ms: at most 2 start within any 40 ms, 30 a second', () => {
    const l = new ChatRateLimiter({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const starts: number[] = [];
    const answers: { at: number; done: (now: number) => void }[] = [];
    let next = 0;
    for (let now = 0; next < 400; now++) {
      while (answers.length > 0 && answers[0]!.at <= now) answers.shift()!.done(now);
      const a = l.tryAcquire(String(next), false, now);
      if (a.ok) {
        starts.push(now);
        answers.push({ at: now + 20, done: a.done });
        next++;
      }
    }
    const mostWithin = (ms: number) => Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + ms).length));
    expect(mostWithin(40)).toBeLessThanOrEqual(2);
    expect(mostWithin(1000)).toBe(30);
    // 400 sends at 33⅓ ms: the last starts at 399 × 33⅓ ≈ 13,300 ms (1 ms ticks round each start up).
    expect(starts.at(-1)).toBeGreaterThanOrEqual(13_290);
    expect(starts.at(-1)).toBeLessThanOrEqual(13_700);
  });

  it('GIVEN a 429 THEN the chat is paused until retry_after, others are not', () => {
    const l = new ChatRateLimiter(limits);
    l.pause('7', 5_000);
    expect(l.tryAcquire('7', false, 1_000)).toEqual({ ok: false, scope: 'chat', waitMs: 4_000 });
    expect(l.tryAcquire('8', false, 1_000).ok).toBe(true);
    expect(l.tryAcquire('7', false, 5_000).ok).toBe(true);
  });
});
