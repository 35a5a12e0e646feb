/** Successful full-size requests in a row before the range doubles again. */
export const GROW_AFTER_SUCCESSES = 4;

/**
 * The block span of the next eth_getLogs request on one chain. Starts at `logsMaxRange`; a refusal (too
 * many blocks, results or bytes, or a timeout) shrinks it to what the provider suggested or to half the
 * refused span; after `growAfter` full-size successes in a row it doubles, up to `maxRange` again.
 * Result-count and size caps depend on how busy the blocks are, so a span refused once may pass later:
 * growing back keeps a quiet stretch from being read in needlessly small pieces.
 */
export class LogsRangeController {
  private current: number;
  private streak = 0;

  constructor(
    readonly maxRange: number,
    private readonly growAfter = GROW_AFTER_SUCCESSES,
  ) {
    if (!Number.isInteger(maxRange) || maxRange < 1) throw new RangeError(`logsMaxRange must be a positive integer, got ${maxRange}`);
    this.current = maxRange;
  }

  /** Blocks to ask for next (both ends included). */
  get size(): number {
    return this.current;
  }

  /**
   * A request over `span` blocks was refused. The next size is the provider's suggestion when it is smaller
   * than `span`, else half of `span` (rounded down).
   * @returns false when `span` was already a single block: nothing smaller exists.
   */
  refused(span: number, suggestedBlocks?: number): boolean {
    if (span <= 1) return false;
    const suggested = suggestedBlocks !== undefined && Number.isInteger(suggestedBlocks) && suggestedBlocks >= 1 && suggestedBlocks < span;
    this.current = suggested ? suggestedBlocks : Math.floor(span / 2);
    this.streak = 0;
    return true;
  }

  /**
   * A request over `span` blocks answered. Only spans of the full current size count towards growing: a
   * short read at the chain head says nothing about whether a larger one would pass.
   */
  succeeded(span: number): void {
    if (span < this.current) return;
    this.streak += 1;
    if (this.streak >= this.growAfter && this.current < this.maxRange) {
      this.current = Math.min(this.maxRange, this.current * 2);
      this.streak = 0;
    }
  }
}
