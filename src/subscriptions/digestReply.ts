import { bold, type Block, type Inline, type Reply } from '../../commands/reply.ts';
import { difference } from '../core/change.ts';
import { missing, type Figure } from '../core/figure.ts';
import { formatDepeg, formatPercent, formatPointsChange, formatRatio } from '../core/format.ts';
import type { OpenAlert } from '../alerts/alertEngine.ts';
import { isStale, type Snapshot } from '../metrics/figures.ts';
import { TOWER_SOURCE_ID } from '../metrics/computeSnapshot.ts';
import { storedMetricAgo } from '../metrics/history.ts';
import type { HistoryStore } from '../store/historyStore.ts';

const DAY = 86_400;

/** The part of a digest every subscriber shares, computed once per fan-out. */
export interface DigestBody {
  readonly lines: readonly (readonly Inline[])[];
}

/** Change of a stored metric from `seconds` before the source's last read to now, as a figure. */
function changeSince(history: HistoryStore, sourceId: string, name: string, now: Figure, at: number, seconds: number): Figure {
  return now.ok ? difference(now, storedMetricAgo(history, sourceId, name, at, seconds)) : now;
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
    if (f.kind === 'yield') {
      const d24 = changeSince(history, view.id, 'apy24h', f.apy24h, at, DAY);
      const d7 = changeSince(history, view.id, 'apy24h', f.apy24h, at, 7 * DAY);
      lines.push([bold(view.label), `: APY ${formatPercent(f.apy24h)} (24h ${formatPointsChange(d24)}, 7d ${formatPointsChange(d7)})${stale}`]);
    } else if (f.kind === 'sequencer') {
      const d24 = changeSince(history, view.id, 'nominalApy', f.nominalApy, at, DAY);
      const d7 = changeSince(history, view.id, 'nominalApy', f.nominalApy, at, 7 * DAY);
      lines.push([bold(view.label), `: APY ${formatPercent(f.nominalApy)} (24h ${formatPointsChange(d24)}, 7d ${formatPointsChange(d7)})${stale}`]);
    } else if (f.kind === 'pool') {
      lines.push([bold(view.label), `: depeg ${formatDepeg(f)}${stale}`]);
    }
  }
  if (snapshot.tower.leverage.ok) {
    const latest = history.metricAtOrBefore(TOWER_SOURCE_ID, 'leverage', Number.MAX_SAFE_INTEGER);
    const d24 = latest ? changeSince(history, TOWER_SOURCE_ID, 'leverage', snapshot.tower.leverage, latest.blockTime, DAY) : missing('no-data');
    const change = d24.ok ? ` (24h ${d24.value >= 0 ? '+' : '−'}${Math.abs(d24.value).toFixed(3)})` : '';
    lines.push([bold('Tower leverage'), `: ${formatRatio(snapshot.tower.leverage, 3)}${change}`]);
  }
  return { lines };
}

/** One subscriber's digest: the shared body and the chat's open alerts, in one message. */
export function digestReply(body: DigestBody, localDate: string, open: readonly OpenAlert[]): Reply {
  const blocks: Block[] = [
    { kind: 'title', text: `Daily digest ${localDate}` },
    { kind: 'list', items: body.lines },
    { kind: 'paragraph', parts: [bold('Open alerts'), open.length === 0 ? ': none' : `: ${open.map((a) => `${a.rule} ${a.sourceId} (${a.level})`).join(' · ')}`] },
  ];
  return { kind: 'answer', blocks };
}
