import type { Translator } from '../src/i18n/translator.ts';
import type { Control } from '../src/vocabulary/reply.ts';
import { buttonRows } from './figureButtons.ts';

/**
 * Under /start and /help: a button for each thing the bot offers, so nothing needs typing. Each runs the bare
 * command as a new message (the list stays where it is); three rows of three, within Discord's five.
 */
export const mainMenu = (t: Translator): Control[] =>
  buttonRows([
    { label: t('menu-yields'), command: '/apy' },
    { label: t('menu-leverage'), command: '/leverage' },
    { label: t('menu-sequencers'), command: '/sequencers' },
    { label: t('menu-charts'), command: '/chart' },
    { label: t('menu-simulate'), command: '/simulate' },
    { label: t('menu-subscribe'), command: '/subscribe' },
    { label: t('menu-alerts'), command: '/alerts' },
    { label: t('menu-status'), command: '/status' },
    { label: t('menu-language'), command: '/lang' },
  ]);
