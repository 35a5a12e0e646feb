import type { SourceOfKind } from '../config/configSchema.ts';
import { uintViewAbi } from './abis.ts';
import { uintAt, type CallResult, type SourceReader } from './sourceReader.ts';

/**
 * A wrapper that is not ERC-4626: its rate is the ratio of two configured views, for example
 * `totalDeposits()` of a deposit pool over `totalSupply()` of the token. Decimals come from config
 * because the views need not belong to tokens.
 */
export function exchangeRateReader(config: SourceOfKind<'exchange-rate'>): SourceReader {
  const { numerator, denominator } = config;
  return {
    config,
    prepared: true,
    async prepare() {},
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
