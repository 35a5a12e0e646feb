export interface WaitUntilOptions {
  /** What is awaited, for the timeout's message ("an answer to /apy"). */
  readonly what: string;
  /** Default 10 s. */
  readonly timeoutMs?: number;
  /** How often the predicate is asked, ms (default 5). */
  readonly intervalMs?: number;
}

/**
 * Asks `predicate` until it returns something truthy and resolves with that value; rejects with
 * "timed out after N ms waiting for <what>" at the deadline, or with the predicate's own error when it throws
 * (a process that exited, say). For conditions no event announces; prefer an event where there is one.
 */
export async function waitUntil<T>(predicate: () => T | Promise<T>, options: WaitUntilOptions): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value as Exclude<T, false | 0 | '' | null | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 5));
  }
}
