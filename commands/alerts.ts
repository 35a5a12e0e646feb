import { english } from '../src/i18n/translator.ts';
import { formatQuantity } from '../src/core/format.ts';
import { openAlertsLine } from '../src/alerts/alertMessages.ts';
import { TUNABLE_RULES, type ChatThresholds, type TunableRule } from '../src/alerts/rules/ruleParams.ts';
import { deactivationNotice } from '../src/subscriptions/deactivationNotice.ts';
import { currentTimeZoneName } from '../src/subscriptions/timeZoneName.ts';
import type { CommandDefinition } from './command.ts';
import { bold, type Inline, type Reply } from '../src/vocabulary/reply.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';
import { UserError } from './userError.ts';

const ruleNames = Object.keys(TUNABLE_RULES) as TunableRule[];

function rulesList(t: ChatThresholds): Inline[][] {
  // Thresholds are whatever a chat set: through the formatter, so 0.1 + 0.2 reads 0.3 and 5000 reads 5,000.
  const n = formatQuantity;
  return [
    [bold('APY drop'), `: ${n(t.apyDropPercent)}% relative or ${n(t.apyDropPoints)} points below the 7 d average (apy-drop, apy-drop-points)`],
    [bold('Depeg'), `: warning at ${n(t.depegWarningBps)} bps, critical at ${n(t.depegCriticalBps)} bps, on the pool's TWAP where it has one, else spot (depeg-warning, depeg-critical)`],
    [bold('Tower leverage'), `: ${n(t.leverageChangePercent)}% change in 24 h (leverage)`],
    [bold('Reward change'), ': every RewardUpdate of the sequencer, at once'],
    [bold('Chain halt'), ": no new block on a chain for its haltAfter (set per chain in the config), to subscribers of its sources and of the sequencer"],
    [`Held for ${n(t.cycles)} cycles (cycles); clears below ${n(Math.round(t.clearRatio * 100))}% of the threshold; ${n(t.cooldownMinutes)} min cooldown after a recovery (cooldown)`],
  ];
}

/** `/alerts` (this chat's rules and open alerts) and `/alerts set <rule> <value>`. */
export const alertsCommand: CommandDefinition = {
  name: 'alerts',
  usage: `/alerts · /alerts set <rule> <value> (rules: ${ruleNames.join(', ')})`,
  mutates: true,
  options: [
    { name: 'action', type: 'string', choices: () => ['set'] },
    { name: 'rule', type: 'string', choices: () => ruleNames },
    { name: 'value', type: 'number' },
  ],
  run(args, context): Reply {
    const setting = args.action === 'set';
    const access = subscriptionAccess(context, setting);
    if ('refused' in access) return access.refused;
    const { chat, service } = access;
    if (setting) {
      if (typeof args.rule !== 'string') throw new UserError('missing-argument', { option: 'rule' });
      if (typeof args.value !== 'number') throw new UserError('missing-argument', { option: 'value' });
      const spec = TUNABLE_RULES[args.rule as TunableRule];
      if (args.value < spec.min || args.value > spec.max) throw new UserError('out-of-range', { option: args.rule, value: args.value, min: spec.min, max: spec.max });
      service.store.setOverride(chat.platform, chat.chatId, spec.key, args.value);
      return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [`Set ${args.rule} to ${formatQuantity(args.value)} ${spec.unit} for this chat.`] }] };
    }
    if (args.rule !== undefined || args.value !== undefined) throw new UserError('missing-argument', { option: 'action' });
    const all = service.store.forChat(chat.platform, chat.chatId);
    const subs = all.filter((s) => s.active);
    // Turned off by a failed delivery (blocked, removed): say when and why, or the chat sees only "off".
    const turnedOff = deactivationNotice(all, context.now());
    const alerts = subs.find((s) => s.kind === 'alerts');
    const digest = subs.find((s) => s.kind === 'digest');
    const status: Inline[] = [
      alerts ? `Alerts: on (${alerts.assets.length === 0 ? 'every source' : alerts.assets.join(', ')})` : 'Alerts: off (/subscribe alerts)',
      ' · ',
      digest ? `Digest: ${digest.digestTime ?? ''} ${digest.timeZone ? currentTimeZoneName(digest.timeZone) : ''}` : 'Digest: off (/subscribe digest)',
    ];
    const open = alerts ? service.openAlerts(alerts) : [];
    const held = service.heldReadings();
    return {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: 'Alerts in this chat' },
        { kind: 'paragraph', parts: status },
        ...(turnedOff === undefined ? [] : [{ kind: 'paragraph' as const, parts: [turnedOff] }]),
        { kind: 'list', items: rulesList(service.thresholds(chat)) },
        { kind: 'paragraph', parts: openAlertsLine(english, 'Open', open) },
        ...(held.length > 0 ? [{ kind: 'note' as const, text: `Held back as outliers until they repeat: ${held.join(', ')}` }] : []),
      ],
    };
  },
};
