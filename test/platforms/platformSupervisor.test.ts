import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { PlatformStatus } from '../../src/ops/platformStatus.ts';
import { createPlatformSupervisor, type PlatformSupervisorOptions } from '../../src/platforms/platformSupervisor.ts';
import { createManualTimers } from '../helpers/manualTimers.ts';

class Refused extends Error {}

/**
 * The supervisor against a scripted connection: each attempt takes the next outcome ('ok', an error, or
 * 'silent' for a network that never answers). Timers are driven by hand; the clock is fixed.
 */
function setup(outcomes: ('ok' | 'silent' | Error)[], overrides: Partial<PlatformSupervisorOptions> = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const timers = createManualTimers();
  const status = new PlatformStatus('telegram', () => 1_000_000, (text) => text.replaceAll('SECRET', '[redacted]'));
  const calls = { connect: 0, disconnect: 0, up: 0 };
  const supervisor = createPlatformSupervisor({
    status,
    label: 'Telegram',
    logger,
    timers: timers.timers,
    random: () => 0,
    now: () => 1_000_000,
    connect: () => {
      calls.connect++;
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'ok') return Promise.resolve();
      if (outcome === 'silent') return new Promise<void>(() => {}); // only the supervisor's timeout ends it
      return Promise.reject(outcome);
    },
    disconnect: async () => {
      calls.disconnect++;
    },
    isRejected: (error) => error instanceof Refused,
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    rejectedHint: 'set a new token',
    onUp: () => calls.up++,
    ...overrides,
  });
  /** Lets the attempt a fired timer started run to its end. */
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { supervisor, status, timers, calls, lines, flush };
}

describe('createPlatformSupervisor', () => {
  it('GIVEN network failures THEN the start resolves at once, the platform is down, and retries wait 1 s, 2 s, 4 s … until it connects', async () => {
    const t = setup([new Error('connect ECONNREFUSED (SECRET)'), new Error('ECONNREFUSED'), new Error('ECONNREFUSED'), 'ok']);
    await t.supervisor.start();
    expect(t.status.report()).toEqual({ state: 'down', since: new Date(1_000_000).toISOString(), lastError: 'connect ECONNREFUSED ([redacted])', retryAt: new Date(1_001_000).toISOString() });
    expect(t.timers.pending()).toEqual([1_000]);
    t.timers.fireNext();
    await t.flush();
    expect(t.timers.pending()).toEqual([2_000]);
    t.timers.fireNext();
    await t.flush();
    expect(t.timers.pending()).toEqual([4_000]);
    t.timers.fireNext();
    await t.flush();
    expect(t.status.state).toBe('up');
    expect(t.calls).toEqual({ connect: 4, disconnect: 3, up: 1 });
    expect(t.lines.filter((l) => l.level === 'warn').map((l) => [l.failures, l.retryInSeconds])).toEqual([[1, 1], [2, 2], [3, 4]]);
    expect(t.lines.at(-1)).toMatchObject({ level: 'info', msg: 'Telegram connected', afterFailures: 3 });
    expect(t.timers.pending()).toEqual([]);
  });

  it('GIVEN a network that never answers THEN the attempt is abandoned after 20 s and retried', async () => {
    const t = setup(['silent', 'ok']);
    const start = t.supervisor.start();
    expect(t.timers.pending()).toEqual([20_000]);
    expect(t.timers.fireNext()).toBe(20_000);
    await start;
    expect(t.status.report()).toMatchObject({ state: 'down', lastError: 'no answer within 20 s' });
    t.timers.fireNext();
    await t.flush();
    expect(t.status.state).toBe('up');
  });

  it('GIVEN the token refused at the first attempt THEN the start rejects and nothing is retried', async () => {
    const t = setup([new Refused('401 Unauthorized')]);
    await expect(t.supervisor.start()).rejects.toBeInstanceOf(Refused);
    expect(t.status.report()).toMatchObject({ state: 'stopped', lastError: '401 Unauthorized' });
    expect(t.timers.pending()).toEqual([]);
  });

  it('GIVEN the token refused on a retry THEN the platform stops, logged at error, and is not retried', async () => {
    const t = setup([new Error('ECONNREFUSED'), new Refused('401 Unauthorized')]);
    await t.supervisor.start();
    t.timers.fireNext();
    await t.flush();
    expect(t.status.state).toBe('stopped');
    expect(t.lines.at(-1)).toMatchObject({ level: 'error', platform: 'telegram', error: '401 Unauthorized' });
    expect(t.lines.at(-1)?.msg).toContain('set a new token');
    expect(t.timers.pending()).toEqual([]);
  });

  it('GIVEN the connection lost mid-run THEN a refusal stops the platform and anything else reconnects with backoff', async () => {
    const t = setup(['ok', new Error('ECONNRESET'), 'ok']);
    await t.supervisor.start();
    t.supervisor.lost(new Error('409 Conflict'));
    await t.flush();
    expect(t.status.report()).toMatchObject({ state: 'down', lastError: '409 Conflict' });
    t.supervisor.lost(new Error('a second report of the same loss is ignored'));
    expect(t.timers.pending()).toEqual([1_000]);
    t.timers.fireNext();
    await t.flush();
    expect(t.timers.pending()).toEqual([2_000]);
    t.timers.fireNext();
    await t.flush();
    expect(t.status.state).toBe('up');
    t.supervisor.lost(new Refused('401 Unauthorized'));
    await t.flush();
    expect(t.status.report()).toMatchObject({ state: 'stopped', lastError: '401 Unauthorized' });
    expect(t.timers.pending()).toEqual([]);
  });

  it('GIVEN trouble the client retries itself THEN down while it lasts, the pauses grow, and the first answer brings it up', async () => {
    const t = setup(['ok']);
    await t.supervisor.start();
    t.supervisor.trouble(new Error('ETIMEDOUT'));
    expect(t.status.report()).toMatchObject({ state: 'down', lastError: 'ETIMEDOUT' });
    const first = t.supervisor.pause();
    expect(t.timers.pending()).toEqual([1_000]);
    t.timers.fireNext();
    await first;
    t.supervisor.trouble(new Error('ETIMEDOUT'));
    const aborted = new AbortController();
    const second = t.supervisor.pause(aborted.signal);
    expect(t.timers.pending()).toEqual([2_000]);
    aborted.abort(); // a stop does not wait for the pause
    await second;
    expect(t.timers.pending()).toEqual([]);
    t.supervisor.recovered();
    expect(t.status.state).toBe('up');
    expect(t.calls.up).toBe(2);
    expect(t.lines.at(-1)).toMatchObject({ level: 'info', msg: 'Telegram is reachable again', afterFailures: 2 });
  });

  it('GIVEN stop while a retry waits THEN the retry is cancelled and the platform disconnected', async () => {
    const t = setup([new Error('ECONNREFUSED')]);
    await t.supervisor.start();
    await t.supervisor.stop();
    expect(t.timers.pending()).toEqual([]);
    t.supervisor.lost(new Error('late'));
    t.supervisor.trouble(new Error('late'));
    expect(t.status.state).toBe('down');
    expect(t.calls.connect).toBe(1);
  });
});
