import { utcDayTime } from '../core/utcDayTime.ts';
import { english, type Translator } from '../i18n/translator.ts';
import type { Subscription } from '../store/subscriptionStore.ts';
import type { Platform } from '../vocabulary/platform.ts';

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { telegram: 'sub-platform-name-telegram', discord: 'sub-platform-name-discord', console: 'sub-platform-name-console' };

/**
 * The platform's answer in a person's words: Telegram's "403 Forbidden: bot was blocked by the user" becomes
 * "Telegram answered 403: bot was blocked by the user" (the status word repeats the code); an answer without a
 * status code (no HTTP answer at all) is quoted as the error it was. The platform's own words stay as it said them.
 * @example platformAnswer('telegram', '403 Forbidden: bot was blocked by the user') // 'Telegram answered 403: bot was blocked by the user'
 */
export function platformAnswer(platform: Platform, error: string, t: Translator = english): string {
  const name = t(PLATFORM_NAMES[platform]);
  const status = /^(\d{3}) (?:(?:Forbidden|Bad Request|Not Found|Unauthorized): )?(.*)$/s.exec(error);
  return status ? t('sub-platform-answered', { platform: name, status: status[1]!, text: status[2]! }) : t('sub-platform-failed', { platform: name, error });
}

/**
 * Why this chat's subscriptions are off, when a failed delivery turned them off (not when the chat unsubscribed):
 * "Alerts and digest were turned off on 2 Dec 14:05 UTC because Telegram answered 403: bot was blocked by the
 * user. To turn them back on: /subscribe alerts, /subscribe digest." Undefined when none was.
 * @param subscriptions the chat's subscriptions, active or not.
 */
export function deactivationNotice(subscriptions: readonly Subscription[], now: number, t: Translator = english): string | undefined {
  const off = subscriptions.filter((s) => !s.active && s.deactivated !== undefined).sort((a, b) => (a.kind === 'alerts' ? -1 : b.kind === 'alerts' ? 1 : 0));
  const latest = off.reduce<Subscription | undefined>((a, s) => (a === undefined || s.deactivated!.at > a.deactivated!.at ? s : a), undefined);
  if (latest === undefined) return undefined;
  const args = {
    date: utcDayTime(latest.deactivated!.at, now),
    reason: platformAnswer(latest.platform, latest.deactivated!.reason, t),
    commands: off.map((s) => `/subscribe ${s.kind}`).join(', '),
  };
  if (off.length >= 2) return t('sub-off-both', args);
  return t(off[0]!.kind === 'alerts' ? 'sub-off-alerts' : 'sub-off-digest', args);
}
