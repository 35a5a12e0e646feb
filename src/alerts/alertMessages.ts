import { bold, code, link, type Block, type Inline, type Reply } from '../shared/reply.ts';
import { shortfall } from '../core/change.ts';
import { describeMissing, figure, type Figure } from '../core/figure.ts';
import { formatBps, formatGrouped, formatNumber, formatPercent, formatQuantity, formatRatio } from '../core/format.ts';
import { haltLength, utcClock } from '../core/haltText.ts';
import { aprAtReward, rewardChange } from '../core/rewardChange.ts';
import { toNumber } from '../core/units.ts';
import type { OpenAlert } from './openAlert.ts';
import type { Level, LevelTransition, WorstReading } from './rules/levelRule.ts';

/** The rules that produce alerts; the names chats see in /alerts and in idempotency keys. */
export type RuleName = 'depeg' | 'apy-drop' | 'leverage' | 'reward' | 'stale' | 'halt' | 'base-fall' | 'active-sequencers' | 'operator-share';

/** Where an alert's figures come from: the block they were read at and how old that read is. */
export interface DataAge {
  readonly blockNumber: bigint;
  readonly chainId: number;
  /** Seconds since the read (wall clock). */
  readonly ageSeconds: number;
}

const icon = (to: Level) => (to === 'critical' ? '🚨' : to === 'warning' ? '⚠️' : '✅');
const bpsText = (bps: number) => formatBps(figure(bps));
const pct = (fraction: number) => formatPercent(figure(fraction));
/** A relative change, signed, one decimal: '+20.2 %'. */
const signedPercent = (fraction: number) => `${formatGrouped(fraction * 100, 1, { signed: true })} %`;
/** A threshold or share in percent as configured ('10 %', '12.5 %'): no digits it does not have. */
const plainPercent = (percent: number) => `${formatQuantity(Number(percent.toFixed(2)))} %`;
const points = (p: number) => `${formatQuantity(Number(p.toFixed(2)))} pp`;
const price = (value: Figure) => formatNumber(value, 4);
/** "13:55 UTC (10 min ago)"; "(just now)" within a second (a one-cycle rule fires when it crosses). */
const at = (ms: number, now: number) => `${utcClock(ms, now)} (${now - ms < 1_000 ? 'just now' : `${haltLength((now - ms) / 1000)} ago`})`;
/** "1 h 5 min (from 13:00 UTC)" */
const lasted = (startedAt: number, now: number) => `${haltLength((now - startedAt) / 1000)} (from ${utcClock(startedAt, now)})`;

/** "Data: block 200 on chain 1088, read 2 min ago." */
export const dataNote = (d: DataAge): string => `Data: block ${d.blockNumber} on chain ${d.chainId}, read ${haltLength(d.ageSeconds)} ago.`;

/** An alert: the bold title, then sentences one per line, the command that shows more, and the data's age as a note. */
function alertReply(title: string, lines: readonly (string | readonly Inline[])[], command: string, note?: string): Reply {
  const parts: Inline[] = [bold(title)];
  for (const line of [...lines, `More: ${command}`]) parts.push('\n', ...(typeof line === 'string' ? [line] : line));
  const blocks: Block[] = [{ kind: 'paragraph', parts }];
  if (note !== undefined) blocks.push({ kind: 'note', text: note });
  return { kind: 'answer', blocks };
}

/** What a depeg message says: the pool, the price it was measured on, and the chat's levels. */
export interface DepegFacts {
  readonly label: string;
  readonly asset: string;
  readonly quote: string;
  /** The price the depeg was measured on: '30 min TWAP' or 'spot'. */
  readonly basis: string;
  /** That price, and the fair value, in the quote token. */
  readonly price: Figure;
  readonly fairValue: Figure;
  readonly bps: number;
  readonly warningBps: number;
  readonly criticalBps: number;
  readonly clearBps: number;
  readonly data: DataAge;
  /** The command that shows more, e.g. '/apy eMetis-METIS'. */
  readonly command: string;
  readonly now: number;
}

