import type { Translator } from '../src/i18n/translator.ts';
import type { Snapshot } from '../src/figures/figures.ts';
import type { Subscription } from '../src/store/subscriptionStore.ts';
import { encodeAction } from '../src/vocabulary/actionData.ts';
import type { Action, Control, Reply } from '../src/vocabulary/reply.ts';
import { isAsset } from './assetNames.ts';
import { shortest } from './figureButtons.ts';
import { activeSubscriptions, subscriptionStatus } from './subscriptionStatus.ts';
import { UNSUBSCRIBE_PICK } from './unsubscribePicker.ts';

/** Discord's string select holds at most 25 options. */
const MAX_OPTIONS = 25;

/** Named beside the assets: they are always offered, so a long asset list cuts assets, not these. */
const ALWAYS = ['tower', 'sequencers'];

/** One option per asset (its shortest name), then the tower and the sequencers: `/subscribe alerts <name>`. */
function oneAssetActions(snapshot: Snapshot): Action[] {
  const option = (name: string): Action => ({ label: name, command: `/subscribe alerts ${name}`, edit: true });
  const names = new Set(snapshot.sources.filter(isAsset).map((s) => shortest(s.token ? [s.id, s.token] : [s.id])));
  const assets = [...names].map(option).filter((a) => encodeAction(a) !== undefined);
  return [...assets.slice(0, MAX_OPTIONS - ALWAYS.length), ...ALWAYS.map(option)];
}

/**
 * Bare `/subscribe`: what the chat receives, and a button for each typed form. Each answer replaces the menu
 * (the digest's time picker, a confirmation, the unsubscribe choice); Unsubscribe… only when something is on.
 * @param all the chat's subscriptions, active or not.
 */
export function subscriptionMenu(t: Translator, snapshot: Snapshot, all: readonly Subscription[], now: number): Reply {
  const { digest, alerts } = activeSubscriptions(all);
  const controls: Control[] = [
    {
      kind: 'buttons',
      actions: [
        { label: t('sub-button-digest'), command: '/subscribe digest pick', edit: true },
        { label: t('sub-button-alerts-all'), command: '/subscribe alerts', edit: true },
      ],
    },
    { kind: 'select', placeholder: t('sub-menu-alerts-one'), actions: oneAssetActions(snapshot) },
    ...(digest || alerts ? [{ kind: 'buttons' as const, actions: [{ label: t('sub-button-unsubscribe'), command: UNSUBSCRIBE_PICK, edit: true }] }] : []),
  ];
  return {
    kind: 'answer',
    blocks: [{ kind: 'title', text: t('sub-menu-title') }, ...subscriptionStatus(t, all, now), { kind: 'note', text: t('sub-menu-hint') }],
    controls: controls.filter((c) => c.actions.length > 0),
  };
}
