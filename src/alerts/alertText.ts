import { english, type Translator } from '../i18n/translator.ts';
import { bold, type Block, type Inline, type Reply } from '../vocabulary/reply.ts';
import { figure, type Figure } from '../core/figure.ts';
import { formatBps, formatGrouped, formatNumber, formatPercent, formatQuantity } from '../core/format.ts';
import { haltLength, utcClock } from '../core/haltText.ts';
import type { Level } from './rules/levelRule.ts';

/* The words and numbers every alert message is made of, so each rule's messages read alike. */

/** Where an alert's figures come from: the block they were read at and how old that read is. */
export interface DataAge {
  readonly blockNumber: bigint;
  readonly chainId: number;
  /** Seconds since the read (wall clock). */
  readonly ageSeconds: number;
}

/** The sign of a level in a title. */
export const icon = (to: Level) => (to === 'critical' ? '🚨' : to === 'warning' ? '⚠️' : '✅');
/** Basis points, signed: '−130 bps'. */
export const bpsText = (bps: number) => formatBps(figure(bps));
/** A rate as a percentage: '18.20%'. */
export const pct = (fraction: number) => formatPercent(figure(fraction));
/** A relative change, signed, one decimal: '+20.2 %'. */
export const signedPercent = (fraction: number) => `${formatGrouped(fraction * 100, 1, { signed: true })} %`;
/** A threshold or share in percent as configured ('10 %', '12.5 %'): no digits it does not have. */
export const plainPercent = (percent: number) => `${formatQuantity(Number(percent.toFixed(2)))} %`;
/** Percentage points as configured: '3 pp'. */
export const points = (p: number) => `${formatQuantity(Number(p.toFixed(2)))} pp`;
/** A price, four decimals. */
export const price = (value: Figure) => formatNumber(value, 4);
/** "13:55 UTC (10 min ago)"; "(just now)" within a second (a one-cycle rule fires when it crosses). */
export const at = (t: Translator, ms: number, now: number) =>
  now - ms < 1_000 ? t('alert-at-just-now', { clock: utcClock(ms, now) }) : t('alert-at', { clock: utcClock(ms, now), ago: haltLength((now - ms) / 1000) });
/** "1 h 5 min (from 13:00 UTC)" */
export const lasted = (t: Translator, startedAt: number, now: number) => t('alert-lasted', { length: haltLength((now - startedAt) / 1000), clock: utcClock(startedAt, now) });

/** "Data: block 200 on chain 1088, read 2 min ago." */
export const dataNote = (d: DataAge, t: Translator = english): string => t('alert-data-note', { block: String(d.blockNumber), chain: String(d.chainId), age: haltLength(d.ageSeconds) });

/** A sequencer's status in words ('active', 'exiting', …). */
export const statusWord = (t: Translator, status: 'active' | 'exiting' | 'exited' | 'unavailable') => t(`alert-status-${status}`);

/** A UTC date 'YYYY-MM-DD' of unix seconds (one format in every language). */
export const utcDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * A translated sentence with an inline piece (a link, code) where its placeholder stands: the message is
 * formatted with a marker in that place, then split around it.
 */
export function withInline(format: (marker: string) => string, piece: Inline): Inline[] {
  const marker = '\u0000';
  const [before = '', after = ''] = format(marker).split(marker);
  return [before, piece, after].filter((p) => p !== '');
}

/** An alert: the bold title, then sentences one per line, the command that shows more, and the data's age as a note. */
export function alertReply(t: Translator, title: string, lines: readonly (string | readonly Inline[])[], command: string, note?: string): Reply {
  const parts: Inline[] = [bold(title)];
  for (const line of [...lines, t('alert-more', { command })]) parts.push('\n', ...(typeof line === 'string' ? [line] : line));
  const blocks: Block[] = [{ kind: 'paragraph', parts }];
  if (note !== undefined) blocks.push({ kind: 'note', text: note });
  return { kind: 'answer', blocks };
}
