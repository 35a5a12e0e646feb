import type { MessageArgs, Translator } from '../src/i18n/translator.ts';
import { bold, type Inline } from '../src/vocabulary/reply.ts';
import { styledMessage } from './styledMessage.ts';

/**
 * A message with one of its arguments shown bold, wherever the language puts it in the sentence (the common
 * case of styledMessage): `boldArgument(t, 'sub-subscribed-alerts', { what: 'alerts', assets: 'eMetis' }, 'what')`
 * → ['Subscribed: ', bold('alerts'), ' for eMetis. …'].
 */
export function boldArgument(t: Translator, id: string, args: MessageArgs, name: string): Inline[] {
  return styledMessage({ [name]: bold(String(args[name])) }, (markers) => t(id, { ...args, ...markers }));
}
