/** The chat platforms that connect over the network (the console is always there). */
import type { ConnectedPlatform } from '../vocabulary/platform.ts';

/**
 * `starting`: the first connection attempt is under way. `up`: answering commands. `down`: unreachable for
 * now, being retried. `stopped`: given up until a person acts (the platform rejected the token).
 */
export type PlatformState = 'starting' | 'up' | 'down' | 'stopped';

/** What /healthz says about one platform. */
export interface PlatformStatusReport {
  readonly state: PlatformState;
  /** When it entered this state (ISO). */
  readonly since: string;
  /** Why it is down or stopped (secrets scrubbed); the last failure, kept after it came up again. */
  readonly lastError?: string;
  /** When the next connection attempt is due (ISO), while down. */
  readonly retryAt?: string;
}

/**
 * The connection state of one platform, written by its supervisor and adapter, read by /healthz, the
 * metrics and the outbox (messages for a platform that is not up wait for it).
 */
export class PlatformStatus {
  private current: PlatformState = 'starting';
  private sinceMs: number;
  private error: string | undefined;
  private retryAtMs: number | undefined;
  private readonly listeners: ((state: PlatformState) => void)[] = [];

  /**
   * @param scrub removes secrets from error text (grammY's errors can carry the request URL, token included)
   */
  constructor(
    readonly platform: ConnectedPlatform,
    private readonly now: () => number = Date.now,
    private readonly scrub: (text: string) => string = (text) => text,
  ) {
    this.sinceMs = now();
  }

  get state(): PlatformState {
    return this.current;
  }

  /** Connected and answering. */
  up(): void {
    this.retryAtMs = undefined;
    this.enter('up');
  }

  /** Unreachable for now; `retryAt` (unix ms) when the next attempt is due, if the supervisor schedules one. */
  down(error: string, retryAt?: number): void {
    this.error = this.scrub(error);
    this.retryAtMs = retryAt;
    this.enter('down');
  }

  /** Given up: no more attempts until a restart. */
  stopped(error: string): void {
    this.error = this.scrub(error);
    this.retryAtMs = undefined;
    this.enter('stopped');
  }

  /** Called with the new state on every change. */
  onChange(listener: (state: PlatformState) => void): void {
    this.listeners.push(listener);
  }

  report(): PlatformStatusReport {
    return {
      state: this.current,
      since: new Date(this.sinceMs).toISOString(),
      ...(this.error !== undefined ? { lastError: this.error } : {}),
      ...(this.retryAtMs !== undefined ? { retryAt: new Date(this.retryAtMs).toISOString() } : {}),
    };
  }

  private enter(state: PlatformState): void {
    if (state === this.current) return;
    this.current = state;
    this.sinceMs = this.now();
    for (const listener of this.listeners) listener(state);
  }
}
