import type { Address } from 'viem';
import type { Config, SourceOfKind } from './configSchema.ts';
import { isPoolSource } from './poolKinds.ts';

/** Where the config places a token on a chain, and which source says so. */
export interface ConfiguredToken {
  readonly token: string;
  readonly address: Address;
  readonly sourceId: string;
}

/**
 * The address the config gives `token` on `chainId`: its own source's (an erc20-supply `address`, an erc4626
 * `vault`, an exchange-rate denominator read with `totalSupply()`), else a pool's `assetAddress` for it.
 */
export function configuredTokenAddress(config: Config, token: string, chainId: number): ConfiguredToken | undefined {
  const onChain = config.sources.filter((s) => s.chain === chainId);
  for (const s of onChain) {
    if (s.kind === 'erc20-supply' && s.token === token) return { token, address: s.address, sourceId: s.id };
    if (s.kind === 'erc4626' && s.token === token) return { token, address: s.vault, sourceId: s.id };
    if (s.kind === 'exchange-rate' && s.token === token && s.denominator.call === 'totalSupply') return { token, address: s.denominator.address, sourceId: s.id };
  }
  for (const s of onChain) if (isPoolSource(s) && s.asset === token) return { token, address: s.assetAddress, sourceId: s.id };
  return undefined;
}

/**
 * What an ERC-4626 vault's `asset()` must be: the configured address of its token's base in `tokens`
 * (seMetis has base eMetis, so seMetis's vault holds eMetis), when the config gives that base an address.
 */
export function expectedVaultAsset(config: Config, source: SourceOfKind<'erc4626'>): ConfiguredToken | undefined {
  const base = config.tokens[source.token]?.base;
  return base === undefined ? undefined : configuredTokenAddress(config, base, source.chain);
}
