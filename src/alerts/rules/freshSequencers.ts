import { isStale } from '../../figures/figures.ts';
import { type SequencersView } from '../../figures/sequencersViewTypes.ts';
import type { RuleInput } from './rule.ts';

/**
 * The sequencers view the sequencer rules measure, only while its source is fresh, with the names a chat
 * subscribes to it by: `sequencers` or the sequencer source's id.
 */
export function freshSequencers({ snapshot, now }: Pick<RuleInput, 'snapshot' | 'now'>): { view: SequencersView; names: string[] } | undefined {
  const view = snapshot.sequencers;
  const source = view && snapshot.sources.find((s) => s.id === view.sourceId);
  if (!view || !source || isStale(source, now)) return undefined;
  return { view, names: ['sequencers', view.sourceId.toLowerCase()] };
}

/** A sequencer notice rule's sources: the sequencer source while it is fresh, else none (no cursor moves). */
export function freshSequencerSource(input: Pick<RuleInput, 'snapshot' | 'now'>): string[] {
  const seq = freshSequencers(input);
  return seq ? [seq.view.sourceId] : [];
}
