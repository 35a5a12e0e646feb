import type { Translator } from '../src/i18n/translator.ts';
import type { Subscription } from '../src/store/subscriptionStore.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { activeSubscriptions, subscriptionStatus } from './subscriptionStatus.ts';

/** The word in /unsubscribe's slot that asks what to stop instead of stopping it: `/unsubscribe pick`. */
export const PICK_WHAT = 'pick';

/** The command line of the choice (the /subscribe menu's Unsubscribe… button). */
export const UNSUBSCRIBE_PICK = `/unsubscribe ${PICK_WHAT}`;

/**
 * `/unsubscribe pick`: what the chat receives and a button per thing to stop, each the typed command, so a
 * press never stops more than its label says (the typed bare `/unsubscribe` stops both at once). Back: the
 * /subscribe menu. With nothing on, it says so, with Back only.
 * @param all the chat's subscriptions, active or not.
 */
export function unsubscribePicker(t: Translator, all: readonly Subscription[], now: number): Reply {
  const { digest, alerts } = activeSubscriptions(all);
  const back = { label: t('sub-button-back'), command: '/subscribe', edit: true };
  if (!digest && !alerts) {
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t('sub-stop-nothing')] }], controls: [{ kind: 'buttons', actions: [back] }] };
  }
  return {
    kind: 'answer',
    blocks: [{ kind: 'paragraph', parts: [t('sub-stop-question')] }, ...subscriptionStatus(t, all, now)],
    controls: [
      {
        kind: 'buttons',
        actions: [
          { label: t('sub-button-stop-digest'), command: '/unsubscribe digest', edit: true },
          { label: t('sub-button-stop-alerts'), command: '/unsubscribe alerts', edit: true },
          { label: t('sub-button-stop-both'), command: '/unsubscribe all', edit: true },
        ],
      },
      { kind: 'buttons', actions: [back] },
    ],
  };
}
