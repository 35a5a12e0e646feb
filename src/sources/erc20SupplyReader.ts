import type { PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { erc20Abi } from './abis.ts';
import { readDecimals, uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/** A plain ERC-20 whose supply is a layer of the tower (a 1:1 claim such as eMetis). */
export function erc20SupplyReader(config: SourceOfKind<'erc20-supply'>): SourceReader {
  let decimals: number | undefined;
  return {
    config,
    get prepared() {
      return decimals !== undefined;
    },
    async prepare(client: PublicClient) {
      decimals = await readDecimals(client, config.id, config.address, erc20Abi);
    },
    calls() {
      return [{ address: config.address, abi: erc20Abi, functionName: 'totalSupply' }];
    },
    decode(results: readonly CallResult[]) {
      return { totalSupply: uintAt(config.id, results, 0, 'totalSupply'), decimals: BigInt(decimals ?? 18) };
    },
  };
}
