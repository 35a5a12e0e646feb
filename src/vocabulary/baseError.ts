/**
 * The base of every error class of ours, in the shape of viem's `BaseError`: a one-line `shortMessage` for logs
 * and /status, optional `details` and `metaMessages` below it, the `cause` it wraps, and `walk()` down the cause
 * chain, which also crosses errors that are not ours (viem's, Node's). Code branches on the class (`instanceof`)
 * or on its typed fields, never on the words of a message.
 */

export interface BaseErrorOptions {
  readonly cause?: unknown;
  /** A longer explanation, shown after the short message as `Details: …`. */
  readonly details?: string;
  /** Extra lines shown between the short message and the details (one fact a line). */
  readonly metaMessages?: readonly string[];
}

/** Causes followed at most: a chain longer than this is a cycle or a mistake, not information. */
const MAX_DEPTH = 16;

/** The error and its causes, outermost first, following `cause` through any error (ours or not); cycles are cut. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let node: unknown = error; node !== undefined && node !== null && chain.length < MAX_DEPTH && !chain.includes(node); ) {
    chain.push(node);
    node = typeof node === 'object' && 'cause' in node ? node.cause : undefined;
  }
  return chain;
}

/**
 * viem's `walk`, for any thrown value: with a predicate, the first error of the chain it accepts (or undefined);
 * without one, the innermost cause.
 */
export function walkCauses<T>(error: unknown, predicate: (error: unknown) => error is T): T | undefined;
export function walkCauses(error: unknown, predicate?: (error: unknown) => boolean): unknown;
export function walkCauses(error: unknown, predicate?: (error: unknown) => boolean): unknown {
  const chain = causeChain(error);
  return predicate ? chain.find(predicate) : chain.at(-1);
}

/** The base of our error classes; each subclass sets a stable `name` that logs and tests can rely on. */
export class BaseError extends Error {
  override name = 'BaseError';
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly metaMessages: readonly string[] | undefined;

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    const lines = [shortMessage, ...(options.metaMessages ?? []), ...(options.details ? [`Details: ${options.details}`] : [])];
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = options.details;
    this.metaMessages = options.metaMessages;
  }

  /** The first error of this one's cause chain (itself included) that `predicate` accepts; the innermost without one. */
  walk<T>(predicate: (error: unknown) => error is T): T | undefined;
  walk(predicate?: (error: unknown) => boolean): unknown;
  walk(predicate?: (error: unknown) => boolean): unknown {
    return predicate ? walkCauses(this, predicate) : walkCauses(this);
  }
}
