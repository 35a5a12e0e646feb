import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublicClient,
  getContractAddress,
  http,
  parseAbiItem,
  type Abi,
  type AbiParameter,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
} from 'viem';
import { tickAtSqrtRatio } from '../../src/core/tickMath.ts';
import { startAnvil } from '../../src/devnet/anvil.ts';
import { CONTRACT_NAMES, compileFixtures, type ContractName } from '../../src/devnet/compileFixtures.ts';
import {
  DEVNET_ADDRESSES,
  DEVNET_DEPLOYER,
  DEVNET_INITIAL,
  devnetChain,
  MULTICALL3_ADDRESS,
} from '../../src/devnet/deployDevnet.ts';
import {
  mockDepositPoolAbi,
  mockErc20Abi,
  mockErc4626Abi,
  mockLockingInfoAbi,
  mockLockingPoolAbi,
  mockUniswapV2PairAbi,
  mockUniswapV3PoolAbi,
  multicall3FullAbi as multicall3Abi,
} from '../../src/devnet/fixtureAbis.ts';
import { priceFromSqrtPriceX96, priceFromV2Reserves, ratioToE18 } from '../../src/devnet/priceMath.ts';
import { growBySimpleApr, wobblePpm } from '../../src/devnet/scenario.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';

const GENESIS = 1_750_000_000;
const DAY = 86_400;
const E18 = 10n ** 18n;
const distributeReward = parseAbiItem('event DistributeReward(uint256 indexed batchId, uint256 startEpoch, uint256 endEpoch, uint256 amount, uint256 rpb)');
const rewardUpdate = parseAbiItem('event RewardUpdate(uint256 newReward, uint256 oldReward)');

let devnet: Devnet;
let l1: PublicClient<Transport, Chain>;
let l2: PublicClient<Transport, Chain>;

beforeAll(async () => {
  devnet = await startDevnet({ genesisTime: GENESIS });
  // Clients built the way the bot would: defineChain with the canonical Multicall3, rpc = the anvil url.
  l1 = createPublicClient({ chain: devnetChain(1, devnet.l1.url), transport: http() });
  l2 = createPublicClient({ chain: devnetChain(1088, devnet.l2.url), transport: http() });
});

afterAll(async () => {
  await devnet?.stop();
});

const canon = (p: readonly AbiParameter[]) => p.map((x) => `${x.type}${'indexed' in x && x.indexed ? ' indexed' : ''}`).join(',');
function signatures(abi: Abi): Set<string> {
  const out = new Set<string>();
  for (const item of abi) {
    if (item.type === 'function') out.add(`function ${item.name}(${canon(item.inputs)}) ${item.stateMutability} (${canon(item.outputs)})`);
    if (item.type === 'event') out.add(`event ${item.name}(${canon(item.inputs)})`);
  }
  return out;
}

describe('fixtures', () => {
  it('compiles every contract and the typed ABIs match solc output', async () => {
    const fixtures = await compileFixtures();
    expect(Object.keys(fixtures).sort()).toEqual([...CONTRACT_NAMES].sort());
    const typed: [ContractName, Abi][] = [
      ['MockERC20', mockErc20Abi],
      ['MockERC4626', mockErc4626Abi],
      ['MockLockingPool', mockLockingPoolAbi],
      ['MockLockingInfo', mockLockingInfoAbi],
      ['MockDepositPool', mockDepositPoolAbi],
      ['MockUniswapV2Pair', mockUniswapV2PairAbi],
      ['MockUniswapV3Pool', mockUniswapV3PoolAbi],
      ['Multicall3', multicall3Abi],
    ];
    for (const [name, abi] of typed) {
      const compiled = signatures(fixtures[name].abi);
      for (const sig of signatures(abi)) expect(compiled, `${name}: ${sig}`).toContain(sig);
    }
    const again = performance.now();
    expect(await compileFixtures()).toBe(fixtures);
    expect(performance.now() - again).toBeLessThan(50);
  });
});

