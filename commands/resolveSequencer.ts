import { english, type Translator } from '../src/i18n/translator.ts';
import type { SequencerRow, SequencersView } from '../src/figures/sequencersViewTypes.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { echoUserText } from './echoUserText.ts';


const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The sequencer a user means: its id, its name (case, spaces and punctuation ignored; a unique part of it is
 * enough), or its owner or signer address.
 */
export function findSequencer(view: SequencersView, query: string): SequencerRow | SequencerRow[] | undefined {
  const q = query.trim();
  if (/^#?\d+$/.test(q)) return view.rows.find((r) => r.seqId === Number(q.replace('#', '')));
  if (/^0x[0-9a-fA-F]{40}$/.test(q)) return view.rows.find((r) => r.owner.toLowerCase() === q.toLowerCase() || r.signer.toLowerCase() === q.toLowerCase());
  const c = compact(q);
  if (c === '') return undefined;
  const exact = view.rows.filter((r) => compact(r.name) === c);
  if (exact.length === 1) return exact[0];
  const partial = view.rows.filter((r) => compact(r.name).includes(c) || (r.lst !== undefined && compact(r.lst) === c));
  return partial.length === 1 ? partial[0] : partial.length > 1 ? partial : undefined;
}

const list = (rows: readonly SequencerRow[]) => rows.map((r) => `${r.seqId} ${r.name}`).join(', ');

/**
 * The sequencer a typed name, id or address means, or the reply that says why there is none: no match (with
 * every sequencer) or several (give the id). One wording for /sequencers, /chart and /subscribe.
 */
export function resolveSequencer(view: SequencersView, query: string, t: Translator = english): { readonly row: SequencerRow } | { readonly reply: Reply } {
  const found = findSequencer(view, query);
  const say = (text: string): { reply: Reply } => ({ reply: { kind: 'usage', blocks: [{ kind: 'paragraph', parts: [text] }] } });
  const typed = echoUserText(query.slice(0, 40));
  if (found === undefined) return say(t('sequencers-no-match', { query: typed, sequencers: list(view.rows) }));
  if (Array.isArray(found)) return say(t('sequencers-several', { query: typed, number: String(found.length), sequencers: list(found) }));
  return { row: found };
}
