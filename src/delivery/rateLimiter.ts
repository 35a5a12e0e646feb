/**
 * Sliding-window send limits, mirroring how Telegram counts: at most `max` sends in any window of
 * `windowMs`, counted where the server sees them arrive. We cannot see arrival, only that it lies between
 * our send and the answer: a send occupies the window from the moment it starts, and is recorded at the
 * time of its answer. Counting that way is never below the server's count, whatever the network jitter.
 */
export class SlidingWindow {
  private readonly times: number[] = [];
  private head = 0;
  private inflight = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Ms until a send is allowed (0 = now); Infinity while the window is full of sends not yet answered. */
  wait(now: number): number {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    const inWindow = this.times.length - this.head + this.inflight;
    if (inWindow < this.max) return 0;
    // Full: wait for the answered send that must leave the window first. When every send in it is still in
    // flight, no time frees a place: only an answer does (whose time then starts its own window).
    const index = this.times.length - (this.max - this.inflight);
    const oldest = index >= this.head && index < this.times.length ? this.times[index]! : undefined;
    return oldest === undefined ? Number.POSITIVE_INFINITY : Math.max(1, oldest + this.windowMs - now);
  }

  /** A send starts. */
  begin(): void {
    this.inflight++;
  }

  /** Its answer came at `now`. */
  end(now: number): void {
    this.inflight = Math.max(0, this.inflight - 1);
    this.times.push(Math.max(now, this.times.at(-1) ?? now));
  }

  get empty(): boolean {
    return this.inflight === 0 && this.head >= this.times.length;
  }
}

/**
 * Spreads sends evenly: one every `intervalMs`, each allowed up to `toleranceMs` early (the generic cell rate
 * algorithm). A window of N a second lets N sends leave in one burst, and a crash inside a burst repeats every
 * one of them; paced, only the sends of one round trip are ever in flight. The tolerance lets a send whose
 * timer fired late be followed at once by the next, so late timers do not lower the average rate.
 */
export class EvenPacer {
  /** When the next send is due on the even schedule. */
  private due = Number.NEGATIVE_INFINITY;

  constructor(
    readonly intervalMs: number,
    readonly toleranceMs = 0,
  ) {}

  /** Ms until the next send is allowed (0 = now). */
  wait(now: number): number {
    return Math.max(0, this.due - this.toleranceMs - now);
  }

  /** A send starts at `now`. */
  take(now: number): void {
    this.due = Math.max(this.due, now) + this.intervalMs;
  }

  /** Nothing scheduled ahead of `now`: safe to forget. */
  idle(now: number): boolean {
    return this.due <= now;
  }
}

export interface PlatformLimits {
  readonly globalPerSecond: number;
  readonly perChatPerSecond: number;
  readonly perGroupPerMinute: number;
}

/**
 * A slot: call `done` with the time the platform answered. Refused: how long to wait, and whether the whole
 * platform or only this chat is full; `waitMs` is Infinity when only an answer to a send in flight frees a place.
 */
export type Acquired = { readonly ok: true; readonly done: (now: number) => void } | { readonly ok: false; readonly scope: 'global' | 'chat'; readonly waitMs: number };

/** One limit: a sliding window that is never exceeded, and an even pace inside it. */
class PacedWindow {
  readonly window: SlidingWindow;
  readonly pacer: EvenPacer;

  constructor(max: number, windowMs: number, toleranceMs = 0) {
    this.window = new SlidingWindow(max, windowMs);
    this.pacer = new EvenPacer(windowMs / max, toleranceMs);
  }

  /** Ms until a send is allowed: the later of the window's and the pace's; Infinity as the window says. */
  wait(now: number): number {
    return Math.max(this.window.wait(now), this.pacer.wait(now));
  }

  begin(now: number): void {
    this.window.begin();
    this.pacer.take(now);
  }

  end(now: number): void {
    this.window.end(now);
  }

  empty(now: number): boolean {
    this.window.wait(now);
    return this.window.empty && this.pacer.idle(now);
  }
}

// The platform-wide pace may run 16 ms early (timers fire late on a busy loop), so late timers cost no
// throughput: at Telegram's 30/s (one send each 33 ms) two sends are at least 17 ms apart; at 1,000/s up to
// 17 may leave together.
const GLOBAL_TOLERANCE_MS = 16;

/**
 * Telegram's limits as three sliding windows: overall, per chat, per group (chat ids below zero), each paced
 * evenly inside (one send every 1/globalPerSecond, per chat every 1/perChatPerSecond, per group every
 * 60 s/perGroupPerMinute). A 429's retry_after pauses the chat it came from. No safety margin on the windows:
 * counting to the answer is already conservative.
 */
export class ChatRateLimiter {
  private readonly global: PacedWindow;
  private readonly chats = new Map<string, PacedWindow>();
  private readonly groups = new Map<string, PacedWindow>();
  private readonly pausedUntil = new Map<string, number>();
  private acquisitions = 0;

  constructor(private readonly limits: PlatformLimits) {
    const perSecond = Math.max(1, Math.floor(limits.globalPerSecond));
    this.global = new PacedWindow(perSecond, 1000, GLOBAL_TOLERANCE_MS);
  }

  /** Takes a send slot for the chat, or says how long to wait and whether the whole platform or only this chat is full. */
  tryAcquire(chatId: string, isGroup: boolean, now: number): Acquired {
    const paused = this.pausedUntil.get(chatId);
    if (paused !== undefined) {
      if (paused > now) return { ok: false, scope: 'chat', waitMs: paused - now };
      this.pausedUntil.delete(chatId);
    }
    const chat = this.window(this.chats, chatId, this.limits.perChatPerSecond, 1000);
    const chatWait = chat.wait(now);
    const group = isGroup ? this.window(this.groups, chatId, this.limits.perGroupPerMinute, 60_000) : undefined;
    const groupWait = group?.wait(now) ?? 0;
    if (chatWait > 0 || groupWait > 0) {
      // A chat full of unanswered sends is looked at again after its window (the worker sends one per chat at a time).
      const finite = (wait: number, windowMs: number) => (Number.isFinite(wait) ? wait : windowMs);
      return { ok: false, scope: 'chat', waitMs: Math.max(finite(chatWait, chat.window.windowMs), finite(groupWait, group?.window.windowMs ?? 0)) };
    }
    const globalWait = this.global.wait(now);
    if (globalWait > 0) return { ok: false, scope: 'global', waitMs: globalWait };
    this.global.begin(now);
    chat.begin(now);
    group?.begin(now);
    if (++this.acquisitions % 4096 === 0) this.prune(now);
    return {
      ok: true,
      done: (answeredAt) => {
        this.global.end(answeredAt);
        chat.end(answeredAt);
        group?.end(answeredAt);
      },
    };
  }

  pause(chatId: string, until: number): void {
    this.pausedUntil.set(chatId, Math.max(until, this.pausedUntil.get(chatId) ?? 0));
  }

  private window(map: Map<string, PacedWindow>, chatId: string, perWindow: number, windowMs: number): PacedWindow {
    let w = map.get(chatId);
    if (!w) map.set(chatId, (w = new PacedWindow(Math.max(1, Math.floor(perWindow)), windowMs)));
    return w;
  }

  /** Forgets chats with nothing in their windows, so 10,000 one-off chats do not stay in memory. */
  private prune(now: number): void {
    for (const map of [this.chats, this.groups]) {
      for (const [id, w] of map) if (w.empty(now)) map.delete(id);
    }
  }
}
