import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algebraPoolTestAbi } from '../../src/devnet/algebraPool.ts';
import { DEVNET_ADDRESSES } from '../../src/devnet/devnetAddresses.ts';
import { DEVNET_INITIAL } from '../../src/devnet/devnetInitial.ts';
import { MULTICALL3_ADDRESS } from '../../src/vocabulary/chains.ts';
import { devnetErc20Abi, mockDepositPoolAbi } from '../../src/devnet/fixtureAbis.ts';
import { wobblePpm } from '../../src/devnet/scenario.ts';
import { mockCamelotPairAbi } from '../../src/devnet/stablePairs.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';

const a = DEVNET_ADDRESSES.l2;
const E18 = 10n ** 18n;
const Q96 = 2n ** 96n;

/**
 * The devnet's later L2 pools: the real Algebra artMETIS/WMETIS pool, funded and traded by Multicall3, and the
 * Camelot-style stable pair; read straight from anvil, not through the bot.
 */
describe('devnet L2: the Algebra artMETIS/WMETIS pool and the Camelot stable pair', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await startDevnet({ genesisTime: 1_740_000_000 });
  }, 120_000);

  afterAll(async () => {
    await devnet?.stop();
  });

  it('GIVEN a fresh devnet THEN the Algebra pool is WMETIS/artMETIS at 1:1 with its full-range position, and the supplies are unchanged', async () => {
    const pc = devnet.deployment.l2.publicClient;
    const [token0, token1, [price, tick], liquidity, wmetisSupply, artSupply, artSymbol] = await pc.multicall({
      allowFailure: false,
      contracts: [
        { address: a.algebraWmetisArtMetis, abi: algebraPoolTestAbi, functionName: 'token0' },
        { address: a.algebraWmetisArtMetis, abi: algebraPoolTestAbi, functionName: 'token1' },
        { address: a.algebraWmetisArtMetis, abi: algebraPoolTestAbi, functionName: 'globalState' },
        { address: a.algebraWmetisArtMetis, abi: algebraPoolTestAbi, functionName: 'liquidity' },
        { address: a.wmetis, abi: devnetErc20Abi, functionName: 'totalSupply' },
        { address: a.artMetis, abi: devnetErc20Abi, functionName: 'totalSupply' },
        { address: a.artMetis, abi: devnetErc20Abi, functionName: 'symbol' },
      ],
    });
    expect([token0, token1]).toEqual([a.wmetis, a.artMetis]);
    expect([price, tick]).toEqual([Q96, 0]);
    expect(liquidity).toBe(DEVNET_INITIAL.l2.algebraWmetisArtMetis.liquidity);
    expect(wmetisSupply).toBe(DEVNET_INITIAL.l2.wmetisSupply);
    expect(artSupply).toBe(DEVNET_INITIAL.l2.artMetisSupply);
    expect(artSymbol).toBe('artMETIS'); // as on mainnet, so default.yaml's assetSymbol holds on the devnet too
    // At price 1 a full-range position of liquidity L holds L × (1 − 1.0001^−443,610) of each token: its range ends
    // at tick ±887,220, not at infinity, so about 2,717 wei less than L. Multicall3 keeps the rest of its funds.
    const L = DEVNET_INITIAL.l2.algebraWmetisArtMetis.liquidity;
    const heldByPool = L - BigInt(Math.round(Number(L) * 1.0001 ** -443_610));
    const balances = await Promise.all(
      [a.wmetis, a.artMetis].map((token) => pc.readContract({ address: token, abi: devnetErc20Abi, functionName: 'balanceOf', args: [MULTICALL3_ADDRESS] })),
    );
    for (const left of balances) {
      const taken = DEVNET_INITIAL.l2.algebraFunds - left;
      expect(taken - heldByPool).toBeGreaterThanOrEqual(-2n);
      expect(taken - heldByPool).toBeLessThanOrEqual(2n);
    }
  });

  it('GIVEN a fresh devnet THEN the Camelot pair is a stable WMETIS/eMetis pair with the configured reserves', async () => {
    const pc = devnet.deployment.l2.publicClient;
    const [token0, token1, stable, reserves] = await pc.multicall({
      allowFailure: false,
      contracts: [
        { address: a.camelotStableWmetisEMetis, abi: mockCamelotPairAbi, functionName: 'token0' },
        { address: a.camelotStableWmetisEMetis, abi: mockCamelotPairAbi, functionName: 'token1' },
        { address: a.camelotStableWmetisEMetis, abi: mockCamelotPairAbi, functionName: 'stableSwap' },
        { address: a.camelotStableWmetisEMetis, abi: mockCamelotPairAbi, functionName: 'getReserves' },
      ],
    });
    expect([token0, token1, stable]).toEqual([a.wmetis, a.eMetis, true]);
    expect(reserves.slice(0, 2)).toEqual([100_000n * E18, 130_000n * E18]);
  });

  it('GIVEN advance(1 day) THEN the Algebra pool is at the Artemis rate × the wobble, and its oracle TWAP over 30 min is that price', async () => {
    const { scenario } = devnet;
    await scenario.advance(86_400);
    const pc = devnet.deployment.l2.publicClient;
    const deposits = await pc.readContract({ address: a.artemisDepositPool, abi: mockDepositPoolAbi, functionName: 'totalDeposits' });
    // 200,000 × (1 + 0.10 × 1 d / 365 d), the scenario's default Artemis APR, floored to the wei.
    expect(deposits).toBe(200_000n * E18 + (200_000n * E18 * 100_000_000n * 86_400n) / (1_000_000_000n * 31_536_000n));
    const wobble = wobblePpm(1, 3, 20);
    expect(Math.abs(wobble)).toBeGreaterThan(100); // a real move away from the rate, not a no-op
    const [sqrtPrice, tick] = await pc.readContract({ address: a.algebraWmetisArtMetis, abi: algebraPoolTestAbi, functionName: 'globalState' });
    // The pool price is WMETIS in artMETIS: its inverse is artMETIS in WMETIS.
    const artInWmetis = Number(Q96 * Q96) / Number(sqrtPrice * sqrtPrice);
    const expected = (Number(deposits) / Number(DEVNET_INITIAL.l2.artMetisSupply)) * (1 + wobble / 1e6);
    expect(artInWmetis / expected - 1).toBeLessThan(1e-12);
    expect(artInWmetis / expected - 1).toBeGreaterThan(-1e-12);
    expect(scenario.state().l2.pools.algebraWmetisArtMetis.wobblePpm).toBe(wobble);
    const [tickCumulatives] = await pc.readContract({ address: a.algebraWmetisArtMetis, abi: algebraPoolTestAbi, functionName: 'getTimepoints', args: [[1800, 0]] });
    const meanTick = Number(tickCumulatives[1]! - tickCumulatives[0]!) / 1800;
    expect(Math.abs(meanTick - tick)).toBeLessThanOrEqual(1);
  }, 60_000);
});
