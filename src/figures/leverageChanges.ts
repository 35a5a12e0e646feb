import { difference, relativeChange } from '../core/change.ts';
import { missing, type Figure } from '../core/figure.ts';
import { DAY_SECONDS } from '../core/units.ts';
import type { HistoryStore } from '../store/historyStore.ts';
import type { TowerView } from './figures.ts';
import { storedMetricAgo } from './history.ts';

/** The id the tower's stored metrics (its leverage) are kept under. */
export const TOWER_SOURCE_ID = 'tower';

/**
 * The tower leverage's changes against its stored past: one past point per window (storedMetricAgo: the newest
 * stored leverage at or before `towerTime` − window, at most half a window older), and from the 24 h one both the
 * absolute change (/leverage, the digest) and the relative one (the alert).
 * @param towerTime the newest block time of the cycle, at which the poller stores the leverage (0: none yet).
 * @example leverageChanges(store, figure(1.278), t) // 1.119 stored at t − 24 h: change24h 0.159, relative ≈ 0.1421
 */
export function leverageChanges(
  store: HistoryStore,
  leverage: Figure,
  towerTime: number,
): Required<Pick<TowerView, 'leverage24hAgo' | 'leverageChange24h' | 'leverageChange7d' | 'leverageRelativeChange24h'>> {
  const ago = (seconds: number) => (towerTime > 0 ? storedMetricAgo(store, TOWER_SOURCE_ID, 'leverage', towerTime, seconds) : missing('no-data'));
  const leverage24hAgo = ago(DAY_SECONDS);
  return {
    leverage24hAgo,
    leverageChange24h: difference(leverage, leverage24hAgo),
    leverageChange7d: difference(leverage, ago(7 * DAY_SECONDS)),
    leverageRelativeChange24h: relativeChange(leverage, leverage24hAgo),
  };
}
