import type { PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { erc20Abi } from './abis.ts';
import { readTokenIdentity } from './contractIdentity.ts';
import { uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/** A plain ERC-20 whose supply is a layer of the tower (a 1:1 claim such as eMetis); its identity is checked at prepare. */
export function erc20SupplyReader(config: SourceOfKind<'erc20-supply'>): SourceReader {
  let decimals: number | undefined;
  return {
    config,
    get prepared() {
      return decimals !== undefined;
    },
    async prepare(client: PublicClient) {
      const token = await readTokenIdentity(client, { sourceId: config.id, chainId: config.chain }, { address: config.address, expectedSymbol: config.symbol });
      decimals = token.decimals;
    },
    calls() {
      return [{ address: config.address, abi: erc20Abi, functionName: 'totalSupply' }];
    },
    decode(results: readonly CallResult[]) {
      return { totalSupply: uintAt(config.id, results, 0, 'totalSupply'), decimals: BigInt(decimals ?? 18) };
    },
  };
}
