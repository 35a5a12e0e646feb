import { randomBytes } from 'node:crypto';
import { english, type Translator } from '../src/i18n/translator.ts';
import { code, type Reply } from '../src/vocabulary/reply.ts';
import { styledMessage } from './styledMessage.ts';

/** A failure's reply and the reference that ties it to its log line. */
export interface CommandFailure {
  /** 8 hex characters, random: short enough to read out, and found in the log as the field `ref`. */
  readonly ref: string;
  readonly reply: Reply;
}

/**
 * The one reply, on every platform, to a command that failed unexpectedly: that something went wrong, and a
 * reference the operator can find in the log. Never the error itself (it may name a URL, a path or a value).
 * The platform logs the error with `ref` and sends `reply`, in the chat's language `t` (English when not given).
 * @example commandFailure(undefined, translator('zh-CN')) // a new reference, the reply in Chinese
 */
export function commandFailure(ref: string = randomBytes(4).toString('hex'), t: Translator = english): CommandFailure {
  return {
    ref,
    reply: { kind: 'usage', blocks: [{ kind: 'paragraph', parts: styledMessage({ ref: code(ref) }, (m) => t('usage-failure', { ref: m.ref! })) }] },
  };
}
