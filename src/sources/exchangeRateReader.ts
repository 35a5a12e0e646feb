import type { PublicClient } from 'viem';
import type { SourceOfKind } from '../config/configSchema.ts';
import { uintViewAbi } from './abis.ts';
import { onChain, readTokenIdentity, requireContract } from './contractIdentity.ts';
import { SourceReadError, uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * A wrapper that is not ERC-4626: its rate is the ratio of two configured views, for example
 * `totalDeposits()` of a deposit pool over `totalSupply()` of the token. Decimals come from config
 * because the views need not belong to tokens. At prepare both addresses must hold a contract and, when the
 * denominator is a token's own `totalSupply()`, that token's `decimals()` must be the configured one.
 */
export function exchangeRateReader(config: SourceOfKind<'exchange-rate'>): SourceReader {
  const { numerator, denominator } = config;
  let checked = false;
  return {
    config,
    get prepared() {
      return checked;
    },
    async prepare(client: PublicClient) {
      const scope = { sourceId: config.id, chainId: config.chain };
      await Promise.all([requireContract(client, scope, numerator.address), requireContract(client, scope, denominator.address)]);
      if (denominator.call === 'totalSupply') {
        const where = `denominator token ${onChain(denominator.address, config.chain)}`;
        const token = await readTokenIdentity(client, scope, { address: denominator.address, where });
        if (token.decimals !== denominator.decimals) {
          throw new SourceReadError(config.id, `${where} answers decimals() = ${token.decimals}, but denominator.decimals is ${denominator.decimals} in the config`);
        }
      }
      checked = true;
    },
    calls() {
      return [
        { address: numerator.address, abi: uintViewAbi(numerator.call), functionName: numerator.call },
        { address: denominator.address, abi: uintViewAbi(denominator.call), functionName: denominator.call },
      ];
    },
    decode(results: readonly CallResult[]) {
      return {
        numerator: uintAt(config.id, results, 0, `${numerator.call}()`),
        denominator: uintAt(config.id, results, 1, `${denominator.call}()`),
        numeratorDecimals: BigInt(numerator.decimals),
        denominatorDecimals: BigInt(denominator.decimals),
      };
    },
  };
}
