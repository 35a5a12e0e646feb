import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log/logger.ts';
import { EXIT_SHUTDOWN_FAILED, handleShutdown } from '../../src/ops/shutdown.ts';

describe('handleShutdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(stop: () => Promise<void>) {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const shutdown = handleShutdown({ stop, logger: silentLogger, exit: (code) => exits.push(code), signalSource: signals as unknown as Pick<NodeJS.Process, 'on' | 'off'> });
    return { signals, exits, shutdown };
  }

  it('GIVEN SIGTERM and a stop that finishes THEN exit 0, once', async () => {
    const stop = vi.fn(async () => {});
    const { signals, exits } = setup(stop);
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.runAllTimersAsync();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([0]);
  });

  it('GIVEN a stop that hangs THEN the process exits non-zero at the 10 s deadline, not before', async () => {
    const { signals, exits } = setup(() => new Promise<void>(() => {}));
    signals.emit('SIGINT', 'SIGINT');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([EXIT_SHUTDOWN_FAILED]);
  });

  it('GIVEN a stop that fails THEN exit non-zero', async () => {
    const { signals, exits } = setup(() => Promise.reject(new Error('database is locked')));
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.runAllTimersAsync();
    expect(exits).toEqual([EXIT_SHUTDOWN_FAILED]);
  });

  it('GIVEN a second signal while stopping THEN exit at once', async () => {
    const { signals, exits } = setup(() => new Promise<void>(() => {}));
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([EXIT_SHUTDOWN_FAILED]);
  });

  it('GIVEN the end of the console chat THEN the same stop runs without exiting, and a later signal joins it', async () => {
    let finish = () => {};
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { exits, shutdown } = setup(stop);
    const done = shutdown.run('end of input');
    const again = shutdown.run('end of input');
    finish();
    await Promise.all([done, again]);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([]);
    shutdown.dispose();
  });
});
