import { english } from '../src/i18n/translator.ts';
import { describeMissing } from '../src/core/figure.ts';
import { formatAge, formatWindow } from '../src/core/format.ts';
import { haltLength, utcClock } from '../src/core/haltText.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, type ChainView } from '../src/figures/figures.ts';
import type { CommandDefinition } from './command.ts';
import type { Block, Reply } from '../src/vocabulary/reply.ts';

const ago = (now: number, at: number) => `${formatAge(Math.max(0, (now - at) / 1000))} ago`;

/** "; no new block since 12:03 UTC (17 min)" for a halted chain, else nothing. */
function haltNote(chain: ChainView, now: number): string {
  const live = chain.liveness;
  if (!live?.halted) return '';
  return `; no new block since ${utcClock(live.headSince, now)} (${haltLength((now - live.headSince) / 1000)}): HALTED (haltAfter ${formatAge(live.haltAfterSeconds)})`;
}

/** `/status`: per source the last good read and last error; per chain the RPC in use and head block. */
export const statusCommand: CommandDefinition = {
  name: 'status',
  options: [],
  run(_args, context): Reply {
    const snapshot = context.snapshot();
    const now = context.now();
    const sourceRows = snapshot.sources.map((s) => {
      const age = dataAgeSeconds(s, now);
      const state = age === undefined ? 'no data' : isStale(s, now) ? 'STALE' : 'ok';
      // A halted chain's sources read fine (state ok); the age says how old their block is, the chain line why.
      const blockAge = blockAgeSeconds(s, now);
      const ageText = age === undefined ? '—' : blockAge === undefined ? formatAge(age) : `${formatAge(age)} (block ${formatAge(blockAge)} old)`;
      return [s.id, state, s.lastRead ? `#${s.lastRead.blockNumber}` : '—', ageText];
    });
    const blocks: Block[] = [
      { kind: 'title', text: 'Status' },
      {
        kind: 'table',
        columns: [
          { header: 'source', align: 'left' },
          { header: 'state', align: 'left' },
          { header: 'block', align: 'right' },
          { header: 'age', align: 'right' },
        ],
        rows: sourceRows,
      },
    ];
    const errors = snapshot.sources.flatMap((s) => (s.lastError ? [[`${s.id}: ${s.lastError.message} (${ago(now, s.lastError.at)})`]] : []));
    if (errors.length > 0) blocks.push({ kind: 'paragraph', parts: ['Last errors:'] }, { kind: 'list', items: errors });
    // A pool read fine can still lack its TWAP; depeg alerts then fall back to spot, which one block can move.
    const noTwap = snapshot.sources.flatMap((s) => {
      const f = s.figures;
      if (f?.kind !== 'pool' || f.twapSeconds === undefined || f.twapPrice.ok) return [];
      return [[`${s.id}: no ${formatWindow(f.twapSeconds)} TWAP (${describeMissing(english, f.twapPrice.missing)}); depeg alerts use spot`]];
    });
    if (noTwap.length > 0) blocks.push({ kind: 'list', items: noTwap });
    blocks.push({
      kind: 'list',
      items: snapshot.chains.map((c) => [
        `${c.name} (${c.id}): RPC ${c.rpc.inUse}, head ${c.head ? `#${c.head.number}` : '—'}${c.readAt ? ` read ${ago(now, c.readAt)}` : ''}${haltNote(c, now)}${c.lastError ? `; last error: ${c.lastError.message} (${ago(now, c.lastError.at)})` : ''}`,
      ]),
    });
    blocks.push({
      kind: 'note',
      text: snapshot.lastCycle ? `Last poll cycle finished ${ago(now, snapshot.lastCycle.finishedAt)}.` : 'No poll cycle has finished since the start.',
    });
    return { kind: 'answer', blocks };
  },
};
