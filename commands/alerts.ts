import { formatQuantity } from '../src/core/format.ts';
import { TUNABLE_RULES } from '../src/alerts/rules/ruleParams.ts';
import type { Inline, Reply } from '../src/vocabulary/reply.ts';
import { TUNABLE_RULE_NAMES } from './alertSteps.ts';
import { alertsPanel } from './alertsPanel.ts';
import { mutableRules, muteAlert, unmuteAlert } from './alertsMute.ts';
import { translatorOf, type ArgumentValues, type ChatInfo, type CommandContext, type CommandDefinition } from './command.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';
import { UserError } from './userError.ts';

const ACTIONS = ['set', 'reset', 'mute', 'unmute'] as const;

/** `/alerts set <rule> <value>`: the chat's own threshold for a rule, within the rule's range. */
function setThreshold(args: ArgumentValues, context: CommandContext, chat: ChatInfo, service: SubscriptionService): string {
  if (typeof args.rule !== 'string') throw new UserError('missing-argument', { option: 'rule' });
  if (typeof args.value !== 'number') throw new UserError('missing-argument', { option: 'value' });
  const rule = TUNABLE_RULE_NAMES.find((r) => r.toLowerCase() === String(args.rule).toLowerCase());
  if (rule === undefined) throw new UserError('unknown-choice', { option: 'rule', value: args.rule, choices: TUNABLE_RULE_NAMES });
  const spec = TUNABLE_RULES[rule];
  if (args.value < spec.min || args.value > spec.max) throw new UserError('out-of-range', { option: rule, value: args.value, min: spec.min, max: spec.max });
  service.store.setOverride(chat.platform, chat.chatId, spec.key, args.value);
  const t = translatorOf(context);
  // Every id exists: alerts-unit-<rule> for each tunable rule.
  return t('alerts-set', { rule, value: formatQuantity(args.value), unit: t(`alerts-unit-${rule}`) });
}

/**
 * `/alerts`: this chat's rules, thresholds, open alerts and mutes, with the settings panel (− / + per threshold,
 * reset, unmute); `/alerts set <rule> <value>`, `/alerts reset` (the config's defaults), `/alerts mute <rule>
 * <source> [hours]` and `/alerts unmute [<rule> <source>]` change them (admins, in a group) and answer with
 * what changed and the panel, so a button's press shows the new value.
 */
export const alertsCommand: CommandDefinition = {
  name: 'alerts',
  usage: `/alerts · /alerts set <rule> <value> (rules: ${TUNABLE_RULE_NAMES.join(', ')}) · /alerts reset · /alerts mute <rule> <source> [hours] · /alerts unmute [<rule> <source>]`,
  mutates: true,
  options: [
    { name: 'action', type: 'string', choices: () => ACTIONS },
    // Free text: a tunable rule for set, any alert rule for mute; checked in run, which names the known ones.
    { name: 'rule', type: 'string', suggestions: () => [...new Set([...TUNABLE_RULE_NAMES, ...mutableRules()])] },
    { name: 'value', type: 'number' },
    { name: 'source', type: 'string' },
  ],
  // A mute's source (`eMetis-METIS`) is no number and its hours are: each word goes where its shape fits.
  positionalByShape: ['action', 'rule', 'value', 'source'],
  run(args, context): Reply {
    const action = typeof args.action === 'string' ? (args.action as (typeof ACTIONS)[number]) : undefined;
    const access = subscriptionAccess(context, action !== undefined);
    if ('refused' in access) return access.refused;
    const { chat, service } = access;
    const t = translatorOf(context);
    let said: Inline[] = [];
    if (action === 'set') said = [setThreshold(args, context, chat, service)];
    else if (action === 'reset') said = [t(service.store.clearOverrides(chat.platform, chat.chatId) > 0 ? 'alerts-reset-done' : 'alerts-reset-none')];
    else if (action === 'unmute') said = [unmuteAlert(args, context, chat, service)];
    else if (action === 'mute') {
      const muted = muteAlert(args, context, chat, service);
      return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: muted.parts }], controls: [{ kind: 'buttons', actions: [muted.undo] }] };
    } else if (typeof args.rule === 'string') throw new UserError('unknown-choice', { option: 'action', value: args.rule, choices: ACTIONS });
    else if (args.value !== undefined || args.source !== undefined) throw new UserError('missing-argument', { option: 'action' });
    const panel = alertsPanel(t, chat, service, context.now());
    const blocks = said.length === 0 ? panel.blocks : [{ kind: 'paragraph' as const, parts: said }, ...panel.blocks];
    return { kind: 'answer', blocks, controls: panel.controls };
  },
};
