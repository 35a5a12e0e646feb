import { assetNames } from './assetNames.ts';
import { boldArgument } from './boldArgument.ts';
import { translatorOf, type ArgumentValues, type ChatInfo, type CommandContext, type CommandDefinition, type OptionSpec } from './command.ts';
import { digestTimePicker, PICK_WORD } from './digestTimePicker.ts';
import { resolveSequencer } from './resolveSequencer.ts';
import { knownName } from './knownName.ts';
import { EVERYTHING } from '../src/alerts/chatGroups.ts';
import { sequencerAsset } from '../src/alerts/rules/sequencerNames.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';
import { formatClock, parseClock } from '../src/subscriptions/localTime.ts';
import { currentTimeZoneName, resolveTimeZone } from '../src/subscriptions/timeZoneName.ts';
import { localeOfTag } from '../src/i18n/locale.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';
import { subscriptionMenu } from './subscriptionMenu.ts';
import { UserError } from './userError.ts';

/** Up to this many assets in one /subscribe alerts. */
const MAX_ASSETS = 4;
/** Their option names: asset, asset2, … */
const ASSET_OPTIONS = Array.from({ length: MAX_ASSETS }, (_, i) => (i === 0 ? 'asset' : `asset${i + 1}`));

/** What `/subscribe alerts` takes by name: every asset, the tower, the sequencers as a whole. */
const alertTargets = (context: CommandContext) => [...assetNames(context.snapshot()), 'tower', 'sequencers'];

const assetOption = (name: string): OptionSpec => ({
  name,
  type: 'string',
  // Free text: after "sequencer" comes a sequencer's name, id or address; the names are checked in run.
  parseText: (raw) => raw,
  suggestions: (context) => [...alertTargets(context), SEQUENCER_WORD, ...(context.snapshot().sequencers?.rows.map((r) => r.name) ?? [])],
});

/** The typed names as the known targets spell them; an unknown one is refused with the closest known name. */
function knownTargets(typed: readonly string[], context: CommandContext): string[] {
  const known = alertTargets(context);
  return typed.map((name) => knownName('asset', name, known));
}

/** `/subscribe alerts sequencer <name>`: that sequencer's own events, beside what the chat already gets. */
const SEQUENCER_WORD = 'sequencer';

/**
 * Adds one sequencer's own alerts to the chat's alerts subscription: a chat that had every source keeps it
 * (`all` beside the sequencer), a chat with a list gets the sequencer added to it.
 */
function subscribeSequencer(context: CommandContext, chat: ChatInfo, service: SubscriptionService, query: string): Reply {
  const t = translatorOf(context);
  const view = context.snapshot().sequencers;
  if (!view) return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [t('sub-no-sequencer-read')] }] };
  const resolved = resolveSequencer(view, query);
  if ('reply' in resolved) return resolved.reply;
  const { row } = resolved;
  const current = service.store.forChat(chat.platform, chat.chatId).find((s) => s.kind === 'alerts' && s.active);
  const kept = current === undefined ? [] : current.assets.length === 0 ? [EVERYTHING] : current.assets;
  const assets = [...new Set([...kept, sequencerAsset(row.seqId)])];
  service.store.subscribe({ platform: chat.platform, chatId: chat.chatId, kind: 'alerts', assets }, context.now());
  return {
    kind: 'answer',
    blocks: [
      {
        kind: 'paragraph',
        parts: boldArgument(t, 'sub-subscribed-sequencer', { what: t('sub-what-sequencer', { name: row.name }), seqId: row.seqId, hours: String(service.thresholds(chat).rewardStallHours) }, 'what'),
      },
    ],
  };
}

/**
 * A private chat that chose no language keeps its person's client language from now on: alerts and digests
 * come without a message to read it from. A group never follows one member's client.
 */
function rememberClientLanguage(chat: ChatInfo, service: SubscriptionService): void {
  if (chat.kind !== 'private' || service.store.language(chat.platform, chat.chatId) !== undefined) return;
  const locale = localeOfTag(chat.languageTag);
  if (locale !== undefined) service.store.setLanguage(chat.platform, chat.chatId, locale);
}

