import { bold, type Block, type Inline, type Reply } from '../../commands/reply.ts';
import { openAlertsLine } from '../alerts/alertMessages.ts';
import { difference } from '../core/change.ts';
import type { Figure } from '../core/figure.ts';
import { formatDepeg, formatPercent, formatPointsChange, formatRatio, formatRatioChange } from '../core/format.ts';
import { DAY_SECONDS } from '../core/units.ts';
import type { OpenAlert } from '../alerts/alertEngine.ts';
import { isStale, poolLabel, type Snapshot } from '../metrics/figures.ts';
import { storedMetricAgo } from '../metrics/history.ts';
import type { HistoryStore } from '../store/historyStore.ts';

/** The part of a digest every subscriber shares, computed once per fan-out. */
export interface DigestBody {
  readonly lines: readonly (readonly Inline[])[];
}

/** An APY with its 24 h change (from the snapshot) and its 7 d change (from the stored history). */
function apyLine(history: HistoryStore, sourceId: string, name: string, apy: Figure, change24h: Figure, at: number): string {
  const change7d = apy.ok ? difference(apy, storedMetricAgo(history, sourceId, name, at, 7 * DAY_SECONDS)) : apy;
  return `: APY ${formatPercent(apy)} (24h ${formatPointsChange(change24h)}, 7d ${formatPointsChange(change7d)})`;
}

/**
 * Each source's APY with its 24 h and 7 d change, each pool's depeg and the tower leverage, from the
 * latest snapshot and the stored history.
 */
export function digestBody(snapshot: Snapshot, history: HistoryStore, nowMs: number): DigestBody {
  const lines: Inline[][] = [];
  for (const view of snapshot.sources) {
    const f = view.figures;
    const at = view.lastRead?.blockTime;
    if (!f || at === undefined) continue;
    const stale = isStale(view, nowMs) ? ' (stale)' : '';
    if (f.kind === 'yield') lines.push([bold(view.label), apyLine(history, view.id, 'apy24h', f.apy24h, f.apyChange24h, at) + stale]);
    else if (f.kind === 'sequencer') lines.push([bold(view.label), apyLine(history, view.id, 'nominalApy', f.nominalApy, f.nominalApyChange24h, at) + stale]);
    else if (f.kind === 'pool') lines.push([bold(poolLabel(view.label, f)), `: depeg ${formatDepeg(f)}${stale}`]);
  }
  const { leverage, leverageChange24h } = snapshot.tower;
  if (leverage.ok) {
    const change = leverageChange24h?.ok ? ` (24h ${formatRatioChange(leverageChange24h, 3)})` : '';
    lines.push([bold('Tower leverage'), `: ${formatRatio(leverage, 3)}${change}`]);
  }
  return { lines };
}

/** One subscriber's digest: the shared body and the chat's open alerts, in one message. */
export function digestReply(body: DigestBody, localDate: string, open: readonly OpenAlert[]): Reply {
  const blocks: Block[] = [
    { kind: 'title', text: `Daily digest ${localDate}` },
    { kind: 'list', items: body.lines },
    { kind: 'paragraph', parts: openAlertsLine('Open alerts', open) },
  ];
  return { kind: 'answer', blocks };
}