/**
 * A depeg firing, escalating or clearing: price against fair value, the depeg and on which price, when it first
 * crossed the warning, and for a recovery how long it lasted, its worst reading and the clear level.
 */
export function depegMessage(t: LevelTransition, f: DepegFacts): Reply {
  const trades = `${f.asset} trades at ${price(f.price)} ${f.quote}, fair value ${price(f.fairValue)} ${f.quote}: ${bpsText(f.bps)} on the ${f.basis} price`;
  const started = t.startedAt === undefined ? undefined : at(t.startedAt, f.now);
  const worst = (w: WorstReading | undefined) => (w === undefined ? '' : `, at worst ${bpsText(w.reading)} (${utcClock(w.at, f.now)})`);
  if (t.kind === 'recover') {
    const span = t.startedAt === undefined ? '' : ` The depeg lasted ${lasted(t.startedAt, f.now)}${worst(t.worst)}.`;
    return alertReply(
      `${icon('ok')} Depeg over: ${f.label}`,
      [`${trades}, back under the ${f.warningBps} bps warning; cleared at ${Math.round(f.clearBps)} bps as configured.${span}`],
      f.command,
      dataNote(f.data),
    );
  }
  const head = t.kind === 'escalate' ? `${icon(t.to)} Depeg escalated to critical: ${f.label}` : `${icon(t.to)} Depeg ${t.to}: ${f.label}`;
  const since = started === undefined ? [] : [`Past the ${f.warningBps} bps warning since ${started}${t.kind === 'escalate' ? worst(t.worst) : ''}.`];
  return alertReply(head, [`${trades} (warning at ${f.warningBps} bps, critical at ${f.criticalBps} bps).`, ...since], f.command, dataNote(f.data));
}

/** What an APY drop message says. */
export interface ApyDropFacts {
  readonly label: string;
  /** Which figure: '24 h APY' (wrappers) or 'nominal APR' (the sequencer). */
  readonly metric: string;
  readonly current: number;
  /** Its trailing 7 d average. */
  readonly average: number;
  /** The chat's thresholds: X % relative or Y points below the average, and the clear ratio. */
  readonly dropPercent: number;
  readonly dropPoints: number;
  readonly clearRatio: number;
  readonly data: DataAge;
  readonly command: string;
  readonly now: number;
}

/** An APY drop or its recovery: the figure now against its 7 d average, the drop in pp and %, and the thresholds. */
export function apyDropMessage(t: LevelTransition, f: ApyDropFacts): Reply {
  const drop = shortfall(f.current, f.average) ?? { relative: 0, absolute: 0 };
  const against = `The ${f.metric} is ${pct(f.current)} now against its 7 d average of ${pct(f.average)}`;
  const trigger = `${plainPercent(f.dropPercent)} or ${points(f.dropPoints)}`;
  if (t.kind === 'recover') {
    const lowest = t.worst === undefined ? '' : `; lowest ${pct(t.worst.reading)} (${utcClock(t.worst.at, f.now)})`;
    const span = t.startedAt === undefined ? '' : ` The drop lasted ${lasted(t.startedAt, f.now)}${lowest}.`;
    return alertReply(
      `${icon('ok')} APY recovered: ${f.label}`,
      [`${against}: back within ${trigger} of it; cleared within ${plainPercent(f.dropPercent * f.clearRatio)} or ${points(f.dropPoints * f.clearRatio)} as configured.${span}`],
      f.command,
      dataNote(f.data),
    );
  }
  const since = t.startedAt === undefined ? [] : [`Below the threshold since ${at(t.startedAt, f.now)}.`];
  return alertReply(
    `${icon(t.to)} APY drop: ${f.label}`,
    [`${against}: ${formatGrouped(drop.absolute * 100, 2)} pp (${formatGrouped(drop.relative * 100, 1)} %) lower (alerts at ${trigger} below).`, ...since],
    f.command,
    dataNote(f.data),
  );
}

