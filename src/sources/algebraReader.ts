import type { SourceOfKind } from '../config/configSchema.ts';
import { algebraPoolAbi } from './abis.ts';
import { concentratedPoolReader } from './concentratedPoolReader.ts';
import type { SourceReader } from './sourceReader.ts';

/**
 * An Algebra pool (Hercules V3 on Metis): `globalState().price` is the sqrt Q64.96 spot price (Algebra has no
 * `slot0`) and, unless `twapSeconds` is 0, `getTimepoints([twapSeconds, 0])` gives the TWAP (it has no
 * `observe`; its tickCumulatives mean the same, and it reverts "OLD" the same way). All in the one multicall.
 */
export function algebraReader(config: SourceOfKind<'algebra'>): SourceReader {
  return concentratedPoolReader(config, { abi: algebraPoolAbi, spot: 'globalState', oracle: 'getTimepoints' });
}
