import { translator, type Translator } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Reply } from '../vocabulary/reply.ts';

/** What the "Mute 24 h" button runs: the `/alerts mute <rule> <source>` a chat could type (24 h by default). */
export const muteCommand = (rule: string, sourceId: string): string => `/alerts mute ${rule} ${sourceId}`;
export const UNSUBSCRIBE_ALERTS = '/unsubscribe alerts';

/** An alert or notice with its buttons: mute this rule about this source for 24 h, or stop the chat's alerts. */
export function withAlertButtons(reply: Reply, t: Translator, rule: string, sourceId: string): Reply {
  const actions = [
    { label: t('alert-button-mute'), command: muteCommand(rule, sourceId) },
    { label: t('alert-button-unsubscribe'), command: UNSUBSCRIBE_ALERTS },
  ];
  return { ...reply, controls: [{ kind: 'buttons', actions }] };
}

/**
 * A message for many chats in each chat's language: built, with its buttons, the first time a language is asked
 * for and then the same object for every chat of that language (the outbox serialises it once).
 */
export function perLanguage(rule: string, sourceId: string, build: (t: Translator) => Reply): (locale: Locale) => Reply {
  const built = new Map<Locale, Reply>();
  return (locale) => {
    let reply = built.get(locale);
    if (!reply) {
      const t = translator(locale);
      built.set(locale, (reply = withAlertButtons(build(t), t, rule, sourceId)));
    }
    return reply;
  };
}
