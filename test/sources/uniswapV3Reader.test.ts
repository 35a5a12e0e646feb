import { ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult } from 'viem';
import { describe, expect, it } from 'vitest';
import type { SourceOfKind } from '../../src/config/configSchema.ts';
import { uniswapV3PoolAbi } from '../../src/sources/abis.ts';
import type { CallResult } from '../../src/sources/sourceReader.ts';
import { uniswapV3Reader } from '../../src/sources/uniswapV3Reader.ts';

const POOL = '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853';
const config = (twapSeconds: number): SourceOfKind<'uniswap-v3'> => ({
  id: 'p', kind: 'uniswap-v3', chain: 1088, pool: POOL, asset: 'seMetis', assetAddress: POOL, quote: 'METIS', twapSeconds,
});

const slot0: CallResult = { status: 'success', result: [2n ** 96n, 0, 0, 1, 1, 0, true] };
const liquidity: CallResult = { status: 'success', result: 10n ** 18n };

/** observe() reverting with Error(reason), as viem's multicall reports it with allowFailure. */
function reverted(reason: string): CallResult {
  const data = encodeErrorResult({ abi: [{ type: 'error', name: 'Error', inputs: [{ type: 'string', name: 'message' }] }], errorName: 'Error', args: [reason] });
  const cause = new ContractFunctionRevertedError({ abi: uniswapV3PoolAbi, data, functionName: 'observe' });
  return { status: 'failure', error: new ContractFunctionExecutionError(cause, { abi: uniswapV3PoolAbi, functionName: 'observe', args: [[1800, 0]] }) };
}

describe('uniswapV3Reader', () => {
  it('GIVEN twapSeconds THEN observe([window, 0]) joins slot0 and liquidity in the multicall', () => {
    expect(uniswapV3Reader(config(1800)).calls().map((c) => [c.functionName, c.args])).toEqual([
      ['slot0', undefined],
      ['liquidity', undefined],
      ['observe', [[1800, 0]]],
    ]);
    expect(uniswapV3Reader(config(0)).calls().map((c) => c.functionName)).toEqual(['slot0', 'liquidity']);
  });

  it('GIVEN observe answers THEN the window and the signed difference of the two tickCumulatives', () => {
    const observe: CallResult = { status: 'success', result: [[-1_000n, -19_000n], [0n, 0n]] };
    expect(uniswapV3Reader(config(1800)).decode([slot0, liquidity, observe])).toMatchObject({
      sqrtPriceX96: 2n ** 96n,
      twapSeconds: 1800n,
      twapTickCumulativeDelta: -18_000n,
    });
  });

  it('GIVEN observe reverts "OLD" THEN spot is read and the TWAP is marked as beyond the oracle, not failed', () => {
    const values = uniswapV3Reader(config(1800)).decode([slot0, liquidity, reverted('OLD')]);
    expect(values).toMatchObject({ sqrtPriceX96: 2n ** 96n, liquidity: 10n ** 18n, twapSeconds: 1800n, twapOracleTooShort: 1n });
    expect(values.twapTickCumulativeDelta).toBeUndefined();
  });

  it('GIVEN observe reverts for another reason or answers out of shape THEN spot is read and the TWAP has no delta', () => {
    for (const [observe, noOracle] of [
      [reverted('I'), 1n],
      [{ status: 'success', result: 'garbage' } as const, undefined],
    ] as const) {
      const values = uniswapV3Reader(config(1800)).decode([slot0, liquidity, observe]);
      expect(values).toMatchObject({ sqrtPriceX96: 2n ** 96n, twapSeconds: 1800n });
      // A revert other than OLD means no usable oracle; an answer out of shape is only missing data.
      expect([values.twapTickCumulativeDelta, values.twapOracleTooShort, values.twapNoOracle]).toEqual([undefined, undefined, noOracle]);
    }
  });

  it('GIVEN slot0 reverts THEN the source fails as before', () => {
    expect(() => uniswapV3Reader(config(1800)).decode([reverted('boom'), liquidity, reverted('OLD')])).toThrow(/slot0 reverted/);
  });
});
