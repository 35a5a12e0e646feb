import { EVERYTHING } from '../src/alerts/chatGroups.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Subscription } from '../src/store/subscriptionStore.ts';
import { deactivationNotice } from '../src/subscriptions/deactivationNotice.ts';
import { currentTimeZoneName } from '../src/subscriptions/timeZoneName.ts';
import type { Block } from '../src/vocabulary/reply.ts';

/** What an alerts subscription covers: its names, "every source" for none or `all`. */
const alertsCover = (t: Translator, assets: readonly string[]): string =>
  assets.length === 0 ? t('sub-every-source') : assets.map((a) => (a === EVERYTHING ? t('sub-every-source') : a)).join(', ');

/** The chat's active digest and alerts subscriptions. */
export function activeSubscriptions(all: readonly Subscription[]): { digest?: Subscription; alerts?: Subscription } {
  const active = all.filter((s) => s.active);
  const digest = active.find((s) => s.kind === 'digest');
  const alerts = active.find((s) => s.kind === 'alerts');
  return { ...(digest ? { digest } : {}), ...(alerts ? { alerts } : {}) };
}

/**
 * What this chat receives, one line each (digest with its time, alerts with what for), and why a failed delivery
 * turned something off: the head of the /subscribe menu and of the /unsubscribe choice.
 * @param all the chat's subscriptions, active or not.
 */
export function subscriptionStatus(t: Translator, all: readonly Subscription[], now: number): Block[] {
  const { digest, alerts } = activeSubscriptions(all);
  const digestLine = digest
    ? t('sub-menu-digest-on', { time: digest.digestTime ?? '', zone: digest.timeZone ? currentTimeZoneName(digest.timeZone) : '' })
    : t('sub-menu-digest-off');
  const alertsLine = alerts ? t('sub-menu-alerts-on', { assets: alertsCover(t, alerts.assets) }) : t('sub-menu-alerts-off');
  const turnedOff = deactivationNotice(all, now, t);
  return [
    { kind: 'list', items: [[digestLine], [alertsLine]] },
    ...(turnedOff === undefined ? [] : [{ kind: 'paragraph' as const, parts: [turnedOff] }]),
  ];
}
