import type { Snapshot, SourceView } from '../src/figures/figures.ts';

/**
 * The names a user may type for a source: its id, and its token where it has one.
 * @param include which sources count (all by default; /simulate offers only the earning ones).
 */
export function assetNames(snapshot: Snapshot, include: (source: SourceView) => boolean = () => true): string[] {
  const names = new Set<string>();
  for (const source of snapshot.sources.filter(include)) {
    names.add(source.id);
    if (source.token) names.add(source.token);
  }
  return [...names];
}

/**
 * Sources with figures of their own to show and chart. The sequencer set's reads (who signs the L2 epoch) appear
 * in /sequencers, not as an asset of /apy or /chart.
 */
export const isAsset = (source: SourceView): boolean => source.kind !== 'sequencer-set';

/** The sources a typed asset name means (a token may have a vault and a supply source). */
export function findSources(snapshot: Snapshot, name: string): SourceView[] {
  const wanted = name.toLowerCase();
  return snapshot.sources.filter((s) => s.id.toLowerCase() === wanted || s.token?.toLowerCase() === wanted);
}