describe('deployment', () => {
  it('puts every contract at its DEVNET_ADDRESSES entry (deployer nonces 0, 1, 2, …)', async () => {
    const l1Order = [DEVNET_ADDRESSES.l1.metis, DEVNET_ADDRESSES.l1.lockingInfo, DEVNET_ADDRESSES.l1.lockingPool];
    const a = DEVNET_ADDRESSES.l2;
    const l2Order = [a.wmetis, a.eMetis, a.seMetis, a.artMetis, a.artemisDepositPool, a.usdc, a.v2EMetisWmetis, a.v3WmetisSeMetis, a.v3WmetisUsdc];
    const expectAt = async (client: PublicClient<Transport, Chain>, order: readonly Address[]) => {
      for (const [nonce, address] of order.entries()) {
        expect(getContractAddress({ from: DEVNET_DEPLOYER, nonce: BigInt(nonce) })).toBe(address);
        expect((await client.getCode({ address }))?.length ?? 0).toBeGreaterThan(2);
      }
      expect((await client.getCode({ address: MULTICALL3_ADDRESS }))?.length ?? 0).toBeGreaterThan(2);
    };
    await expectAt(l1, l1Order);
    await expectAt(l2, l2Order);
    expect(await l1.getChainId()).toBe(1);
    expect(await l2.getChainId()).toBe(1088);
  });

  it('leaves both chains at the same timestamp, readyTime, after the same genesis', async () => {
    const ready = devnet.deployment.readyTime;
    const [b1, b2, g1, g2] = await Promise.all([l1.getBlock(), l2.getBlock(), l1.getBlock({ blockNumber: 0n }), l2.getBlock({ blockNumber: 0n })]);
    expect(g1.timestamp).toBe(BigInt(GENESIS));
    expect(g2.timestamp).toBe(BigInt(GENESIS));
    expect(b1.timestamp).toBe(BigInt(ready));
    expect(b2.timestamp).toBe(BigInt(ready));
    expect(devnet.scenario.state().time).toBe(ready);
  });

  it('Multicall3 answers aggregate3 with one failing call (allowFailure) on both chains', async () => {
    for (const [client, token] of [
      [l1, DEVNET_ADDRESSES.l1.metis],
      [l2, DEVNET_ADDRESSES.l2.eMetis],
    ] as const) {
      const [number, failing, supply, chainId] = await client.multicall({
        contracts: [
          { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getBlockNumber' },
          // rewardPerBlock() on an ERC-20: no such function, so the call reverts
          { address: token, abi: mockLockingPoolAbi, functionName: 'rewardPerBlock' },
          { address: token, abi: mockErc20Abi, functionName: 'totalSupply' },
          { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getChainId' },
        ],
        allowFailure: true,
      });
      expect(number.status).toBe('success');
      expect(failing.status).toBe('failure');
      expect(supply).toEqual({ status: 'success', result: client === l1 ? DEVNET_INITIAL.l1.metisSupply : DEVNET_INITIAL.l2.eMetisSupply });
      expect(chainId).toEqual({ status: 'success', result: BigInt(client.chain.id) });
    }
    // allowFailure = false on the failing call reverts the whole aggregate3
    await expect(
      l2.simulateContract({
        address: MULTICALL3_ADDRESS,
        abi: multicall3Abi,
        functionName: 'aggregate3',
        args: [[{ target: DEVNET_ADDRESSES.l2.eMetis, allowFailure: false, callData: '0x12345678' }]],
      }),
    ).rejects.toThrow(/Multicall3: call failed/);
  });

  it('holds the DEVNET_INITIAL state', async () => {
    const l1a = DEVNET_ADDRESSES.l1;
    const l2a = DEVNET_ADDRESSES.l2;
    const init = DEVNET_INITIAL;
    const r1 = await l1.multicall({
      allowFailure: false,
      contracts: [
        { address: l1a.lockingPool, abi: mockLockingPoolAbi, functionName: 'rewardPerBlock' },
        { address: l1a.lockingPool, abi: mockLockingPoolAbi, functionName: 'BLOCK_REWARD' },
        { address: l1a.lockingPool, abi: mockLockingPoolAbi, functionName: 'exitDelayPeriod' },
        { address: l1a.lockingPool, abi: mockLockingPoolAbi, functionName: 'WITHDRAWAL_DELAY' },
        { address: l1a.lockingPool, abi: mockLockingPoolAbi, functionName: 'escrow' },
        { address: l1a.lockingPool, abi: mockLockingPoolAbi, functionName: 'currentBatch' },
        { address: l1a.lockingInfo, abi: mockLockingInfoAbi, functionName: 'totalLocked' },
        { address: l1a.lockingInfo, abi: mockLockingInfoAbi, functionName: 'minLock' },
        { address: l1a.lockingInfo, abi: mockLockingInfoAbi, functionName: 'maxLock' },
      ],
    });
    expect(r1).toEqual([
      init.l1.rewardPerBlock,
      init.l1.rewardPerBlock,
      init.l1.exitDelaySeconds,
      init.l1.exitDelaySeconds,
      l1a.lockingInfo,
      0n,
      init.l1.totalLocked,
      init.l1.minLock,
      init.l1.maxLock,
    ]);

    const r2 = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: l2a.seMetis, abi: mockErc4626Abi, functionName: 'asset' },
        { address: l2a.seMetis, abi: mockErc4626Abi, functionName: 'symbol' },
        { address: l2a.seMetis, abi: mockErc4626Abi, functionName: 'convertToAssets', args: [E18] },
        { address: l2a.artemisDepositPool, abi: mockDepositPoolAbi, functionName: 'totalDeposits' },
        { address: l2a.artMetis, abi: mockErc20Abi, functionName: 'totalSupply' },
        { address: l2a.usdc, abi: mockErc20Abi, functionName: 'decimals' },
        { address: l2a.v2EMetisWmetis, abi: mockUniswapV2PairAbi, functionName: 'token0' },
        { address: l2a.v2EMetisWmetis, abi: mockUniswapV2PairAbi, functionName: 'token1' },
        { address: l2a.v2EMetisWmetis, abi: mockUniswapV2PairAbi, functionName: 'getReserves' },
        { address: l2a.v3WmetisSeMetis, abi: mockUniswapV3PoolAbi, functionName: 'token0' },
        { address: l2a.v3WmetisSeMetis, abi: mockUniswapV3PoolAbi, functionName: 'token1' },
        { address: l2a.v3WmetisSeMetis, abi: mockUniswapV3PoolAbi, functionName: 'slot0' },
        { address: l2a.v3WmetisUsdc, abi: mockUniswapV3PoolAbi, functionName: 'slot0' },
        { address: l2a.v3WmetisUsdc, abi: mockUniswapV3PoolAbi, functionName: 'liquidity' },
      ],
    });
    const [asset, symbol, pps, deposits, artSupply, usdcDecimals, v2t0, v2t1, reserves, v3t0, v3t1, seSlot0, usdcSlot0, usdcLiquidity] = r2;
    expect([asset, symbol, pps, deposits, artSupply, usdcDecimals]).toEqual([l2a.eMetis, 'seMetis', E18, init.l2.artemisTotalDeposits, init.l2.artMetisSupply, 6]);
    expect([v2t0, v2t1, v3t0, v3t1]).toEqual([l2a.eMetis, l2a.wmetis, l2a.wmetis, l2a.seMetis]);
    expect(reserves[0]).toBe(init.l2.v2EMetisWmetis.reserve0);
    expect(reserves[1]).toBe(init.l2.v2EMetisWmetis.reserve1);
    expect(seSlot0[0]).toBe(2n ** 96n);
    expect(seSlot0[1]).toBe(0);
    // (sqrtPriceX96 / 2^96)^2 × 10^(dec0 − dec1) = 40 USDC per METIS
    const usdcPrice = Number(usdcSlot0[0]) ** 2 / 2 ** 192 * 10 ** (18 - 6);
    expect(usdcPrice).toBeCloseTo(40, 9);
    expect(1.0001 ** usdcSlot0[1]).toBeLessThanOrEqual((Number(usdcSlot0[0]) / 2 ** 96) ** 2);
    expect(usdcLiquidity).toBe(init.l2.v3WmetisUsdc.liquidity);
  });
});