/** `/subscribe digest [HH:MM] [timezone]`, or the time picker with `pick` in the time's place. */
function subscribeDigest(args: ArgumentValues, context: CommandContext, chat: ChatInfo, service: SubscriptionService): Reply {
  const t = translatorOf(context);
  const current = service.store.forChat(chat.platform, chat.chatId).find((s) => s.kind === 'digest' && s.active);
  if (args.time === PICK_WORD) {
    // The picker's times are in the zone named, else the digest's own zone, else the default one.
    const zoneText = typeof args.timezone === 'string' ? args.timezone : (current?.timeZone ?? service.digestDefaults.timeZone);
    const zone = resolveTimeZone(zoneText);
    if (zone === undefined) throw new UserError('invalid-value', { option: 'timezone', value: zoneText, expected: t('sub-expected-timezone') });
    return digestTimePicker(t, zone.canonical, current !== undefined && current.timeZone !== undefined && currentTimeZoneName(current.timeZone) === zone.canonical ? current.digestTime : undefined);
  }
  const timeText = typeof args.time === 'string' ? args.time : service.digestDefaults.time;
  const minutes = parseClock(timeText);
  if (minutes === undefined) throw new UserError('invalid-value', { option: 'time', value: timeText, expected: t('sub-expected-time') });
  const zoneText = typeof args.timezone === 'string' ? args.timezone : service.digestDefaults.timeZone;
  const zone = resolveTimeZone(zoneText);
  if (zone === undefined) throw new UserError('invalid-value', { option: 'timezone', value: zoneText, expected: t('sub-expected-timezone') });
  const time = formatClock(minutes);
  service.store.subscribe({ platform: chat.platform, chatId: chat.chatId, kind: 'digest', digestTime: time, timeZone: zone.canonical }, context.now());
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: boldArgument(t, 'sub-subscribed-digest', { what: t('sub-what-digest'), time, zone: zone.typed }, 'what') }] };
}

/** `/subscribe alerts [asset …]` or `/subscribe alerts sequencer <name>`. */
function subscribeAlerts(assets: readonly string[], context: CommandContext, chat: ChatInfo, service: SubscriptionService): Reply {
  if (assets[0]?.toLowerCase() === SEQUENCER_WORD && assets.length > 1) return subscribeSequencer(context, chat, service, assets.slice(1).join(' '));
  const t = translatorOf(context);
  const unique = [...new Set(knownTargets(assets, context))];
  service.store.subscribe({ platform: chat.platform, chatId: chat.chatId, kind: 'alerts', assets: unique }, context.now());
  const what = unique.length === 0 ? t('sub-every-source') : unique.join(', ');
  return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: boldArgument(t, 'sub-subscribed-alerts', { what: t('sub-what-alerts'), assets: what }, 'what') }] };
}

/**
 * `/subscribe` alone (what the chat receives, with buttons), `/subscribe digest [HH:MM] [timezone]`,
 * `/subscribe digest pick [timezone]` (the time picker), `/subscribe alerts [asset …]` or
 * `/subscribe alerts sequencer <name>`.
 */
export const subscribeCommand: CommandDefinition = {
  name: 'subscribe',
  requiresManageChannels: true,
  usage: '/subscribe · /subscribe digest [HH:MM|pick] [timezone] · /subscribe alerts [asset …] · /subscribe alerts sequencer <name>',
  mutates: true,
  options: [
    // Optional only for the bare menu: any other word still needs it (checked in run).
    { name: 'kind', type: 'string', choices: () => ['digest', 'alerts'] },
    // Shape only (anything like 1:23); the range is checked in run so the message names the bad time. `pick`: the picker.
    { name: 'time', type: 'string', parseText: (raw) => (/^\d{1,3}:\d{1,3}$/.test(raw) ? raw : raw.toLowerCase() === PICK_WORD ? PICK_WORD : undefined), expected: 'HH:MM' },
    { name: 'timezone', type: 'string', parseText: (raw) => (/^([A-Za-z_]+\/[A-Za-z0-9_+\-/]+|UTC|GMT)$/i.test(raw) ? raw : undefined), expected: (t) => t('sub-expected-timezone') },
    ...ASSET_OPTIONS.map(assetOption),
  ],
  positionalByShape: ['kind', 'time', 'timezone', ...ASSET_OPTIONS],
  run(args, context): Reply {
    const access = subscriptionAccess(context, true);
    if ('refused' in access) return access.refused;
    const { chat, service } = access;
    const assets = ASSET_OPTIONS.flatMap((k) => (typeof args[k] === 'string' ? [args[k]] : []));
    if (args.kind === undefined) {
      if (Object.values(args).some((v) => v !== undefined)) throw new UserError('missing-argument', { option: 'kind' });
      // A menu changes nothing: no language is saved for it.
      return subscriptionMenu(translatorOf(context), context.snapshot(), service.store.forChat(chat.platform, chat.chatId), context.now());
    }
    let reply: Reply;
    if (args.kind === 'digest') {
      if (assets.length > 0) throw new UserError('too-many-arguments', { value: assets[0]! });
      reply = subscribeDigest(args, context, chat, service);
    } else {
      if (args.time !== undefined || args.timezone !== undefined) throw new UserError('too-many-arguments', { value: String(args.time ?? args.timezone) });
      reply = subscribeAlerts(assets, context, chat, service);
    }
    if (reply.kind === 'answer') rememberClientLanguage(chat, service);
    return reply;
  },
};
