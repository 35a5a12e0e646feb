import type { Config, SourceConfig, SourceKindName, SourceOfKind } from '../config/configSchema.ts';
import { expectedVaultAsset } from '../config/tokenAddresses.ts';
import { algebraReader } from './algebraReader.ts';
import { erc20SupplyReader } from './erc20SupplyReader.ts';
import { erc4626Reader } from './erc4626Reader.ts';
import { exchangeRateReader } from './exchangeRateReader.ts';
import { sequencerReader } from './sequencerReader.ts';
import { sequencerSetReader } from './sequencerSetReader.ts';
import type { SourceReader } from './sourceReader.ts';
import { uniswapV2Reader } from './uniswapV2Reader.ts';
import { uniswapV3Reader } from './uniswapV3Reader.ts';

// A Record over every kind: adding a kind to the config schema fails to compile until it has a reader.
const readers: { [K in SourceKindName]: (config: SourceOfKind<K>) => SourceReader } = {
  sequencer: sequencerReader,
  'sequencer-set': sequencerSetReader,
  erc4626: erc4626Reader,
  'exchange-rate': exchangeRateReader,
  'erc20-supply': erc20SupplyReader,
  'uniswap-v2': uniswapV2Reader,
  'uniswap-v3': uniswapV3Reader,
  algebra: algebraReader,
};

/** The reader for a configured source. */
export function createSourceReader(config: SourceConfig): SourceReader {
  return (readers[config.kind] as (config: SourceConfig) => SourceReader)(config);
}

/**
 * The readers of every source on one chain, each checking at prepare what the whole config says about it
 * (a vault's `asset()` must be the address the config gives its token's base).
 */
export function createChainReaders(config: Config, chainId: number): SourceReader[] {
  return config.sources
    .filter((source) => source.chain === chainId)
    .map((source) => (source.kind === 'erc4626' ? erc4626Reader(source, expectedVaultAsset(config, source)) : createSourceReader(source)));
}
