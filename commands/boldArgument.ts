import type { MessageArgs, Translator } from '../src/i18n/translator.ts';
import { bold, type Inline } from '../src/vocabulary/reply.ts';

/** Stands in for the bold argument while the message is formatted (a private-use character no text carries). */
const MARK = '\uE000';

/**
 * A message with one of its arguments shown bold, wherever the language puts it in the sentence:
 * `boldArgument(t, 'sub-subscribed-alerts', { what: 'alerts', assets: 'eMetis' }, 'what')`
 * → ['Subscribed: ', bold('alerts'), ' for eMetis. …'].
 */
export function boldArgument(t: Translator, id: string, args: MessageArgs, name: string): Inline[] {
  const [before = '', after = ''] = t(id, { ...args, [name]: MARK }).split(MARK);
  return [before, bold(String(args[name])), after].filter((part) => part !== '');
}
