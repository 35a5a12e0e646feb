import { randomBytes } from 'node:crypto';
import { code, type Reply } from '../src/vocabulary/reply.ts';

/** A failure's reply and the reference that ties it to its log line. */
export interface CommandFailure {
  /** 8 hex characters, random: short enough to read out, and found in the log as the field `ref`. */
  readonly ref: string;
  readonly reply: Reply;
}

/**
 * The one reply, on every platform, to a command that failed unexpectedly: that something went wrong, and a
 * reference the operator can find in the log. Never the error itself (it may name a URL, a path or a value).
 * The platform logs the error with `ref` and sends `reply`.
 */
export function commandFailure(ref: string = randomBytes(4).toString('hex')): CommandFailure {
  return {
    ref,
    reply: { kind: 'usage', blocks: [{ kind: 'paragraph', parts: ['Something went wrong answering that; it has been logged with the reference ', code(ref), '.'] }] },
  };
}
