import { dataAgeSeconds, type SourceView } from '../../figures/figures.ts';
import type { DataAge } from '../alertText.ts';

/** Names a subscription's asset list may use for a source: its id, token and a pool's asset (lower case). */
export const namesOf = (view: SourceView): string[] =>
  [view.id, view.token, view.figures?.kind === 'pool' ? view.figures.asset : undefined].flatMap((n) => (n ? [n.toLowerCase()] : []));

/** The source's last good read as an alert cites it (only called for sources with one). */
export const dataOf = (view: SourceView, now: number): DataAge => ({ blockNumber: view.lastRead?.blockNumber ?? 0n, chainId: view.chainId, ageSeconds: dataAgeSeconds(view, now) ?? 0 });

/** The command that shows a source: `/apy <token or id>`. */
export const commandFor = (view: SourceView): string => `/apy ${view.token ?? view.id}`;
