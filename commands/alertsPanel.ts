import { formatQuantity } from '../src/core/format.ts';
import { utcDayTime } from '../src/core/utcDayTime.ts';
import { openAlertsLine } from '../src/alerts/alertMessages.ts';
import type { ChatThresholds } from '../src/alerts/rules/ruleParams.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { AlertMute } from '../src/store/subscriptionStore.ts';
import { deactivationNotice } from '../src/subscriptions/deactivationNotice.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';
import { currentTimeZoneName } from '../src/subscriptions/timeZoneName.ts';
import { bold, type Block, type Control, type Inline } from '../src/vocabulary/reply.ts';
import { stepActions } from './alertSteps.ts';
import type { ChatInfo } from './command.ts';

/** Discord's string select holds at most 25 options: the soonest-ending mutes, and "unmute all". */
const MAX_UNMUTE_OPTIONS = 24;

function rulesList(t: Translator, th: ChatThresholds): Inline[][] {
  // Thresholds are whatever a chat set: through the formatter, so 0.1 + 0.2 reads 0.3 and 5000 reads 5,000.
  const n = formatQuantity;
  return [
    [bold(t('alerts-rule-apy-drop')), t('alerts-rule-apy-drop-text', { percent: n(th.apyDropPercent), points: n(th.apyDropPoints) })],
    [bold(t('alerts-rule-depeg')), t('alerts-rule-depeg-text', { warning: n(th.depegWarningBps), critical: n(th.depegCriticalBps) })],
    [bold(t('alerts-rule-leverage')), t('alerts-rule-leverage-text', { percent: n(th.leverageChangePercent) })],
    [bold(t('alerts-rule-reward')), t('alerts-rule-reward-text')],
    [bold(t('alerts-rule-halt')), t('alerts-rule-halt-text')],
    [bold(t('alerts-rule-base-fall')), t('alerts-rule-base-fall-text', { percent: n(th.baseFallPercent) })],
    [bold(t('alerts-rule-active')), t('alerts-rule-active-text', { count: n(th.minActiveSequencers) })],
    [bold(t('alerts-rule-operator')), t('alerts-rule-operator-text', { percent: n(th.operatorSharePercent) })],
    [bold(t('alerts-rule-stall')), t('alerts-rule-stall-text', { hours: n(th.rewardStallHours) })],
    [t('alerts-common', { cycles: n(th.cycles), clear: n(Math.round(th.clearRatio * 100)), cooldown: n(th.cooldownMinutes) })],
  ];
}

/** The running mutes with their end, one line. */
function mutesLine(t: Translator, mutes: readonly AlertMute[], now: number): Inline[] {
  const list = mutes.map((m) => t('alerts-muted-item', { rule: m.rule, source: m.sourceId, until: utcDayTime(m.until, now) })).join(' · ');
  return [bold(t('alerts-muted')), t('alerts-muted-list', { list })];
}

/** Lower and raise each threshold (two menus), reset them all, end a mute: every one edits the panel. */
function panelControls(t: Translator, thresholds: ChatThresholds, mutes: readonly AlertMute[]): Control[] {
  const controls: Control[] = [
    { kind: 'select', placeholder: t('alerts-lower'), actions: stepActions(thresholds, -1) },
    { kind: 'select', placeholder: t('alerts-raise'), actions: stepActions(thresholds, 1) },
    { kind: 'buttons', actions: [{ label: t('alerts-button-reset'), command: '/alerts reset', edit: true }] },
  ];
  if (mutes.length > 0) {
    const unmute = mutes.slice(0, MAX_UNMUTE_OPTIONS).map((m) => ({ label: t('alerts-button-unmute', { rule: m.rule, source: m.sourceId }), command: `/alerts unmute ${m.rule} ${m.sourceId}`, edit: true }));
    const all = mutes.length > 1 ? [{ label: t('alerts-button-unmute-all'), command: '/alerts unmute', edit: true }] : [];
    controls.push({ kind: 'select', placeholder: t('alerts-unmute-placeholder'), actions: [...unmute, ...all] });
  }
  return controls.filter((c) => c.actions.length > 0);
}

/**
 * `/alerts`: the chat's subscriptions, why they were turned off (when a failed delivery did), every rule with
 * the chat's thresholds, its open alerts and mutes, readings held back; and the settings panel's controls.
 */
export function alertsPanel(t: Translator, chat: ChatInfo, service: SubscriptionService, now: number): { blocks: Block[]; controls: Control[] } {
  const all = service.store.forChat(chat.platform, chat.chatId);
  const subs = all.filter((s) => s.active);
  // Turned off by a failed delivery (blocked, removed): say when and why, or the chat sees only "off".
  const turnedOff = deactivationNotice(all, now, t);
  const alerts = subs.find((s) => s.kind === 'alerts');
  const digest = subs.find((s) => s.kind === 'digest');
  const status: Inline[] = [
    alerts ? t('alerts-status-on', { assets: alerts.assets.length === 0 ? t('sub-every-source') : alerts.assets.join(', ') }) : t('alerts-status-off'),
    ' · ',
    digest ? t('alerts-digest-on', { time: digest.digestTime ?? '', zone: digest.timeZone ? currentTimeZoneName(digest.timeZone) : '' }) : t('alerts-digest-off'),
  ];
  const open = alerts ? service.openAlerts(alerts) : [];
  const held = service.heldReadings();
  const mutes = service.store.mutes(chat.platform, chat.chatId, now);
  const thresholds = service.thresholds(chat);
  const blocks: Block[] = [
    { kind: 'title', text: t('alerts-title') },
    { kind: 'paragraph', parts: status },
    ...(turnedOff === undefined ? [] : [{ kind: 'paragraph' as const, parts: [turnedOff] }]),
    { kind: 'list', items: rulesList(t, thresholds) },
    { kind: 'paragraph', parts: openAlertsLine(t, t('alerts-open'), open) },
    ...(mutes.length > 0 ? [{ kind: 'paragraph' as const, parts: mutesLine(t, mutes, now) }] : []),
    ...(held.length > 0 ? [{ kind: 'note' as const, text: t('alerts-held', { sources: held.join(', ') }) }] : []),
  ];
  return { blocks, controls: panelControls(t, thresholds, mutes) };
}
