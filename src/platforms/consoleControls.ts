import type { Translator } from '../i18n/translator.ts';
import type { Reply } from '../vocabulary/reply.ts';

/**
 * A reply's buttons as the console shows them: one line of each label beside the command it runs,
 * `Buttons: [seMetis] /apy seMetis · [eMetis] /apy eMetis`, so the typed equivalent can be typed. Undefined
 * when the reply has none.
 */
export function consoleControlsLine(reply: Reply, t: Translator): string | undefined {
  const actions = (reply.controls ?? []).flatMap((control) => control.actions);
  if (actions.length === 0) return undefined;
  return t('button-console-line', { buttons: actions.map((a) => `[${a.label}] ${a.command}`).join(' · ') });
}
