import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { createCommandGate, rateLimitedReply, type CommandObserver } from '../../commands/commandGate.ts';
import { commandNameOf } from '../../commands/registry.ts';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { SlidingWindowLimiter } from '../../src/core/slidingWindowLimiter.ts';
import { context } from '../commands/snapshotFixture.ts';

const text = (reply: Reply | undefined) => reply?.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');

describe('SlidingWindowLimiter', () => {
  it('GIVEN 3 a minute THEN the 4th in the window is refused until the oldest leaves it', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    for (const t of [0, 10_000, 20_000]) {
      now = t;
      expect(limiter.take('u')).toEqual({ allowed: true });
    }
    now = 30_000;
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 30_000, firstRefusal: true });
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 30_000, firstRefusal: false });
    now = 59_999;
    expect(limiter.take('u').allowed).toBe(false);
    now = 60_000; // the request at 0 is out of the window (60,000 ms after it)
    expect(limiter.take('u')).toEqual({ allowed: true });
    now = 60_001;
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 9_999, firstRefusal: true });
  });

  it('GIVEN a burst at the end of one minute THEN the start of the next does not allow another full burst', () => {
    let now = 59_000;
    const limiter = new SlidingWindowLimiter({ limit: 20, now: () => now });
    for (let i = 0; i < 20; i++) expect(limiter.take('u').allowed).toBe(true);
    now = 61_000;
    expect(limiter.take('u').allowed).toBe(false);
  });

  it('GIVEN keys THEN each has its own window', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, now: () => 0 });
    expect(limiter.take('telegram:1').allowed).toBe(true);
    expect(limiter.take('telegram:2').allowed).toBe(true);
    expect(limiter.take('discord:1').allowed).toBe(true);
    expect(limiter.take('telegram:1').allowed).toBe(false);
  });

  it('GIVEN users who went quiet THEN they are forgotten after a window, so memory follows the active users', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter({ limit: 5, now: () => now });
    for (let user = 0; user < 1_000; user++) limiter.take(`u${user}`);
    expect(limiter.size).toBe(1_000);
    now = 60_001;
    limiter.take('late');
    expect(limiter.size).toBe(1);
  });

  it('GIVEN a flood of distinct users THEN at most maxKeys are kept', () => {
    const limiter = new SlidingWindowLimiter({ limit: 5, maxKeys: 100, now: () => 0 });
    for (let user = 0; user < 10_000; user++) limiter.take(`u${user}`);
    expect(limiter.size).toBe(100);
  });

  it('GIVEN limit 0 THEN everything passes and nothing is kept', () => {
    const limiter = new SlidingWindowLimiter({ limit: 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.size).toBe(0);
    expect(() => new SlidingWindowLimiter({ limit: -1 })).toThrow(RangeError);
  });
});

describe('commandNameOf', () => {
  it('GIVEN text THEN the command name as handleCommandText reads it, or undefined', () => {
    expect(commandNameOf('/apy seMetis')).toBe('apy');
    expect(commandNameOf('  /APY@metis_bot  x', 'metis_bot')).toBe('APY');
    expect(commandNameOf('/apy@other_bot', 'metis_bot')).toBeUndefined();
    expect(commandNameOf('hello /apy')).toBeUndefined();
    expect(commandNameOf('/')).toBe('');
  });
});

describe('createCommandGate', () => {
  function setup(limit = 2) {
    let now = 0;
    const served: { platform: string; command: string; outcome: string; seconds: number }[] = [];
    const observer: CommandObserver = { commandServed: (p) => served.push(p) };
    const gate = createCommandGate({ rateLimitPerMinute: limit, observer, now: () => now });
    return { gate, served, tick: (ms: number) => (now += ms) };
  }
  const apy = () => handleCommandText('/apy', context);

  it('GIVEN a user over the limit THEN one polite reply, then silence until the window has room', async () => {
    const { gate, served, tick } = setup();
    const request = { platform: 'telegram' as const, userId: 42, command: 'apy' };
    expect((await gate.serve(request, apy))?.kind).toBe('answer');
    expect((await gate.serve(request, apy))?.kind).toBe('answer');
    const refused = await gate.serve(request, apy);
    expect(refused?.kind).toBe('usage');
    expect(text(refused)).toBe('You are sending commands faster than I answer them (at most 2 a minute). Please try again in 1m.');
    expect(await gate.serve(request, apy)).toBeUndefined();
    // Another user, and the same user on another platform, are not affected.
    expect((await gate.serve({ ...request, userId: 43 }, apy))?.kind).toBe('answer');
    expect((await gate.serve({ ...request, platform: 'discord' }, apy))?.kind).toBe('answer');
    tick(60_000);
    expect((await gate.serve(request, apy))?.kind).toBe('answer');
    expect(served.map((s) => `${s.platform}:${s.command}:${s.outcome}`)).toEqual([
      'telegram:apy:answer', 'telegram:apy:answer', 'telegram:apy:limited', 'telegram:apy:limited',
      'telegram:apy:answer', 'discord:apy:answer', 'telegram:apy:answer',
    ]);
  });

  it('GIVEN answerEveryRefusal (Discord interactions must be answered) THEN every refused command gets the reply', async () => {
    const { gate } = setup(1);
    const request = { platform: 'discord' as const, userId: '5', command: 'status', answerEveryRefusal: true };
    await gate.serve(request, apy);
    expect((await gate.serve(request, apy))?.kind).toBe('usage');
    expect((await gate.serve(request, apy))?.kind).toBe('usage');
  });

  it('GIVEN the console THEN it is never limited but still counted', async () => {
    const { gate, served } = setup(1);
    for (let i = 0; i < 5; i++) expect((await gate.serve({ platform: 'console', userId: 'console', command: 'apy' }, apy))?.kind).toBe('answer');
    expect(served).toHaveLength(5);
  });

  it('GIVEN unknown names, usage replies and failures THEN the label is bounded and the outcome says what happened', async () => {
    const { gate, served } = setup(100);
    const request = { platform: 'telegram' as const, userId: 1, command: 'x'.repeat(40) };
    await gate.serve(request, () => handleCommandText(`/${'x'.repeat(40)}`, context));
    await expect(gate.serve({ ...request, command: 'status' }, () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    await gate.serve({ ...request, command: 'apy' }, async () => apy());
    expect(served.map((s) => `${s.command}:${s.outcome}`)).toEqual(['unknown:usage', 'status:error', 'apy:answer']);
    expect(served.every((s) => s.seconds >= 0 && s.seconds < 1)).toBe(true);
  });

  it('GIVEN retry times THEN the polite reply rounds up to whole seconds', () => {
    expect(text(rateLimitedReply(20, 1))).toContain('try again in 1s');
    expect(text(rateLimitedReply(20, 12_400))).toContain('try again in 13s');
  });
});
