import { ContractFunctionExecutionError, ContractFunctionRevertedError, ContractFunctionZeroDataError, HttpRequestError, type PublicClient } from 'viem';
import { describe, expect, it } from 'vitest';
import type { SourceOfKind } from '../../src/config/configSchema.ts';
import { camelotPairAbi, solidlyPairAbi, uniswapV2PairAbi } from '../../src/sources/abis.ts';
import type { CallResult } from '../../src/sources/sourceReader.ts';
import { uniswapV2Reader } from '../../src/sources/uniswapV2Reader.ts';

const POOL = '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853';
const TOKEN0 = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const TOKEN1 = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const config: SourceOfKind<'uniswap-v2'> = { id: 'p', kind: 'uniswap-v2', chain: 1088, pool: POOL, asset: 'eMetis', assetAddress: TOKEN0, quote: 'METIS' };

/** What viem's readContract throws when the pair has no such function: the call reverted with no data. */
const absent = (functionName: string) =>
  new ContractFunctionExecutionError(new ContractFunctionRevertedError({ abi: camelotPairAbi, data: '0x', functionName }), { abi: camelotPairAbi, functionName });

/**
 * A client standing in for the chain at prepare: token0/token1/decimals answer; the two probes answer what
 * `probes` says (a value or an error to throw).
 */
function chainWith(probes: { stableSwap: unknown; stable: unknown }): PublicClient {
  return {
    async readContract({ functionName, address }: { functionName: string; address: string }) {
      if (functionName === 'token0') return TOKEN0;
      if (functionName === 'token1') return TOKEN1;
      if (functionName === 'decimals') return address === TOKEN0 ? 18 : 6;
      const answer = functionName === 'stableSwap' ? probes.stableSwap : functionName === 'stable' ? probes.stable : undefined;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as PublicClient;
}

const ok = (result: unknown): CallResult => ({ status: 'success', result });

describe('uniswapV2Reader', () => {
  it('GIVEN neither stableSwap() nor stable() THEN a plain pair: getReserves of Uniswap V2, stored as stable 0', async () => {
    const reader = uniswapV2Reader(config);
    await reader.prepare(chainWith({ stableSwap: absent('stableSwap'), stable: absent('stable') }));
    expect(reader.prepared).toBe(true);
    expect(reader.calls().map((c) => [c.functionName, c.abi])).toEqual([['getReserves', uniswapV2PairAbi]]);
    expect(reader.decode([ok([5n, 7n, 1_700_000_000])])).toEqual({ reserve0: 5n, reserve1: 7n, stable: 0n, decimals0: 18n, decimals1: 6n, assetIsToken0: 1n });
  });

  it('GIVEN stableSwap() (Camelot) THEN its getReserves and stableSwap are read every cycle, since the owner can switch it', async () => {
    const reader = uniswapV2Reader(config);
    await reader.prepare(chainWith({ stableSwap: false, stable: absent('stable') }));
    expect(reader.calls().map((c) => [c.functionName, c.abi])).toEqual([
      ['getReserves', camelotPairAbi],
      ['stableSwap', camelotPairAbi],
    ]);
    expect(reader.decode([ok([5n, 7n, 300, 300]), ok(true)])).toMatchObject({ reserve0: 5n, reserve1: 7n, stable: 1n });
    expect(reader.decode([ok([5n, 7n, 300, 300]), ok(false)])).toMatchObject({ stable: 0n });
    expect(() => reader.decode([ok([5n, 7n, 300, 300]), { status: 'failure', error: absent('stableSwap') }])).toThrow(/stableSwap reverted/);
    expect(() => reader.decode([ok([5n, 7n, 300, 300]), ok(1n)])).toThrow(/stableSwap answered 1, not a bool/);
  });

  it('GIVEN stable() (Solidly) THEN its uint256 getReserves each cycle and the immutable flag from prepare', async () => {
    for (const stable of [true, false]) {
      const reader = uniswapV2Reader(config);
      await reader.prepare(chainWith({ stableSwap: absent('stableSwap'), stable }));
      expect(reader.calls().map((c) => [c.functionName, c.abi])).toEqual([['getReserves', solidlyPairAbi]]);
      expect(reader.decode([ok([2n ** 120n, 7n, 1_700_000_000n])])).toMatchObject({ reserve0: 2n ** 120n, reserve1: 7n, stable: stable ? 1n : 0n });
    }
  });

  it('GIVEN a probe that returns no data (an address without that view) THEN it counts as absent', async () => {
    const reader = uniswapV2Reader(config);
    const noData = new ContractFunctionExecutionError(new ContractFunctionZeroDataError({ functionName: 'stable' }), { abi: solidlyPairAbi, functionName: 'stable' });
    await reader.prepare(chainWith({ stableSwap: absent('stableSwap'), stable: noData }));
    expect(reader.decode([ok([5n, 7n, 0])])).toMatchObject({ stable: 0n });
  });

  it('GIVEN a probe lost to the network THEN prepare fails and is retried, instead of taking the pair for a plain one', async () => {
    const reader = uniswapV2Reader(config);
    const lost = new ContractFunctionExecutionError(new HttpRequestError({ url: 'http://127.0.0.1:1', status: 502 }), { abi: camelotPairAbi, functionName: 'stableSwap' });
    await expect(reader.prepare(chainWith({ stableSwap: lost, stable: absent('stable') }))).rejects.toThrow(/HTTP request failed/);
    expect(reader.prepared).toBe(false);
    expect(reader.calls()).toEqual([]);
    await reader.prepare(chainWith({ stableSwap: true, stable: absent('stable') }));
    expect(reader.prepared).toBe(true);
    expect(reader.decode([ok([5n, 7n, 300, 300]), ok(true)])).toMatchObject({ stable: 1n });
  });

  it('GIVEN a probe that answers something other than a bool THEN prepare fails with what it answered', async () => {
    await expect(uniswapV2Reader(config).prepare(chainWith({ stableSwap: absent('stableSwap'), stable: 1n }))).rejects.toThrow(/stable\(\) of 0x.* answered 1, not a bool/);
  });

  it('GIVEN getReserves reverts or answers out of shape THEN the source fails as before', async () => {
    const reader = uniswapV2Reader(config);
    await reader.prepare(chainWith({ stableSwap: absent('stableSwap'), stable: absent('stable') }));
    expect(() => reader.decode([{ status: 'failure', error: absent('getReserves') }])).toThrow(/getReserves reverted/);
    expect(() => reader.decode([ok('garbage')])).toThrow(/out of shape/);
  });
});
