import type { SourceConfig, SourceKindName, SourceOfKind } from './configSchema.ts';

/** A pool with ticks and an oracle of cumulative ticks: spot from a sqrt Q64.96 price, TWAP from the mean tick. */
export type ConcentratedPoolConfig = SourceOfKind<'uniswap-v3'> | SourceOfKind<'algebra'>;
/** Every DEX pool kind: priced from the chain, valued against the asset's fair value. */
export type PoolSourceConfig = SourceOfKind<'uniswap-v2'> | ConcentratedPoolConfig;

const POOL_KINDS: readonly SourceKindName[] = ['uniswap-v2', 'uniswap-v3', 'algebra'];

/** True for a DEX pool kind (`uniswap-v2`, `uniswap-v3`, `algebra`). */
export function isPoolKind(kind: SourceKindName): kind is PoolSourceConfig['kind'] {
  return POOL_KINDS.includes(kind);
}

/** True for a DEX pool source: it has `pool`, `asset`, `assetAddress` and `quote`. */
export function isPoolSource(source: SourceConfig): source is PoolSourceConfig {
  return isPoolKind(source.kind);
}

