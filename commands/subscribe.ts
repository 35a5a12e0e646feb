import { assetNames } from './assetNames.ts';
import type { ChatInfo, CommandContext, CommandDefinition, OptionSpec } from './command.ts';
import { resolveSequencer } from './resolveSequencer.ts';
import { didYouMean } from '../src/config/didYouMean.ts';
import { EVERYTHING } from '../src/alerts/chatGroups.ts';
import { sequencerAsset } from '../src/alerts/rules/sequencerNames.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';
import { formatClock, parseClock } from '../src/subscriptions/localTime.ts';
import { resolveTimeZone } from '../src/subscriptions/timeZoneName.ts';
import { bold, type Reply } from '../src/vocabulary/reply.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';
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
  return typed.map((name) => {
    const match = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (match !== undefined) return match;
    const meant = didYouMean(name, known);
    throw new UserError('unknown-choice', { option: 'asset', value: name, choices: known, ...(meant ? { meant } : {}) });
  });
}

/** `/subscribe alerts sequencer <name>`: that sequencer's own events, beside what the chat already gets. */
const SEQUENCER_WORD = 'sequencer';

/**
 * Adds one sequencer's own alerts to the chat's alerts subscription: a chat that had every source keeps it
 * (`all` beside the sequencer), a chat with a list gets the sequencer added to it.
 */
function subscribeSequencer(context: CommandContext, chat: ChatInfo, service: SubscriptionService, query: string): Reply {
  const view = context.snapshot().sequencers;
  if (!view) return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['No sequencer has been read yet.'] }] };
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
        parts: [
          'Subscribed: ',
          bold(`alerts for sequencer ${row.name}`),
          ` (${row.seqId}): its status changes, its reward claims, and its reward not growing for ${service.thresholds(chat).rewardStallHours} h while active. /alerts shows the rules; /unsubscribe alerts to stop.`,
        ],
      },
    ],
  };
}

/** `/subscribe digest [HH:MM] [timezone]`, `/subscribe alerts [asset …]` or `/subscribe alerts sequencer <name>`. */
export const subscribeCommand: CommandDefinition = {
  name: 'subscribe',
  requiresManageChannels: true,
  usage: '/subscribe digest [HH:MM] [timezone] · /subscribe alerts [asset …] · /subscribe alerts sequencer <name>',
  mutates: true,
  options: [
    { name: 'kind', type: 'string', required: true, choices: () => ['digest', 'alerts'] },
    // Shape only (anything like 1:23); the range is checked in run so the message names the bad time.
    { name: 'time', type: 'string', parseText: (raw) => (/^\d{1,3}:\d{1,3}$/.test(raw) ? raw : undefined), expected: 'HH:MM' },
    { name: 'timezone', type: 'string', parseText: (raw) => (/^([A-Za-z_]+\/[A-Za-z0-9_+\-/]+|UTC|GMT)$/i.test(raw) ? raw : undefined), expected: 'an IANA time zone such as Europe/Berlin' },
    ...ASSET_OPTIONS.map(assetOption),
  ],
  positionalByShape: ['kind', 'time', 'timezone', ...ASSET_OPTIONS],
  run(args, context): Reply {
    const access = subscriptionAccess(context, true);
    if ('refused' in access) return access.refused;
    const { chat, service } = access;
    const assets = ASSET_OPTIONS.flatMap((k) => (typeof args[k] === 'string' ? [args[k]] : []));
    const now = context.now();
    if (args.kind === 'digest') {
      if (assets.length > 0) throw new UserError('too-many-arguments', { value: assets[0]! });
      const timeText = typeof args.time === 'string' ? args.time : service.digestDefaults.time;
      const minutes = parseClock(timeText);
      if (minutes === undefined) throw new UserError('invalid-value', { option: 'time', value: timeText, expected: 'HH:MM from 00:00 to 23:59' });
      const zoneText = typeof args.timezone === 'string' ? args.timezone : service.digestDefaults.timeZone;
      const zone = resolveTimeZone(zoneText);
      if (zone === undefined) throw new UserError('invalid-value', { option: 'timezone', value: zoneText, expected: 'an IANA time zone such as Europe/Berlin or UTC' });
      const time = formatClock(minutes);
      service.store.subscribe({ platform: chat.platform, chatId: chat.chatId, kind: 'digest', digestTime: time, timeZone: zone.canonical }, now);
      return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['Subscribed: the ', bold('daily digest'), ` at ${time} ${zone.typed}. /unsubscribe digest to stop.`] }] };
    }
    if (args.time !== undefined || args.timezone !== undefined) throw new UserError('too-many-arguments', { value: String(args.time ?? args.timezone) });
    if (assets[0]?.toLowerCase() === SEQUENCER_WORD && assets.length > 1) return subscribeSequencer(context, chat, service, assets.slice(1).join(' '));
    const unique = [...new Set(knownTargets(assets, context))];
    service.store.subscribe({ platform: chat.platform, chatId: chat.chatId, kind: 'alerts', assets: unique }, now);
    const what = unique.length === 0 ? 'every source' : unique.join(', ');
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['Subscribed: ', bold('alerts'), ` for ${what}. /alerts shows the rules; /unsubscribe alerts to stop.`] }] };
  },
};
