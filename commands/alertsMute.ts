import { knownName } from './knownName.ts';
import { utcDayTime } from '../src/core/utcDayTime.ts';
import { RULES } from '../src/alerts/ruleList.ts';
import { haltTargetId } from '../src/alerts/rules/haltRule.ts';
import { sequencerAsset } from '../src/alerts/rules/sequencerNames.ts';
import { TOWER_SOURCE_ID } from '../src/figures/leverageChanges.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';
import type { Action, Inline } from '../src/vocabulary/reply.ts';
import { translatorOf, type ArgumentValues, type ChatInfo, type CommandContext } from './command.ts';
import { UserError } from './userError.ts';

/** A mute lasts this many hours unless the command says otherwise, at most a week. */
export const MUTE_HOURS = { default: 24, min: 1, max: 168 } as const;

/** Every rule a chat gets alerts of, by the name the alert engine stores (level and notice rules alike). */
export const mutableRules = (): string[] => RULES.map((r) => r.name);

/** Every source an alert can be about, as alerts name it: sources, the tower, chains (halts), single sequencers. */
export function muteSources(context: CommandContext): string[] {
  const snapshot = context.snapshot();
  return [
    ...snapshot.sources.map((s) => s.id),
    TOWER_SOURCE_ID,
    ...snapshot.chains.map((c) => haltTargetId(c.id)),
    ...(snapshot.sequencers?.rows.map((r) => sequencerAsset(r.seqId)) ?? []),
  ];
}

/**
 * `/alerts mute <rule> <source> [hours]`: no message of that rule about that source in this chat for the
 * hours given (24 by default); the answer has an Undo button.
 */
export function muteAlert(args: ArgumentValues, context: CommandContext, chat: ChatInfo, service: SubscriptionService): { parts: Inline[]; undo: Action } {
  if (typeof args.rule !== 'string') throw new UserError('missing-argument', { option: 'rule' });
  if (typeof args.source !== 'string') throw new UserError('missing-argument', { option: 'source' });
  const rule = knownName('rule', args.rule, mutableRules());
  const source = knownName('source', args.source, muteSources(context));
  const hours = typeof args.value === 'number' ? args.value : MUTE_HOURS.default;
  if (hours < MUTE_HOURS.min || hours > MUTE_HOURS.max) throw new UserError('out-of-range', { option: 'hours', value: hours, min: MUTE_HOURS.min, max: MUTE_HOURS.max });
  const now = context.now();
  const until = now + hours * 3_600_000;
  service.store.mute(chat.platform, chat.chatId, { rule, sourceId: source, until });
  const t = translatorOf(context);
  const parts = [t('alerts-mute-done', { rule, source, hours: String(hours), until: utcDayTime(until, now) })];
  return { parts, undo: { label: t('alerts-button-undo'), command: `/alerts unmute ${rule} ${source}`, edit: true } };
}

/**
 * `/alerts unmute [<rule> <source>]`: ends one mute, or every mute of the chat. Names are not checked against
 * the current sources: a mute of a source the config no longer has can still be ended.
 */
export function unmuteAlert(args: ArgumentValues, context: CommandContext, chat: ChatInfo, service: SubscriptionService): string {
  const t = translatorOf(context);
  const now = context.now();
  if (args.rule === undefined && args.source === undefined) {
    const count = service.store.unmute(chat.platform, chat.chatId, now);
    return count === 0 ? t('alerts-unmute-none') : t('alerts-unmute-all', { count: String(count) });
  }
  if (typeof args.rule !== 'string') throw new UserError('missing-argument', { option: 'rule' });
  if (typeof args.source !== 'string') throw new UserError('missing-argument', { option: 'source' });
  // The stored spelling: a mute is stored as its button or a typed command named it, canonical either way.
  const running = service.store.mutes(chat.platform, chat.chatId, now);
  const mute = running.find((m) => m.rule.toLowerCase() === String(args.rule).toLowerCase() && m.sourceId.toLowerCase() === String(args.source).toLowerCase());
  const which = { rule: mute?.rule ?? args.rule, source: mute?.sourceId ?? args.source };
  const count = mute ? service.store.unmute(chat.platform, chat.chatId, now, { rule: mute.rule, sourceId: mute.sourceId }) : 0;
  return t(count === 0 ? 'alerts-unmute-not-muted' : 'alerts-unmute-one', which);
}
