import type { Translator } from '../src/i18n/translator.ts';
import { describeMissing } from '../src/core/figure.ts';
import { formatAge, formatWindow } from '../src/core/format.ts';
import { haltLength, utcClock } from '../src/core/haltText.ts';
import { blockAgeSeconds, dataAgeSeconds, isStale, type ChainView } from '../src/figures/figures.ts';
import { translatorOf, type CommandDefinition } from './command.ts';
import type { Block, Reply } from '../src/vocabulary/reply.ts';

const ago = (t: Translator, now: number, at: number) => t('status-ago', { age: formatAge(Math.max(0, (now - at) / 1000)) });

/** "; no new block since 12:03 UTC (17 min)" for a halted chain, else nothing. */
function haltNote(t: Translator, chain: ChainView, now: number): string {
  const live = chain.liveness;
  if (!live?.halted) return '';
  return t('status-halted', { since: utcClock(live.headSince, now), length: haltLength((now - live.headSince) / 1000), after: formatAge(live.haltAfterSeconds) });
}

function chainLine(t: Translator, c: ChainView, now: number): string {
  return (
    t('status-chain', { name: c.name, id: String(c.id), rpc: c.rpc.inUse, head: c.head ? `#${c.head.number}` : '—' }) +
    (c.readAt ? t('status-chain-read', { ago: ago(t, now, c.readAt) }) : '') +
    haltNote(t, c, now) +
    (c.lastError ? t('status-chain-error', { error: c.lastError.message, ago: ago(t, now, c.lastError.at) }) : '')
  );
}

/** `/status`: per source the last good read and last error; per chain the RPC in use and head block. */
export const statusCommand: CommandDefinition = {
  name: 'status',
  options: [],
  run(_args, context): Reply {
    const t = translatorOf(context);
    const snapshot = context.snapshot();
    const now = context.now();
    const sourceRows = snapshot.sources.map((s) => {
      const age = dataAgeSeconds(s, now);
      const state = age === undefined ? t('status-state-no-data') : isStale(s, now) ? t('status-state-stale') : t('status-state-ok');
      // A halted chain's sources read fine (state ok); the age says how old their block is, the chain line why.
      const blockAge = blockAgeSeconds(s, now);
      const ageText = age === undefined ? '—' : blockAge === undefined ? formatAge(age) : t('age-block-old', { age: formatAge(age), blockAge: formatAge(blockAge) });
      return [s.id, state, s.lastRead ? `#${s.lastRead.blockNumber}` : '—', ageText];
    });
    const blocks: Block[] = [
      { kind: 'title', text: t('status-title') },
      {
        kind: 'table',
        columns: [
          { header: t('status-col-source'), align: 'left' },
          { header: t('status-col-state'), align: 'left' },
          { header: t('status-col-block'), align: 'right' },
          { header: t('status-col-age'), align: 'right' },
        ],
        rows: sourceRows,
      },
    ];
    const errors = snapshot.sources.flatMap((s) => (s.lastError ? [[t('status-error', { source: s.id, error: s.lastError.message, ago: ago(t, now, s.lastError.at) })]] : []));
    if (errors.length > 0) blocks.push({ kind: 'paragraph', parts: [t('status-last-errors')] }, { kind: 'list', items: errors });
    // A pool read fine can still lack its TWAP; depeg alerts then fall back to spot, which one block can move.
    const noTwap = snapshot.sources.flatMap((s) => {
      const f = s.figures;
      if (f?.kind !== 'pool' || f.twapSeconds === undefined || f.twapPrice.ok) return [];
      return [[t('status-no-twap', { source: s.id, window: formatWindow(f.twapSeconds), why: describeMissing(t, f.twapPrice.missing) })]];
    });
    if (noTwap.length > 0) blocks.push({ kind: 'list', items: noTwap });
    blocks.push({ kind: 'list', items: snapshot.chains.map((c) => [chainLine(t, c, now)]) });
    blocks.push({
      kind: 'note',
      text: snapshot.lastCycle ? t('status-last-cycle', { ago: ago(t, now, snapshot.lastCycle.finishedAt) }) : t('status-no-cycle'),
    });
    return { kind: 'answer', blocks };
  },
};