describe('scenario', () => {
  it('advance(1 day): 21,600 L2 blocks at 4 s, one DistributeReward, vault and pools moved as recomputed', async () => {
    const { scenario, deployment } = devnet;
    const ready = deployment.readyTime;
    const before = await l2.getBlockNumber();
    const started = performance.now();
    const record = await scenario.advance(DAY);
    const took = performance.now() - started;
    expect(took).toBeLessThan(30_000);

    const rpb = DEVNET_INITIAL.l1.rewardPerBlock;
    expect(record).toMatchObject({ fromTime: ready, toTime: ready + DAY, l2Blocks: 21_600n, l2BlocksMined: 21_600n, startBlock: before + 1n, endBlock: before + 21_600n, rewardAmount: rpb * 21_600n, batchId: 1n });

    // both chains at ready + 1 day; the L2 trailing window (the bot's default 10,000 blocks) measures exactly 4 s
    const [h1, h2] = await Promise.all([l1.getBlock(), l2.getBlock()]);
    expect(h1.timestamp).toBe(BigInt(ready + DAY));
    expect(h2.timestamp).toBe(BigInt(ready + DAY));
    expect(h2.number).toBe(before + 21_600n);
    const past = await l2.getBlock({ blockNumber: h2.number - 10_000n });
    expect(Number(h2.timestamp - past.timestamp) / 10_000).toBe(4);

    // DistributeReward on L1: rewardPerBlock × L2 blocks; realized APR = nominal APR = 15.768 %
    const logs = await l1.getLogs({ address: DEVNET_ADDRESSES.l1.lockingPool, event: distributeReward, fromBlock: 0n });
    expect(logs).toHaveLength(1);
    expect(logs[0]!.args).toEqual({ batchId: 1n, startEpoch: before + 1n, endEpoch: before + 21_600n, amount: 432n * E18, rpb });
    expect(Number(logs[0]!.args.amount!) / Number(DEVNET_INITIAL.l1.totalLocked) * 365).toBeCloseTo(0.15768, 12);

    // vault pps grew by 12 % simple over one day; eMetis supply by the same amount; Artemis by 10 %
    const assets = growBySimpleApr(DEVNET_INITIAL.l2.seMetisTotalAssets, 0.12, DAY);
    const deposits = growBySimpleApr(DEVNET_INITIAL.l2.artemisTotalDeposits, 0.1, DAY);
    const a = DEVNET_ADDRESSES.l2;
    const [pps, totalAssets, eSupply, artDeposits, reserves, seSlot0, usdcSlot0] = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: a.seMetis, abi: mockErc4626Abi, functionName: 'convertToAssets', args: [E18] },
        { address: a.seMetis, abi: mockErc4626Abi, functionName: 'totalAssets' },
        { address: a.eMetis, abi: mockErc20Abi, functionName: 'totalSupply' },
        { address: a.artemisDepositPool, abi: mockDepositPoolAbi, functionName: 'totalDeposits' },
        { address: a.v2EMetisWmetis, abi: mockUniswapV2PairAbi, functionName: 'getReserves' },
        { address: a.v3WmetisSeMetis, abi: mockUniswapV3PoolAbi, functionName: 'slot0' },
        { address: a.v3WmetisUsdc, abi: mockUniswapV3PoolAbi, functionName: 'slot0' },
      ],
    });
    expect(totalAssets).toBe(assets);
    expect(pps).toBe((E18 * assets) / DEVNET_INITIAL.l2.seMetisTotalSupply);
    expect(Number(pps) / 1e18).toBeCloseTo(1 + 0.12 / 365, 12);
    expect(eSupply).toBe(DEVNET_INITIAL.l2.eMetisSupply + (assets - DEVNET_INITIAL.l2.seMetisTotalAssets));
    expect(artDeposits).toBe(deposits);

    // pools: state() equals the chain, prices are fair × (1 + wobble(step 1)), wobble within ±20 bps
    const s = scenario.state();
    expect(s.step).toBe(1);
    expect(s.l2.seMetisTotalAssets).toBe(assets);
    expect(s.l2.pools.v2EMetisWmetis).toMatchObject({ reserve0: reserves[0], reserve1: reserves[1], wobblePpm: wobblePpm(1, 0, 20) });
    expect(s.l2.pools.v3WmetisSeMetis).toMatchObject({ sqrtPriceX96: seSlot0[0], tick: seSlot0[1], wobblePpm: wobblePpm(1, 1, 20) });
    expect(s.l2.pools.v3WmetisUsdc).toMatchObject({ sqrtPriceX96: usdcSlot0[0], tick: usdcSlot0[1], wobblePpm: wobblePpm(1, 2, 20) });
    for (const pool of Object.values(s.l2.pools)) expect(Math.abs(pool.wobblePpm)).toBeLessThanOrEqual(2_000);
    // Each V3 tick is the pool's own for its sqrt price (TickMath), so observe() accumulates what spot shows.
    for (const slot0 of [seSlot0, usdcSlot0]) expect(slot0[1]).toBe(tickAtSqrtRatio(slot0[0]));

    const v2Price = ratioToE18(priceFromV2Reserves(reserves[0], reserves[1], 18, 18)); // eMetis in WMETIS
    expect(Number(v2Price) / 1e18).toBeCloseTo(1 + wobblePpm(1, 0, 20) / 1e6, 9);
    const sePoolPrice = ratioToE18(priceFromSqrtPriceX96(seSlot0[0], 18, 18)); // WMETIS in seMetis: invert
    expect(1e18 / Number(sePoolPrice)).toBeCloseTo((Number(pps) / 1e18) * (1 + wobblePpm(1, 1, 20) / 1e6), 9);
    const usdc = ratioToE18(priceFromSqrtPriceX96(usdcSlot0[0], 18, 6));
    expect(Number(usdc) / 1e18).toBeCloseTo(40 * (1 + wobblePpm(1, 2, 20) / 1e6), 6);
  });

  it('setters: RewardUpdate, a depeg that persists through an advance, and the V3 observe accumulator', async () => {
    const { scenario } = devnet;
    const old = DEVNET_INITIAL.l1.rewardPerBlock;
    await scenario.setRewardPerBlock(25_000_000_000_000_000n);
    const updates = await l1.getLogs({ address: DEVNET_ADDRESSES.l1.lockingPool, event: rewardUpdate, fromBlock: 0n });
    expect(updates.map((l) => l.args)).toEqual([{ newReward: 25_000_000_000_000_000n, oldReward: old }]);

    await scenario.setDepeg('v2EMetisWmetis', -100);
    const [r0, r1] = await l2.readContract({ address: DEVNET_ADDRESSES.l2.v2EMetisWmetis, abi: mockUniswapV2PairAbi, functionName: 'getReserves' });
    expect(Number(r1) / Number(r0)).toBeCloseTo(0.99, 12);

    const econ1 = scenario.state().l2.economicsTime;
    const tick1 = scenario.state().l2.pools.v3WmetisSeMetis.tick!;
    const record = await scenario.advance(3_600);
    expect(record.l2Blocks).toBe(900n - 1n); // the setDepeg block took one 4 s slot of this hour
    expect(record.rewardAmount).toBe(25_000_000_000_000_000n * 899n);
    const v2 = scenario.state().l2.pools.v2EMetisWmetis;
    expect(Number(v2.reserve1!) / Number(v2.reserve0!)).toBeCloseTo(0.99 * (1 + wobblePpm(2, 0, 20) / 1e6), 9);

    // observe: the pools move in the first block of a span, so with start2 that block's time,
    // tickCumulative(T) − tickCumulative(econ1) = tick1 × (start2 − econ1) + tick2 × (T − start2)
    const start2 = Number((await l2.getBlock({ blockNumber: record.startBlock })).timestamp);
    const tick2 = scenario.state().l2.pools.v3WmetisSeMetis.tick!;
    const [now, observed] = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
        { address: DEVNET_ADDRESSES.l2.v3WmetisSeMetis, abi: mockUniswapV3PoolAbi, functionName: 'observe', args: [[0, 0]] },
      ],
    });
    const T = Number(now);
    const [cums] = await l2.multicall({
      allowFailure: false,
      contracts: [{ address: DEVNET_ADDRESSES.l2.v3WmetisSeMetis, abi: mockUniswapV3PoolAbi, functionName: 'observe', args: [[0, T - econ1]] }],
    });
    expect(observed[0][0]).toBe(observed[0][1]);
    expect(cums[0][0]! - cums[0][1]!).toBe(BigInt(tick1 * (start2 - econ1) + tick2 * (T - start2)));
  });

  it('compresses spans longer than maxL2BlocksPerAdvance: one gap block, then the trailing blocks at exactly 4 s', async () => {
    const before = await l2.getBlock();
    const record = await devnet.scenario.advance(DAY, { maxL2Blocks: 2_500 });
    expect(record.l2Blocks).toBe(21_600n);
    expect(record.l2BlocksMined).toBe(2_500n);
    expect(record.rewardAmount).toBe(25_000_000_000_000_000n * 21_600n);
    const head = await l2.getBlock();
    expect(head.number).toBe(before.number + 2_500n);
    expect(head.timestamp).toBe(BigInt(record.toTime));
    const window = await l2.getBlock({ blockNumber: head.number - 2_499n });
    expect(Number(head.timestamp - window.timestamp) / 2_499).toBe(4);
    expect(() => devnet.scenario.advance(60, { maxL2Blocks: 100 })).toThrow(RangeError);
  });
});

