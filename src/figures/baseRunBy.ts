import { formatPercent } from '../core/format.ts';
import type { SequencersView } from './sequencersViewTypes.ts';

/**
 * Who runs the base, in words shared by /leverage and the digest: the share run by liquid-staking protocols (each
 * named) and by independent sequencers.
 * @example baseRunBy(view) // 'LST protocols 55.0% (ENKI 35.0%, Artemis 20.0%), independent sequencers 45.0%'
 */
export function baseRunBy(view: Pick<SequencersView, 'lstShare' | 'independentShare' | 'protocols'>): string {
  const protocols = view.protocols.length > 0 ? ` (${view.protocols.map((p) => `${p.protocol} ${formatPercent(p.share, 1)}`).join(', ')})` : '';
  return `LST protocols ${formatPercent(view.lstShare, 1)}${protocols}, independent sequencers ${formatPercent(view.independentShare, 1)}`;
}
