import { formatPercent } from '../core/format.ts';
import type { Translator } from '../i18n/translator.ts';
import type { SequencersView } from './sequencersViewTypes.ts';

/**
 * Who runs the base, in words shared by /leverage and the digest: the share run by liquid-staking protocols (each
 * named) and by independent sequencers.
 * @example baseRunBy(english, view) // 'LST protocols 55.0% (ENKI 35.0%, Artemis 20.0%), independent sequencers 45.0%'
 */
export function baseRunBy(t: Translator, view: Pick<SequencersView, 'lstShare' | 'independentShare' | 'protocols'>): string {
  const list = view.protocols.map((p) => `${p.protocol} ${formatPercent(p.share, 1)}`).join(', ');
  const protocols = view.protocols.length > 0 ? t('runby-protocols', { list }) : '';
  return t('runby-line', { lst: formatPercent(view.lstShare, 1), protocols, independent: formatPercent(view.independentShare, 1) });
}
