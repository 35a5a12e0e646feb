import { zeroAddress, type Abi, type AbiParameter, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALGEBRA_TICK_SPACING,
  algebraArtifact,
  algebraPoolTestAbi,
  algebraTestPoolDeployerAbi,
  algebraTestRouterAbi,
  deployAlgebraPool,
  mintAlgebraPosition,
  swapAlgebra,
  type AlgebraPoolDeployment,
} from '../../src/devnet/algebraPool.ts';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import { compileFixtures } from '../../src/devnet/compileFixtures.ts';
import { createDevnetChain, deployFixture, type DevnetChain } from '../../src/devnet/devnetChain.ts';
import { devnetErc20Abi } from '../../src/devnet/fixtureAbis.ts';

const E18 = 10n ** 18n;

const canon = (params: readonly AbiParameter[]): string =>
  params.map((p) => ('components' in p && p.components ? `(${canon(p.components)})${p.type.slice(5)}` : p.type)).join(',');
/** Every function and event as one comparable line: name, input and output types, mutability. */
function signatures(abi: Abi): string[] {
  return abi.flatMap((item) =>
    item.type === 'function'
      ? [`function ${item.name}(${canon(item.inputs)}) ${item.stateMutability} (${canon(item.outputs)})`]
      : item.type === 'event'
        ? [`event ${item.name}(${canon(item.inputs)})`]
        : [],
  );
}

describe('Algebra devnet helper', () => {
  it('declares the fixtures as solc compiles them and the pool views as the shipped artifact has them', async () => {
    const fixtures = await compileFixtures();
    for (const [name, abi] of [
      ['AlgebraTestPoolDeployer', algebraTestPoolDeployerAbi],
      ['AlgebraTestRouter', algebraTestRouterAbi],
    ] as const) {
      const compiled = signatures(fixtures[name].abi);
      for (const sig of signatures(abi)) expect(compiled, `${name}: ${sig}`).toContain(sig);
    }
    const shipped = signatures(algebraArtifact('AlgebraPool').abi);
    for (const sig of signatures(algebraPoolTestAbi)) expect(shipped, sig).toContain(sig);
    // The pool's constructor reads parameters() from its deployer: ours answers the shipped interface's shape.
    const deployerInterface = signatures(
      (await import('@cryptoalgebra/core/artifacts/contracts/interfaces/IAlgebraPoolDeployer.sol/IAlgebraPoolDeployer.json', { with: { type: 'json' } })).default.abi as Abi,
    );
    expect(deployerInterface).toContain(signatures(algebraTestPoolDeployerAbi).find((s) => s.startsWith('function parameters'))!);
  });

  it('refuses tokens out of address order before touching the chain', async () => {
    const never = {} as Parameters<typeof deployAlgebraPool>[0];
    await expect(deployAlgebraPool(never, { token0: '0x00000000000000000000000000000000000000b0', token1: '0x00000000000000000000000000000000000000a0', sqrtPriceX96: 2n ** 96n })).rejects.toThrow(
      /must sort below token1/,
    );
  });

  describe('on anvil', () => {
    let anvil: AnvilHandle;
    let c: DevnetChain;
    let deployment: AlgebraPoolDeployment;

    beforeAll(async () => {
      anvil = await startAnvil({ chainId: 31_337, disableCodeSizeLimit: true });
      c = createDevnetChain(31_337, anvil.url);
      const fixtures = await compileFixtures();
      const tokens: Address[] = [];
      for (const symbol of ['TKA', 'TKB']) {
        const token = await deployFixture(c.walletClient, c.publicClient, fixtures, 'DevnetERC20', [symbol, symbol, 18]);
        await c.publicClient.waitForTransactionReceipt({
          hash: await c.walletClient.writeContract({ address: token, abi: devnetErc20Abi, functionName: 'mint', args: [c.walletClient.account.address, 1_000_000n * E18] }),
        });
        tokens.push(token);
      }
      const [token0, token1] = tokens.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)) as [Address, Address];
      deployment = await deployAlgebraPool(c, { token0, token1, sqrtPriceX96: 2n ** 96n, fixtures });
    }, 120_000);

    afterAll(async () => {
      await anvil?.stop();
    });

    const poolView = <F extends 'token0' | 'token1' | 'factory' | 'dataStorageOperator' | 'tickSpacing' | 'liquidity' | 'globalState'>(functionName: F) =>
      c.publicClient.readContract({ address: deployment.pool, abi: algebraPoolTestAbi, functionName });

    it('creates the pool at its CREATE2 address, bound to its own DataStorageOperator, initialized', async () => {
      expect(await poolView('token0')).toBe(deployment.token0);
      expect(await poolView('token1')).toBe(deployment.token1);
      expect(await poolView('factory')).toBe(deployment.factory);
      expect(await poolView('dataStorageOperator')).toBe(deployment.dataStorageOperator);
      expect(await poolView('tickSpacing')).toBe(ALGEBRA_TICK_SPACING);
      const [price, tick, fee, , , , unlocked] = await poolView('globalState');
      expect([price, tick, unlocked]).toEqual([2n ** 96n, 0, true]);
      expect(fee).toBeGreaterThan(0); // the factory's default adaptive-fee configuration reached the operator
      // The deployer's transient parameters are cleared once the pool exists.
      expect(await c.publicClient.readContract({ address: deployment.poolDeployer, abi: algebraTestPoolDeployerAbi, functionName: 'parameters' })).toEqual([
        zeroAddress,
        zeroAddress,
        zeroAddress,
        zeroAddress,
      ]);
    });

    it('mints through the router callback and swaps in both directions', async () => {
      const minted = await mintAlgebraPosition(c, deployment, { pool: deployment.pool, bottomTick: -6_000, topTick: 6_000, liquidity: 10_000n * E18 });
      expect(minted.amount0).toBeGreaterThan(0n);
      expect(minted.amount0).toBe(minted.amount1); // at price 1, a symmetric range takes equal amounts
      expect(await poolView('liquidity')).toBe(10_000n * E18);

      const sold = await swapAlgebra(c, deployment, { pool: deployment.pool, zeroToOne: true, amountIn: 10n * E18 });
      expect(sold.amount0).toBe(10n * E18);
      expect(sold.amount1).toBeLessThan(0n);
      expect((await poolView('globalState'))[1]).toBeLessThan(0);

      const bought = await swapAlgebra(c, deployment, { pool: deployment.pool, zeroToOne: false, amountIn: 20n * E18 });
      expect(bought.amount1).toBe(20n * E18);
      expect(bought.amount0).toBeLessThan(0n);
      expect((await poolView('globalState'))[1]).toBeGreaterThan(0);
    });
  });
});
