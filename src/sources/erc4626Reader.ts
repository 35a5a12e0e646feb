import type { Address, PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { erc20Abi, erc4626Abi } from './abis.ts';
import { readDecimals, uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * An ERC-4626 vault: `pps` is `convertToAssets(10^shareDecimals)`, i.e. the assets one share redeems for,
 * scaled by 10^assetDecimals; `totalAssets` and `totalSupply` give TVL and supply.
 */
export function erc4626Reader(config: SourceOfKind<'erc4626'>): SourceReader {
  let meta: { shareDecimals: number; assetDecimals: number } | undefined;
  return {
    config,
    get prepared() {
      return meta !== undefined;
    },
    async prepare(client: PublicClient) {
      const [shareDecimals, asset] = await Promise.all([
        readDecimals(client, config.id, config.vault, erc4626Abi),
        client.readContract({ address: config.vault, abi: erc4626Abi, functionName: 'asset' }) as Promise<Address>,
      ]);
      meta = { shareDecimals, assetDecimals: await readDecimals(client, config.id, asset, erc20Abi) };
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
