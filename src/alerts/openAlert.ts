import type { Translator } from '../i18n/translator.ts';
import { bold, type Inline } from '../vocabulary/reply.ts';
import type { Level } from './rules/levelRule.ts';

/** An alert open in a chat, for /alerts and the digest. */
export interface OpenAlert {
  readonly rule: string;
  readonly sourceId: string;
  readonly level: Level;
  readonly since?: number;
  readonly value?: number;
}

/** A chat's open alerts as one labelled line, for /alerts and the digest (rule names and source ids stay as typed). */
export function openAlertsLine(t: Translator, label: string, open: readonly OpenAlert[]): Inline[] {
  // open-alerts-none carries its own ": " as open-alerts-list does: "Open: none", not "Open: : none".
  if (open.length === 0) return [bold(label), t('open-alerts-none')];
  const list = open.map((a) => t('open-alert', { rule: a.rule, source: a.sourceId, level: t(`level-${a.level}`) })).join(' · ');
  return [bold(label), t('open-alerts-list', { list })];
}