/** What a tower leverage message says. */
export interface LeverageFacts {
  readonly leverage: number;
  /** The stored leverage about 24 h earlier, which the change is measured against. */
  readonly past: number;
  readonly changePercent: number;
  readonly thresholdPercent: number;
  readonly clearPercent: number;
  /** The oldest read behind the tower. */
  readonly data: DataAge;
  readonly now: number;
}

/** Tower leverage moved, or settled: then and now, the change, the trigger, and for a settling the largest move. */
export function leverageMessage(t: LevelTransition, f: LeverageFacts): Reply {
  const move = `Leverage ${formatRatio(figure(f.leverage), 3)} now against ${formatRatio(figure(f.past), 3)} 24 h earlier: ${signedPercent(f.changePercent / 100)}`;
  if (t.kind === 'recover') {
    const largest = t.worst === undefined ? '' : `; largest move ${signedPercent(t.worst.reading / 100)} (${utcClock(t.worst.at, f.now)})`;
    const span = t.startedAt === undefined ? '' : ` The move lasted ${lasted(t.startedAt, f.now)}${largest}.`;
    return alertReply(
      `${icon('ok')} Tower leverage settled`,
      [`${move}, back under the ${plainPercent(f.thresholdPercent)} trigger; cleared at ${plainPercent(f.clearPercent)} as configured.${span}`],
      '/leverage',
      dataNote(f.data),
    );
  }
  const since = t.startedAt === undefined ? [] : [`Past ±${plainPercent(f.thresholdPercent)} since ${at(t.startedAt, f.now)}.`];
  return alertReply(`${icon(t.to)} Tower leverage moved`, [`${move} (alerts at ±${plainPercent(f.thresholdPercent)} in 24 h).`, ...since], '/leverage', dataNote(f.data));
}

/** What a reward change notice says: one RewardUpdate event and the sequencer's figures now. */
export interface RewardFacts {
  readonly label: string;
  /** The event's amounts in wei (METIS has 18 decimals). */
  readonly oldRaw: bigint;
  readonly newRaw: bigint;
  readonly decimals: number;
  /** The nominal APR and reward per block the snapshot has now (after the update). */
  readonly nominalApr: Figure;
  readonly rewardPerBlock: Figure;
  readonly txHash: string;
  /** The transaction on the chain's block explorer; none when the chain has no explorer configured. */
  readonly txUrl?: string;
  readonly chainId: number;
  readonly blockNumber: bigint;
  /** The block's time (s). */
  readonly blockTime: number;
  readonly command: string;
  readonly now: number;
}

const shortHash = (hash: string) => (hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash);

/**
 * A reward change: old → new reward per L2 block rounded alike, the change in %, the nominal APR before and
 * after (the APR is proportional to the reward, other inputs as now), and the transaction with its link.
 */
export function rewardMessage(f: RewardFacts): Reply {
  const change = rewardChange(f.oldRaw, f.newRaw, f.decimals);
  const changeText = change.change.ok ? `, ${signedPercent(change.change.value)}` : '';
  const oldApr = aprAtReward(f.nominalApr, f.rewardPerBlock, toNumber(f.oldRaw, f.decimals));
  const newApr = aprAtReward(f.nominalApr, f.rewardPerBlock, toNumber(f.newRaw, f.decimals));
  const apr =
    oldApr.ok && newApr.ok
      ? `Nominal APR ${pct(oldApr.value)} → ${pct(newApr.value)} (locked METIS and block time as now).`
      : `Nominal APR — (${describeMissing(!oldApr.ok ? oldApr.missing : !newApr.ok ? newApr.missing : 'no-data')}).`;
  const tx: Inline[] = ['Transaction ', f.txUrl === undefined ? code(f.txHash) : link(shortHash(f.txHash), f.txUrl), ` in block ${f.blockNumber} on chain ${f.chainId}, ${at(f.blockTime * 1000, f.now)}.`];
  return alertReply(`🔔 Reward change: ${f.label}`, [`Reward ${change.oldText} → ${change.newText} METIS per L2 block${changeText}.`, apr, tx], f.command);
}