/** True once `pid` no longer runs (gone, or a zombie waiting for a reaper). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  if (process.platform !== 'linux') return false;
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Runs test/devnet/anvilChild.ts; resolves with the anvil pid it printed and how the child ended. */
function runChild(mode: 'default' | 'host-handler' | 'exit'): Promise<{ anvilPid: number; code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  const script = fileURLToPath(new URL('./anvilChild.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let anvilPid = -1;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const match = /\{"pid":(\d+)\}/.exec(stdout);
    if (match && anvilPid < 0) {
      anvilPid = Number(match[1]);
      if (mode !== 'exit') child.kill('SIGTERM');
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      anvilPid < 0 ? reject(new Error(`child printed no anvil pid (code ${code}, signal ${signal})\n${stderr}`)) : resolve({ anvilPid, code, signal, stdout }),
    );
  });
}

describe('anvil', () => {
  it('kills its anvils when the host gets SIGTERM or exits, without overriding host signal handlers', async () => {
    const [plain, hosted, exited] = await Promise.all([runChild('default'), runChild('host-handler'), runChild('exit')]);
    // no host handler: the default behaviour (death by SIGTERM) is restored after killing anvil
    expect(plain.signal).toBe('SIGTERM');
    // a host handler: it still runs and decides how the process ends
    expect(hosted.code).toBe(7);
    expect(hosted.stdout).toContain('host handler ran');
    expect(exited.code).toBe(0);
    for (const r of [plain, hosted, exited]) expect(isGone(r.anvilPid), `anvil ${r.anvilPid}`).toBe(true);
  });

  it('reports a port clash with anvil output', async () => {
    await expect(startAnvil({ chainId: 1, port: devnet.l1.port })).rejects.toThrow(/anvil exited before listening[\s\S]*anvil output/);
  });

  it('stop() leaves no anvil process', async () => {
    const pids = [devnet.l1.pid, devnet.l2.pid];
    await devnet.stop();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/); // we reaped them: gone, not zombies
    await devnet.stop(); // idempotent
  });
});
