import { bold, type Inline, type Reply } from '../../commands/reply.ts';
import { shortfall } from '../core/change.ts';
import { figure } from '../core/figure.ts';
import { formatBps, formatGrouped, formatNumber, formatPercent, formatQuantity, formatRatio } from '../core/format.ts';
import { haltLength, utcClock } from '../core/haltText.ts';
import type { OpenAlert } from './alertEngine.ts';
import type { Level, LevelTransition } from './rules/levelRule.ts';

/** The rules that produce alerts; the names chats see in /alerts and in idempotency keys. */
export type RuleName = 'depeg' | 'apy-drop' | 'leverage' | 'reward' | 'stale' | 'halt' | 'base-fall' | 'active-sequencers' | 'operator-share';

const icon = (to: Level) => (to === 'critical' ? '🚨' : to === 'warning' ? '⚠️' : '✅');
const bpsText = (bps: number) => formatBps(figure(bps));
const pct = (fraction: number) => formatPercent(figure(fraction));

const reply = (title: string, text: string): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold(title), '\n', text] }] });

/** @param basis the price the depeg was measured on: '30 min TWAP' or 'spot'. */
export function depegMessage(t: LevelTransition, label: string, bps: number, basis: string, warningBps: number, criticalBps: number, clearBps: number): Reply {
  if (t.kind === 'recover') return reply(`${icon('ok')} Depeg recovered: ${label}`, `Back within ${formatGrouped(clearBps, 0)} bps of fair value (now ${bpsText(bps)}, ${basis}).`);
  const head = t.kind === 'escalate' ? `${icon(t.to)} Depeg escalated to ${t.to}: ${label}` : `${icon(t.to)} Depeg ${t.to}: ${label}`;
  return reply(head, `Trades ${bpsText(bps)} from fair value on the ${basis} price (warning at ${formatQuantity(warningBps)} bps, critical at ${formatQuantity(criticalBps)} bps).`);
}

export function apyDropMessage(t: LevelTransition, label: string, current: number, average: number): Reply {
  if (t.kind === 'recover') return reply(`${icon('ok')} APY recovered: ${label}`, `APY ${pct(current)}, against a 7 d average of ${pct(average)}.`);
  const drop = shortfall(current, average) ?? { relative: 0, absolute: 0 };
  return reply(`${icon(t.to)} APY drop: ${label}`, `APY ${pct(current)}, ${formatPercent(figure(drop.relative), 1)} (${formatNumber(figure(drop.absolute * 100), 2)} points) below its 7 d average of ${pct(average)}.`);
}

export function leverageMessage(t: LevelTransition, leverage: number, changePercent: number): Reply {
  const title = t.kind === 'recover' ? `${icon('ok')} Tower leverage settled` : `${icon(t.to)} Tower leverage moved`;
  return reply(title, `${formatRatio(figure(leverage), 3)}, ${formatGrouped(changePercent, 1, { signed: true })}% over 24 h.`);
}

export function rewardMessage(label: string, oldReward: number, newReward: number, nominalApr: number | undefined): Reply {
  const apr = nominalApr === undefined ? '' : ` Nominal APR now ${pct(nominalApr)}.`;
  return reply(`🔔 Reward change: ${label}`, `rewardPerBlock ${formatQuantity(oldReward)} → ${formatQuantity(newReward)} METIS per L2 block.${apr}`);
}

export function staleMessage(t: LevelTransition, label: string, ageSeconds: number | undefined): Reply {
  const age = ageSeconds === undefined ? 'never read' : `last good read ${formatGrouped(ageSeconds / 60, 0)} min ago`;
  if (t.kind === 'recover') return reply(`${icon('ok')} Data fresh again: ${label}`, `${age}.`);
  return reply(`${icon('warning')} Stale data: ${label}`, `${age}; no alert uses it until it is fresh.`);
}

/**
 * A chain halt ("Metis has produced no block for 17 min") and its recovery.
 * @param p.haltSeconds how long the head had stood at the read; `headSince` when it last moved (ms); `now` (ms).
 */
export function haltMessage(t: LevelTransition, p: { chainName: string; chainId: number; head: { number: bigint }; headSince: number; haltSeconds: number; now: number }): Reply {
  if (t.kind === 'recover') return reply(`${icon('ok')} ${p.chainName} produces blocks again`, `New head #${p.head.number} (chain ${p.chainId}); its figures are current again.`);
  return reply(
    `${icon(t.to)} ${p.chainName} has produced no block for ${haltLength(p.haltSeconds)}`,
    `Head #${p.head.number} (chain ${p.chainId}), unchanged since ${utcClock(p.headSince, p.now)}: the RPC answers, the chain does not move. Figures from it are as old as that block.`,
  );
}

/** A chat's open alerts as one labelled line, for /alerts and the digest. */
export function openAlertsLine(label: string, open: readonly OpenAlert[]): Inline[] {
  return [bold(label), open.length === 0 ? ': none' : `: ${open.map((a) => `${a.rule} ${a.sourceId} (${a.level})`).join(' · ')}`];
}