/** What a stale data notice (to the operator) says. */
export interface StaleFacts {
  readonly label: string;
  /** Seconds since the last good read. */
  readonly ageSeconds: number;
  readonly staleAfterSeconds: number;
  readonly lastRead: { readonly blockNumber: bigint; readonly chainId: number; readonly observedAt: number };
  readonly lastError?: string;
  readonly now: number;
}

/** A source gone stale (no alert uses it meanwhile), or fresh again with how long it was stale and its oldest age. */
export function staleMessage(t: LevelTransition, f: StaleFacts): Reply {
  const read = `block ${f.lastRead.blockNumber} on chain ${f.lastRead.chainId}`;
  if (t.kind === 'recover') {
    const longest = t.worst === undefined ? '' : `; at worst no good read for ${haltLength(t.worst.measure)}`;
    const span = t.startedAt === undefined ? '' : ` It was stale for ${lasted(t.startedAt, f.now)}${longest}.`;
    return alertReply(`${icon('ok')} Data fresh again: ${f.label}`, [`Read ${haltLength(f.ageSeconds)} ago at ${read}; back under the ${haltLength(f.staleAfterSeconds)} stale limit.${span}`], '/status');
  }
  const error = f.lastError === undefined ? [] : [`Last error: ${f.lastError}`];
  return alertReply(
    `${icon('warning')} Stale data: ${f.label}`,
    [
      `No good read for ${haltLength(f.ageSeconds)} (last at ${utcClock(f.lastRead.observedAt, f.now)}, ${read}); stale after ${haltLength(f.staleAfterSeconds)}. No alert uses it until it is fresh.`,
      ...error,
    ],
    '/status',
  );
}

/** What a chain halt message says. */
export interface HaltFacts {
  readonly chainName: string;
  readonly chainId: number;
  readonly head: { readonly number: bigint };
  /** When the head last moved (ms). */
  readonly headSince: number;
  /** How long the head had stood at the read, and the chain's limit (s). */
  readonly haltSeconds: number;
  readonly haltAfterSeconds: number;
  /** When the chain was read (ms). */
  readonly readAt: number;
  readonly now: number;
}

/**
 * A chain halt ("Metis has produced no block for 17 min") and its recovery, with how long the head stood still
 * (from the longest reading: the head stopped at its time minus its length).
 */
export function haltMessage(t: LevelTransition, f: HaltFacts): Reply {
  const note = `Data: chain read ${haltLength((f.now - f.readAt) / 1000)} ago.`;
  if (t.kind === 'recover') {
    const w = t.worst;
    const stood = w === undefined ? '' : ` The head had stood still for at least ${haltLength(w.measure)} (from ${utcClock(w.at - w.measure * 1000, f.now)}).`;
    return alertReply(
      `${icon('ok')} ${f.chainName} produces blocks again`,
      [`New head #${f.head.number} (chain ${f.chainId}), back under the ${haltLength(f.haltAfterSeconds)} halt limit; its figures are current again.${stood}`],
      '/status',
      note,
    );
  }
  return alertReply(
    `${icon(t.to)} ${f.chainName} has produced no block for ${haltLength(f.haltSeconds)}`,
    [
      `Head #${f.head.number} (chain ${f.chainId}), unchanged since ${at(f.headSince, f.now)}: the RPC answers, the chain does not move (halt after ${haltLength(f.haltAfterSeconds)}).`,
      'Figures from it are as old as that block.',
    ],
    '/status',
    note,
  );
}

/** A chat's open alerts as one labelled line, for /alerts and the digest. */
export function openAlertsLine(label: string, open: readonly OpenAlert[]): Inline[] {
  return [bold(label), open.length === 0 ? ': none' : `: ${open.map((a) => `${a.rule} ${a.sourceId} (${a.level})`).join(' · ')}`];
}
