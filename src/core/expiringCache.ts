export interface ExpiringCacheOptions {
  /** How long an entry is trusted, ms. */
  readonly ttlMs: number;
  /** Most entries kept; past it the oldest written goes first. */
  readonly maxEntries: number;
  /** Wall clock, unix ms. */
  readonly now?: () => number;
}

/**
 * A small map whose entries expire `ttlMs` after they were written, with a bounded size (oldest written
 * evicted first), so a flood of distinct keys cannot grow it without end.
 * @example const cache = new ExpiringCache<boolean>({ ttlMs: 60_000, maxEntries: 10_000 });
 *          cache.set('chat:user', true); cache.get('chat:user') // true for a minute
 */
export class ExpiringCache<V> {
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** In order of writing (a rewrite moves the key to the end), so the first entries are the oldest. */
  private readonly entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();

  constructor(options: ExpiringCacheOptions) {
    if (!(options.ttlMs > 0)) throw new RangeError(`ttlMs must be above 0, not ${options.ttlMs}`);
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError(`maxEntries must be a whole number >= 1, not ${options.maxEntries}`);
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries;
    this.now = options.now ?? Date.now;
  }

  /** The value written less than `ttlMs` ago, else undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    // Entries are in order of expiry too (one ttl for all): drop the expired, then the oldest past the bound.
    const now = this.now();
    for (const [k, e] of this.entries) {
      if (e.expiresAt > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
    }
  }

  /** Entries kept (expired ones may still count until the next write). */
  get size(): number {
    return this.entries.size;
  }
}
