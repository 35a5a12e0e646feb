import type { Address, PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import type { ConfiguredToken } from '../config/tokenAddresses.ts';
import { erc4626Abi } from './abis.ts';
import { describeToken, identityRead, onChain, readTokenIdentity, type IdentityScope } from './contractIdentity.ts';
import { SourceReadError, uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * An ERC-4626 vault: `pps` is `convertToAssets(10^shareDecimals)`, i.e. the assets one share redeems for,
 * scaled by 10^assetDecimals; `totalAssets` and `totalSupply` give TVL and supply.
 * At prepare the vault must answer `decimals()` (and its configured `symbol`) and `asset()`, the asset must be
 * a token and, when `expectedAsset` is given (the address the config gives the token's base), be that address.
 */
export function erc4626Reader(config: SourceOfKind<'erc4626'>, expectedAsset?: ConfiguredToken): SourceReader {
  let meta: { shareDecimals: number; assetDecimals: number } | undefined;
  return {
    config,
    get prepared() {
      return meta !== undefined;
    },
    async prepare(client: PublicClient) {
      const scope: IdentityScope = { sourceId: config.id, chainId: config.chain };
      const where = `vault ${onChain(config.vault, config.chain)}`;
      const [share, asset] = await Promise.all([
        readTokenIdentity(client, scope, { address: config.vault, where, expectedSymbol: config.symbol }),
        identityRead(
          client,
          scope,
          config.vault,
          client.readContract({ address: config.vault, abi: erc4626Abi, functionName: 'asset' }) as Promise<Address>,
          (reason) => `${where} does not answer asset() (${reason}): not an ERC-4626 vault`,
        ),
      ]);
      if (expectedAsset && asset.toLowerCase() !== expectedAsset.address.toLowerCase()) {
        throw new SourceReadError(
          config.id,
          `${where} holds asset() ${await describeToken(client, asset)}, but tokens makes ${config.token} a claim on ${expectedAsset.token}, which source "${expectedAsset.sourceId}" places at ${expectedAsset.address}`,
        );
      }
      const underlying = await readTokenIdentity(client, scope, { address: asset, where: `asset() ${asset} of ${where}` });
      meta = { shareDecimals: share.decimals, assetDecimals: underlying.decimals };
    },
    calls() {
      const oneShare = 10n ** BigInt(meta?.shareDecimals ?? 18);
      return [
        { address: config.vault, abi: erc4626Abi, functionName: 'convertToAssets', args: [oneShare] },
        { address: config.vault, abi: erc4626Abi, functionName: 'totalAssets' },
        { address: config.vault, abi: erc4626Abi, functionName: 'totalSupply' },
      ];
    },
    decode(results: readonly CallResult[]) {
      return {
        pps: uintAt(config.id, results, 0, 'convertToAssets'),
        totalAssets: uintAt(config.id, results, 1, 'totalAssets'),
        totalSupply: uintAt(config.id, results, 2, 'totalSupply'),
        shareDecimals: BigInt(meta?.shareDecimals ?? 18),
        assetDecimals: BigInt(meta?.assetDecimals ?? 18),
      };
    },
  };
}
