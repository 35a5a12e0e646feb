import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublicClient,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getContractAddress,
  getCreate2Address,
  http,
  keccak256,
  parseAbiItem,
  parseEventLogs,
  type Abi,
  type AbiParameter,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
} from 'viem';
import { startAnvil } from '../../src/devnet/anvil.ts';
import { CONTRACT_NAMES, compileFixtures, type ContractName } from '../../src/devnet/compileFixtures.ts';
import { DEVNET_ADDRESSES, DEVNET_DEPLOYER } from '../../src/devnet/devnetAddresses.ts';
import { DEVNET_INITIAL } from '../../src/devnet/devnetInitial.ts';
import { DEVNET_SEQUENCERS, devnetPubkey } from '../../src/devnet/devnetSequencers.ts';
import { devnetChain, sendBatch } from '../../src/devnet/devnetChain.ts';
import { MULTICALL3_ADDRESS } from '../../src/vocabulary/chains.ts';
import {
  devnetErc20Abi,
  devnetRouterAbi,
  devnetVaultAbi,
  mockDepositPoolAbi,
  mockLockingInfoAbi,
  mockLockingPoolAbi,
  mockMetisSequencerSetAbi,
  multicall3FullAbi as multicall3Abi,
  uniswapV2FactoryAbi,
  uniswapV2PairFullAbi,
  uniswapV3FactoryAbi,
  uniswapV3PoolFullAbi,
} from '../../src/devnet/fixtureAbis.ts';
import { initCodeHash, PACKAGE_CONTRACT_NAMES, packageArtifacts, type PackageContractName } from '../../src/devnet/packageArtifacts.ts';
import { v2SwapToPrice } from '../../src/devnet/priceMath.ts';
import { growBySimpleApr, wobblePpm } from '../../src/devnet/scenario.ts';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.ts';
import { erc4626Abi, lockingInfoEvents, lockingPoolSequencersAbi, metisSequencerSetAbi, uniswapV2PairAbi, uniswapV3PoolAbi } from '../../src/sources/abis.ts';

const GENESIS = 1_750_000_000;
const DAY = 86_400;
const E18 = 10n ** 18n;
const E6 = 10n ** 6n;
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

// Computed here, not with the devnet's helpers: floats are plenty to check integers that should be exact.
const Q96 = 2 ** 96;
/** Price of token0 in token1, whole tokens, from sqrtPriceX96. */
const v3Price = (sqrtPriceX96: bigint, decimals0: number, decimals1: number) => (Number(sqrtPriceX96) / Q96) ** 2 * 10 ** (decimals0 - decimals1);
/** Price of token0 in token1, whole tokens, from V2 reserves. */
const v2Price = (reserve0: bigint, reserve1: bigint, decimals0: number, decimals1: number) => (Number(reserve1) / Number(reserve0)) * 10 ** (decimals0 - decimals1);
/** The pool's tick brackets its raw price: 1.0001^tick ≤ price < 1.0001^(tick + 1). */
function expectTickBrackets(tick: number, sqrtPriceX96: bigint): void {
  const raw = (Number(sqrtPriceX96) / Q96) ** 2;
  expect(1.0001 ** tick).toBeLessThanOrEqual(raw * (1 + 1e-12));
  expect(1.0001 ** (tick + 1)).toBeGreaterThan(raw);
}
/** UniswapV2Library.getAmountOut, written out again. */
const amountOut = (amountIn: bigint, reserveIn: bigint, reserveOut: bigint) => (amountIn * 997n * reserveOut) / (reserveIn * 1000n + amountIn * 997n);
const sorted = (a: Address, b: Address): [Address, Address] => (a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a]);

describe('fixtures and package contracts', () => {
  it('compiles every fixture against the OpenZeppelin and Uniswap sources, and the typed ABIs match solc output', async () => {
    const fixtures = await compileFixtures();
    expect(Object.keys(fixtures).sort()).toEqual([...CONTRACT_NAMES].sort());
    const typed: [ContractName, Abi][] = [
      ['DevnetERC20', devnetErc20Abi],
      ['DevnetVault', devnetVaultAbi],
      ['DevnetRouter', devnetRouterAbi],
      ['MockLockingPool', mockLockingPoolAbi],
      ['MockLockingInfo', mockLockingInfoAbi],
      ['MockDepositPool', mockDepositPoolAbi],
      ['Multicall3', multicall3Abi],
      ['MockMetisSequencerSet', mockMetisSequencerSetAbi],
      // The mainnet ABIs the bot reads: the fixtures must answer them exactly (struct with bytes, indexed flags).
      ['MockLockingPool', lockingPoolSequencersAbi],
      ['MockLockingInfo', lockingInfoEvents],
      ['MockMetisSequencerSet', metisSequencerSetAbi],
    ];
    for (const [name, abi] of typed) {
      const compiled = signatures(fixtures[name].abi);
      for (const sig of signatures(abi)) expect(compiled, `${name}: ${sig}`).toContain(sig);
    }
    // The vault is OpenZeppelin's ERC4626 as it ships: everything the bot reads from an ERC-4626 is there.
    for (const sig of signatures(erc4626Abi)) expect(signatures(fixtures.DevnetVault.abi), sig).toContain(sig);
    expect(await compileFixtures()).toBe(fixtures); // memoized for the process
  });

  it('deploys the Uniswap V2 and V3 core contracts from their packages, the same bytecode as on mainnet', () => {
    const artifacts = packageArtifacts();
    expect(Object.keys(artifacts).sort()).toEqual([...PACKAGE_CONTRACT_NAMES].sort());
    // The init-code hashes Uniswap publishes for mainnet (v2-periphery UniswapV2Library, v3-periphery PoolAddress).
    expect(initCodeHash('UniswapV2Pair')).toBe('0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f');
    expect(initCodeHash('UniswapV3Pool')).toBe('0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54');
    const typed: [PackageContractName, Abi][] = [
      ['UniswapV2Factory', uniswapV2FactoryAbi],
      ['UniswapV2Pair', uniswapV2PairFullAbi],
      ['UniswapV2Pair', uniswapV2PairAbi], // what the bot reads
      ['UniswapV3Factory', uniswapV3FactoryAbi],
      ['UniswapV3Pool', uniswapV3PoolFullAbi],
      ['UniswapV3Pool', uniswapV3PoolAbi], // what the bot reads
    ];
    for (const [name, abi] of typed) {
      const shipped = signatures(artifacts[name].abi);
      for (const sig of signatures(abi)) expect(shipped, `${name}: ${sig}`).toContain(sig);
    }
  });
});

describe('deployment', () => {
  it('puts every contract at its DEVNET_ADDRESSES entry: deployer nonces 0, 1, 2, …, pools at their factories\' CREATE2 addresses', async () => {
    const l1Order = [DEVNET_ADDRESSES.l1.metis, DEVNET_ADDRESSES.l1.lockingInfo, DEVNET_ADDRESSES.l1.lockingPool];
    const a = DEVNET_ADDRESSES.l2;
    const l2Order = [a.wmetis, a.eMetis, a.seMetis, a.artMetis, a.artemisDepositPool, a.usdc, a.uniswapV2Factory, a.uniswapV3Factory, a.router];
    const expectAt = async (client: PublicClient<Transport, Chain>, order: readonly Address[]) => {
      for (const [nonce, address] of order.entries()) {
        expect(getContractAddress({ from: DEVNET_DEPLOYER, nonce: BigInt(nonce) })).toBe(address);
        expect((await client.getCode({ address }))?.length ?? 0).toBeGreaterThan(2);
      }
      expect((await client.getCode({ address: MULTICALL3_ADDRESS }))?.length ?? 0).toBeGreaterThan(2);
    };
    await expectAt(l1, l1Order);
    await expectAt(l2, l2Order);

    const v2Pair = (x: Address, y: Address) =>
      getCreate2Address({ from: a.uniswapV2Factory, salt: keccak256(encodePacked(['address', 'address'], sorted(x, y))), bytecode: packageArtifacts().UniswapV2Pair.bytecode });
    const v3Pool = (x: Address, y: Address, fee: number) =>
      getCreate2Address({
        from: a.uniswapV3Factory,
        salt: keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [...sorted(x, y), fee])),
        bytecode: packageArtifacts().UniswapV3Pool.bytecode,
      });
    expect(v2Pair(a.eMetis, a.wmetis)).toBe(a.v2EMetisWmetis);
    expect(v3Pool(a.wmetis, a.seMetis, 500)).toBe(a.v3WmetisSeMetis);
    expect(v3Pool(a.wmetis, a.usdc, 3000)).toBe(a.v3WmetisUsdc);
    // The pools run the packages' runtime code, unchanged.
    expect(await l2.getCode({ address: a.v2EMetisWmetis })).toBe(packageArtifacts().UniswapV2Pair.deployedBytecode);
    const v3Code = await l2.getCode({ address: a.v3WmetisSeMetis });
    // v3's runtime code holds immutables (factory, tokens, fee …): compare it outside them, by length and prefix.
    expect(v3Code?.length).toBe(packageArtifacts().UniswapV3Pool.deployedBytecode.length);
    expect(v3Code?.slice(0, 200)).toBe(packageArtifacts().UniswapV3Pool.deployedBytecode.slice(0, 200));
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
          { address: token, abi: devnetErc20Abi, functionName: 'totalSupply' },
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
        { address: l1a.metis, abi: devnetErc20Abi, functionName: 'balanceOf', args: [l1a.lockingInfo] },
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
      init.l1.totalLocked,
    ]);

    const erc20 = (address: Address, functionName: 'totalSupply' | 'decimals' | 'symbol') => ({ address, abi: devnetErc20Abi, functionName }) as const;
    const supplies = await l2.multicall({
      allowFailure: false,
      contracts: [erc20(l2a.wmetis, 'totalSupply'), erc20(l2a.eMetis, 'totalSupply'), erc20(l2a.artMetis, 'totalSupply'), erc20(l2a.usdc, 'totalSupply'), erc20(l2a.usdc, 'decimals'), erc20(l2a.usdc, 'symbol')],
    });
    expect(supplies).toEqual([init.l2.wmetisSupply, init.l2.eMetisSupply, init.l2.artMetisSupply, init.l2.usdcSupply, 6, 'USDC']);

    const vault = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: l2a.seMetis, abi: devnetVaultAbi, functionName: 'asset' },
        { address: l2a.seMetis, abi: devnetVaultAbi, functionName: 'symbol' },
        { address: l2a.seMetis, abi: devnetVaultAbi, functionName: 'decimals' },
        { address: l2a.seMetis, abi: devnetVaultAbi, functionName: 'totalAssets' },
        { address: l2a.seMetis, abi: devnetVaultAbi, functionName: 'totalSupply' },
        { address: l2a.seMetis, abi: devnetVaultAbi, functionName: 'convertToAssets', args: [E18] },
        { address: l2a.eMetis, abi: devnetErc20Abi, functionName: 'balanceOf', args: [l2a.seMetis] },
        { address: l2a.artemisDepositPool, abi: mockDepositPoolAbi, functionName: 'totalDeposits' },
      ],
    });
    expect(vault).toEqual([l2a.eMetis, 'seMetis', 18, init.l2.seMetisTotalAssets, init.l2.seMetisTotalSupply, E18, init.l2.seMetisTotalAssets, init.l2.artemisTotalDeposits]);

    // V2: WMETIS sorts below eMetis, so it is token0; the router's liquidity is the reserves, 1:1.
    const [t0, t1, reserves, lpSupply] = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: l2a.v2EMetisWmetis, abi: uniswapV2PairFullAbi, functionName: 'token0' },
        { address: l2a.v2EMetisWmetis, abi: uniswapV2PairFullAbi, functionName: 'token1' },
        { address: l2a.v2EMetisWmetis, abi: uniswapV2PairFullAbi, functionName: 'getReserves' },
        { address: l2a.v2EMetisWmetis, abi: uniswapV2PairFullAbi, functionName: 'totalSupply' },
      ],
    });
    expect([t0, t1]).toEqual([l2a.wmetis, l2a.eMetis]);
    expect([reserves[0], reserves[1]]).toEqual([init.l2.v2EMetisWmetis.reserve0, init.l2.v2EMetisWmetis.reserve1]);
    expect(lpSupply).toBe(100_000n * E18); // sqrt(reserve0 × reserve1), 1,000 of it locked by the pair

    // V3: token order, fee and tick spacing from the factory, the initial price, full-range liquidity, room for observations.
    const v3 = async (pool: Address) =>
      l2.multicall({
        allowFailure: false,
        contracts: [
          { address: pool, abi: uniswapV3PoolFullAbi, functionName: 'token0' },
          { address: pool, abi: uniswapV3PoolFullAbi, functionName: 'token1' },
          { address: pool, abi: uniswapV3PoolFullAbi, functionName: 'fee' },
          { address: pool, abi: uniswapV3PoolFullAbi, functionName: 'tickSpacing' },
          { address: pool, abi: uniswapV3PoolFullAbi, functionName: 'slot0' },
          { address: pool, abi: uniswapV3PoolFullAbi, functionName: 'liquidity' },
        ],
      });
    const [seT0, seT1, seFee, seSpacing, seSlot0, seLiquidity] = await v3(l2a.v3WmetisSeMetis);
    expect([seT0, seT1, seFee, seSpacing]).toEqual([l2a.wmetis, l2a.seMetis, 500, init.l2.v3WmetisSeMetis.tickSpacing]);
    expect([seSlot0[0], seSlot0[1], seLiquidity]).toEqual([2n ** 96n, 0, init.l2.v3WmetisSeMetis.liquidity]);
    expect(seSlot0[4]).toBe(init.l2.v3ObservationCardinality);
    const [uT0, uT1, uFee, uSpacing, uSlot0, uLiquidity] = await v3(l2a.v3WmetisUsdc);
    expect([uT0, uT1, uFee, uSpacing, uLiquidity]).toEqual([l2a.wmetis, l2a.usdc, 3000, init.l2.v3WmetisUsdc.tickSpacing, init.l2.v3WmetisUsdc.liquidity]);
    expect(v3Price(uSlot0[0], 18, 6)).toBeCloseTo(40, 9);
    expectTickBrackets(uSlot0[1], uSlot0[0]);
    // The full-range position holds about 25,000 WMETIS and 1,000,000 USDC, as the liquidity was chosen to.
    const [wmetisInPool, usdcInPool] = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: l2a.wmetis, abi: devnetErc20Abi, functionName: 'balanceOf', args: [l2a.v3WmetisUsdc] },
        { address: l2a.usdc, abi: devnetErc20Abi, functionName: 'balanceOf', args: [l2a.v3WmetisUsdc] },
      ],
    });
    expect(Number(wmetisInPool) / 1e18).toBeCloseTo(25_000, 0);
    expect(Number(usdcInPool) / 1e6).toBeCloseTo(1_000_000, -1);
  });

  it('holds the DEVNET_SEQUENCERS in all four statuses, totalLocked their base, and the L2 sequencer set rotating the active signers', async () => {
    const pool = DEVNET_ADDRESSES.l1.lockingPool;
    const count = await l1.readContract({ address: pool, abi: lockingPoolSequencersAbi, functionName: 'totalSequencers' });
    expect(count).toBe(BigInt(DEVNET_SEQUENCERS.length));
    const seqs = await l1.multicall({
      allowFailure: false,
      contracts: DEVNET_SEQUENCERS.map((s) => ({ address: pool, abi: lockingPoolSequencersAbi, functionName: 'sequencers' as const, args: [BigInt(s.seqId)] as const })),
    });
    const statusOf = { unavailable: 0, exiting: 1, active: 2, exited: 3 } as const;
    let base = 0n;
    for (const [i, s] of DEVNET_SEQUENCERS.entries()) {
      const [amount, reward, , , , deactivationTime, unlockClaimTime, , owner, signer, pubkey, recipient, status] = seqs[i]!;
      expect({ id: s.seqId, status, owner, signer, recipient, reward }).toEqual({ id: s.seqId, status: statusOf[s.fate], owner: s.owner, signer: s.signer, recipient: s.owner, reward: 0n });
      expect(pubkey).toBe(devnetPubkey(s.signer));
      expect((pubkey.length - 2) / 2).toBe(64);
      // An exited sequencer has nothing locked any more; an exiting one keeps its METIS until it claims the exit.
      expect(amount).toBe(s.fate === 'exited' ? 0n : s.locked);
      if (s.fate === 'exiting') expect(unlockClaimTime - deactivationTime).toBe(DEVNET_INITIAL.l1.exitingClaimDelaySeconds);
      if (s.fate === 'active' || s.fate === 'exiting') base += amount;
    }
    expect(base).toBe(DEVNET_INITIAL.l1.totalLocked);
    const statuses = await l1.multicall({
      allowFailure: false,
      contracts: [0, 1, 2, 3].map((st) => ({ address: pool, abi: lockingPoolSequencersAbi, functionName: 'seqStatuses' as const, args: [st] as const })),
    });
    expect(statuses).toEqual([1n, 1n, 5n, 1n]);

    const set = DEVNET_ADDRESSES.l2.sequencerSet;
    const head = await l2.getBlockNumber();
    const [epoch, epochNumber, genesis] = await l2.multicall({
      allowFailure: false,
      blockNumber: head,
      contracts: [
        { address: set, abi: metisSequencerSetAbi, functionName: 'currentEpoch' },
        { address: set, abi: metisSequencerSetAbi, functionName: 'currentEpochNumber' },
        { address: set, abi: mockMetisSequencerSetAbi, functionName: 'genesisBlock' },
      ],
    });
    const length = BigInt(DEVNET_INITIAL.l2.sequencerEpochBlocks);
    const n = (head - genesis) / length + 1n;
    const active = DEVNET_SEQUENCERS.filter((s) => s.fate === 'active').map((s) => s.signer);
    expect(epochNumber).toBe(n);
    expect(epoch).toEqual([n, active[Number((n - 1n) % BigInt(active.length))], genesis + (n - 1n) * length, genesis + n * length - 1n]);
    const signerAt = (b: bigint) => l2.readContract({ address: set, abi: metisSequencerSetAbi, functionName: 'getMetisSequencer', args: [b] });
    expect(await signerAt(genesis + length)).toBe(active[1]);
    expect(await signerAt(genesis + 5n * length)).toBe(active[0]);
  });
});

describe('scenario', () => {
  it('advance(1 day): 21,600 L2 blocks at 4 s, one DistributeReward, vault yield, pools traded to their prices', async () => {
    const { scenario, deployment } = devnet;
    const ready = deployment.readyTime;
    const before = await l2.getBlockNumber();
    const record = await scenario.advance(DAY);

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

    // vault: 12 % simple over one day arrived as new eMetis in the vault; eMetis supply grew by it; Artemis by 10 %
    const assets = growBySimpleApr(DEVNET_INITIAL.l2.seMetisTotalAssets, 0.12, DAY);
    const deposits = growBySimpleApr(DEVNET_INITIAL.l2.artemisTotalDeposits, 0.1, DAY);
    const a = DEVNET_ADDRESSES.l2;
    const [pps, totalAssets, shares, eSupply, artDeposits, reserves, seSlot0, usdcSlot0] = await l2.multicall({
      allowFailure: false,
      contracts: [
        { address: a.seMetis, abi: devnetVaultAbi, functionName: 'convertToAssets', args: [E18] },
        { address: a.seMetis, abi: devnetVaultAbi, functionName: 'totalAssets' },
        { address: a.seMetis, abi: devnetVaultAbi, functionName: 'totalSupply' },
        { address: a.eMetis, abi: devnetErc20Abi, functionName: 'totalSupply' },
        { address: a.artemisDepositPool, abi: mockDepositPoolAbi, functionName: 'totalDeposits' },
        { address: a.v2EMetisWmetis, abi: uniswapV2PairFullAbi, functionName: 'getReserves' },
        { address: a.v3WmetisSeMetis, abi: uniswapV3PoolFullAbi, functionName: 'slot0' },
        { address: a.v3WmetisUsdc, abi: uniswapV3PoolFullAbi, functionName: 'slot0' },
      ],
    });
    expect(totalAssets).toBe(assets);
    expect(shares).toBe(DEVNET_INITIAL.l2.seMetisTotalSupply);
    // OpenZeppelin's rounding: shares × (assets + 1) / (supply + 1), rounded down
    expect(pps).toBe((E18 * (assets + 1n)) / (DEVNET_INITIAL.l2.seMetisTotalSupply + 1n));
    expect(Number(pps) / 1e18).toBeCloseTo(1 + 0.12 / 365, 12);
    expect(eSupply).toBe(DEVNET_INITIAL.l2.eMetisSupply + (assets - DEVNET_INITIAL.l2.seMetisTotalAssets));
    expect(artDeposits).toBe(deposits);

    // pools: state() equals the chain; each price is fair × (1 + wobble(step 1)), wobble within ±20 bps
    const s = scenario.state();
    expect(s.step).toBe(1);
    expect(s.l2.seMetisTotalAssets).toBe(assets);
    expect(s.l2.eMetisSupply).toBe(eSupply);
    expect(s.l2.pools.v2EMetisWmetis).toMatchObject({ reserve0: reserves[0], reserve1: reserves[1], assetReserve: reserves[1], quoteReserve: reserves[0], wobblePpm: wobblePpm(1, 0, 20) });
    expect(s.l2.pools.v3WmetisSeMetis).toMatchObject({ sqrtPriceX96: seSlot0[0], tick: seSlot0[1], wobblePpm: wobblePpm(1, 1, 20) });
    expect(s.l2.pools.v3WmetisUsdc).toMatchObject({ sqrtPriceX96: usdcSlot0[0], tick: usdcSlot0[1], wobblePpm: wobblePpm(1, 2, 20) });
    for (const pool of Object.values(s.l2.pools)) expect(Math.abs(pool.wobblePpm)).toBeLessThanOrEqual(2_000);
    for (const slot0 of [seSlot0, usdcSlot0]) expectTickBrackets(slot0[1], slot0[0]);

    // eMetis is token1 of the pair: its price in WMETIS is reserve0 / reserve1. The swap paid the 0.3 % fee into the pair.
    expect(1 / v2Price(reserves[0], reserves[1], 18, 18)).toBeCloseTo(1 + wobblePpm(1, 0, 20) / 1e6, 12);
    expect(reserves[0] * reserves[1]).toBeGreaterThan(DEVNET_INITIAL.l2.v2EMetisWmetis.reserve0 * DEVNET_INITIAL.l2.v2EMetisWmetis.reserve1);
    // seMetis is token1 of its pool: its price in WMETIS is 1 / pool price, at the share price the day ends with.
    expect(1 / v3Price(seSlot0[0], 18, 18)).toBeCloseTo((Number(pps) / 1e18) * (1 + wobblePpm(1, 1, 20) / 1e6), 12);
    expect(v3Price(usdcSlot0[0], 18, 6)).toBeCloseTo(40 * (1 + wobblePpm(1, 2, 20) / 1e6), 9);
  });

  it('setters: RewardUpdate, a depeg that persists through an advance, and the V3 oracle accumulating both ticks', async () => {
    const { scenario } = devnet;
    const old = DEVNET_INITIAL.l1.rewardPerBlock;
    await scenario.setRewardPerBlock(25_000_000_000_000_000n);
    const updates = await l1.getLogs({ address: DEVNET_ADDRESSES.l1.lockingPool, event: rewardUpdate, fromBlock: 0n });
    expect(updates.map((l) => l.args)).toEqual([{ newReward: 25_000_000_000_000_000n, oldReward: old }]);

    await scenario.setDepeg('v2EMetisWmetis', -100);
    const [r0, r1] = await l2.readContract({ address: DEVNET_ADDRESSES.l2.v2EMetisWmetis, abi: uniswapV2PairFullAbi, functionName: 'getReserves' });
    expect(v2Price(r1, r0, 18, 18)).toBeCloseTo(0.99, 12); // eMetis (token1) in WMETIS

    const econ1 = scenario.state().l2.economicsTime;
    const tick1 = scenario.state().l2.pools.v3WmetisSeMetis.tick!;
    const record = await scenario.advance(3_600);
    expect(record.l2Blocks).toBe(900n - 1n); // the setDepeg block took one 4 s slot of this hour
    expect(record.rewardAmount).toBe(25_000_000_000_000_000n * 899n);
    const v2 = scenario.state().l2.pools.v2EMetisWmetis;
    expect(v2Price(v2.assetReserve!, v2.quoteReserve!, 18, 18)).toBeCloseTo(0.99 * (1 + wobblePpm(2, 0, 20) / 1e6), 12);

    // observe: the pool is traded in the first block of a span, so with start2 that block's time,
    // tickCumulative(T) − tickCumulative(econ1) = tick1 × (start2 − econ1) + tick2 × (T − start2)
    const start2 = Number((await l2.getBlock({ blockNumber: record.startBlock })).timestamp);
    const tick2 = scenario.state().l2.pools.v3WmetisSeMetis.tick!;
    expect(tick2).not.toBe(tick1);
    const T = Number((await l2.getBlock()).timestamp);
    const [cums] = await l2.readContract({ address: DEVNET_ADDRESSES.l2.v3WmetisSeMetis, abi: uniswapV3PoolFullAbi, functionName: 'observe', args: [[0, T - econ1]] });
    expect(cums[0]! - cums[1]!).toBe(BigInt(tick1 * (start2 - econ1) + tick2 * (T - start2)));
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
  it('setVaultTotals mints shares with new eMetis and adds yield, and refuses a share price a real vault cannot fall to', async () => {
    const { scenario } = devnet;
    const a = DEVNET_ADDRESSES.l2;
    const before = scenario.state().l2;
    const read = () =>
      l2.multicall({
        allowFailure: false,
        contracts: [
          { address: a.seMetis, abi: devnetVaultAbi, functionName: 'totalAssets' },
          { address: a.seMetis, abi: devnetVaultAbi, functionName: 'totalSupply' },
          { address: a.eMetis, abi: devnetErc20Abi, functionName: 'totalSupply' },
        ],
      });
    const assets = before.seMetisTotalAssets + 50_000n * E18;
    const supply = before.seMetisTotalSupply + 40_000n * E18;
    await scenario.setVaultTotals(assets, supply);
    const [totalAssets, totalSupply, eSupply] = await read();
    expect([totalAssets, totalSupply]).toEqual([assets, supply]);
    expect(eSupply).toBe(before.eMetisSupply + 50_000n * E18); // every added asset is a new eMetis
    expect(scenario.state().l2).toMatchObject({ seMetisTotalAssets: assets, seMetisTotalSupply: supply, eMetisSupply: eSupply });

    await expect(scenario.setVaultTotals(assets - E18, supply)).rejects.toThrow(/share price only falls by a loss/);
    expect(await read()).toEqual([assets, supply, eSupply]);
  });

  it('sequencer setters: a relock logs Relocked and LockUpdate and raises totalLocked; a reward batch pays the active sequencers pro rata', async () => {
    const pool = DEVNET_ADDRESSES.l1.lockingPool;
    const info = DEVNET_ADDRESSES.l1.lockingInfo;
    const readSeq = (id: number) => l1.readContract({ address: pool, abi: lockingPoolSequencersAbi, functionName: 'sequencers', args: [BigInt(id)] });
    const before = await Promise.all(DEVNET_SEQUENCERS.map((s) => readSeq(s.seqId)));
    const totalBefore = await l1.readContract({ address: info, abi: mockLockingInfoAbi, functionName: 'totalLocked' });
    const from = (await l1.getBlockNumber()) + 1n;
    await devnet.scenario.relockSequencer(1, 10_000n * E18);
    const relocks = await l1.getLogs({ address: info, events: lockingInfoEvents, fromBlock: from, strict: true });
    expect(relocks.map((l) => [l.eventName, l.args])).toEqual([
      ['Relocked', { sequencerId: 1n, amount: 10_000n * E18, total: totalBefore + 10_000n * E18 }],
      ['LockUpdate', { sequencerId: 1n, nonce: before[0]![7] + 1n, newAmount: before[0]![0] + 10_000n * E18 }],
    ]);
    expect(devnet.scenario.state().l1.totalLocked).toBe(totalBefore + 10_000n * E18);

    const record = await devnet.scenario.advance(3600);
    const after = await Promise.all(DEVNET_SEQUENCERS.map((s) => readSeq(s.seqId)));
    const activeLocked = after.filter((q) => q[12] === 2).reduce((sum, q) => sum + q[0], 0n);
    for (const [i, q] of after.entries()) {
      const earned = q[12] === 2 ? (record.rewardAmount * q[0]) / activeLocked : 0n;
      expect(q[1] - before[i]![1], DEVNET_SEQUENCERS[i]!.name).toBe(earned);
      if (q[12] === 2) expect(q[3]).toBe(record.batchId);
    }
  });
});

describe('real pools', () => {
  const a = DEVNET_ADDRESSES.l2;
  const viaRouter = (callData: `0x${string}`) => ({ target: a.router, callData });

  /** Creates a V2 pair of (asset, quote) through the factory and adds `assetAmount` against `quoteAmount`. */
  async function newPair(asset: Address, quote: Address, assetAmount: bigint, quoteAmount: bigint): Promise<Address> {
    await sendBatch(devnet.deployment.l2, [{ target: a.uniswapV2Factory, callData: encodeFunctionData({ abi: uniswapV2FactoryAbi, functionName: 'createPair', args: [asset, quote] }) }]);
    const pair = await l2.readContract({ address: a.uniswapV2Factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [asset, quote] });
    const assetIsToken0 = asset.toLowerCase() < quote.toLowerCase();
    await sendBatch(devnet.deployment.l2, [
      viaRouter(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'addLiquidityV2', args: assetIsToken0 ? [pair, assetAmount, quoteAmount] : [pair, quoteAmount, assetAmount] })),
    ]);
    return pair;
  }

  it('V2 pairs in both token orders, with 6 and 18 decimals: a trade lands on the price, the pair paid as its formula says', async () => {
    const cases = [
      // METIS (18) in USDC (6): WMETIS sorts first, so the asset is token0.
      { label: 'WMETIS/USDC', asset: a.wmetis, quote: a.usdc, assetDecimals: 18, quoteDecimals: 6, liquidity: [1_000n * E18, 40_000n * E6], from: 40, to: 38.6 },
      // eMetis (18) in USDC (6): USDC sorts first, so the asset is token1 and token0 has 6 decimals.
      { label: 'USDC/eMetis', asset: a.eMetis, quote: a.usdc, assetDecimals: 18, quoteDecimals: 6, liquidity: [2_000n * E18, 80_000n * E6], from: 40, to: 38.9 },
    ] as const;
    for (const c of cases) {
      const pair = await newPair(c.asset, c.quote, c.liquidity[0], c.liquidity[1]);
      const [token0, token1, [reserve0, reserve1]] = await l2.multicall({
        allowFailure: false,
        contracts: [
          { address: pair, abi: uniswapV2PairFullAbi, functionName: 'token0' },
          { address: pair, abi: uniswapV2PairFullAbi, functionName: 'token1' },
          { address: pair, abi: uniswapV2PairFullAbi, functionName: 'getReserves' },
        ],
      });
      const assetIsToken0 = token0 === c.asset;
      expect([token0, token1]).toEqual(assetIsToken0 ? [c.asset, c.quote] : [c.quote, c.asset]);
      expect(assetIsToken0, c.label).toBe(c.label === 'WMETIS/USDC');
      const [d0, d1] = assetIsToken0 ? [c.assetDecimals, c.quoteDecimals] : [c.quoteDecimals, c.assetDecimals];
      const assetPrice = (r0: bigint, r1: bigint) => (assetIsToken0 ? v2Price(r0, r1, d0, d1) : 1 / v2Price(r0, r1, d0, d1));
      expect(assetPrice(reserve0, reserve1), c.label).toBeCloseTo(c.from, 9);

      // The devnet's trade for the target price, sent through the router; the pair checks it against its invariant.
      const target = { num: BigInt(Math.round(c.to * 1e6)), den: 1_000_000n };
      const swap = v2SwapToPrice(reserve0, reserve1, assetIsToken0 ? target : { num: target.den, den: target.num }, d0, d1)!;
      const { hash } = await sendBatch(devnet.deployment.l2, [
        viaRouter(encodeFunctionData({ abi: devnetRouterAbi, functionName: 'swapV2', args: [pair, swap.zeroForOne, swap.amountIn, swap.amountOut] })),
      ]);
      const [r0, r1] = await l2.readContract({ address: pair, abi: uniswapV2PairFullAbi, functionName: 'getReserves' });
      // to the raw unit of the 6-decimal reserve (1 in 4·10^10 here)
      expect(assetPrice(r0, r1) / c.to - 1, c.label).toBeCloseTo(0, 9);
      // Asset dearer: the quote was sold into the pair, and the other way round.
      expect(swap.zeroForOne, c.label).toBe(assetIsToken0 !== c.to > c.from);
      const [reserveIn, reserveOut] = swap.zeroForOne ? [reserve0, reserve1] : [reserve1, reserve0];
      expect(swap.amountOut).toBe(amountOut(swap.amountIn, reserveIn, reserveOut));
      const receipt = await l2.getTransactionReceipt({ hash });
      const [event] = parseEventLogs({ abi: uniswapV2PairFullAbi, eventName: 'Swap', logs: receipt.logs });
      expect(event!.args).toMatchObject(
        swap.zeroForOne
          ? { amount0In: swap.amountIn, amount1In: 0n, amount0Out: 0n, amount1Out: swap.amountOut, to: a.router }
          : { amount0In: 0n, amount1In: swap.amountIn, amount0Out: swap.amountOut, amount1Out: 0n, to: a.router },
      );
      expect(r0 * r1).toBeGreaterThan(reserve0 * reserve1); // the fee stays in the pair
    }
  });

  it('V3: a trade lands on its price limit, and the oracle\'s 30 min TWAP is within one tick of the pool\'s own slot0().tick', async () => {
    const pool = a.v3WmetisUsdc;
    const slot0 = () => l2.readContract({ address: pool, abi: uniswapV3PoolFullAbi, functionName: 'slot0' });
    const blockTime = devnet.deployment.l2BlockTimeSeconds;
    const mineSeconds = (seconds: number) => devnet.deployment.l2.testClient.mine({ blocks: seconds / blockTime });

    await devnet.scenario.setPoolPrice('v3WmetisUsdc', '41.25');
    const [sqrtA, tickA] = await slot0();
    expect(v3Price(sqrtA, 18, 6)).toBeCloseTo(41.25, 9);
    expectTickBrackets(tickA, sqrtA);
    const tA = Number((await l2.getBlock()).timestamp);

    await mineSeconds(1_200);
    await devnet.scenario.setPoolPrice('v3WmetisUsdc', '39.5');
    const [sqrtB, tickB] = await slot0();
    expect(v3Price(sqrtB, 18, 6)).toBeCloseTo(39.5, 9);
    expectTickBrackets(tickB, sqrtB);
    const tB = Number((await l2.getBlock()).timestamp);
    expect(tB - tA).toBe(1_200 + blockTime);

    // Half the window at each price: the mean tick lies between them, weighted by time.
    await mineSeconds(900);
    let T = Number((await l2.getBlock()).timestamp);
    let [cums] = await l2.readContract({ address: pool, abi: uniswapV3PoolFullAbi, functionName: 'observe', args: [[1_800, 0]] });
    expect(cums[1]! - cums[0]!).toBe(BigInt(tickA * (tB - (T - 1_800)) + tickB * (T - tB)));

    // A whole window at the second price: the TWAP is the pool's own tick (within one), and so within a tick of spot.
    await mineSeconds(1_800);
    T = Number((await l2.getBlock()).timestamp);
    [cums] = await l2.readContract({ address: pool, abi: uniswapV3PoolFullAbi, functionName: 'observe', args: [[1_800, 0]] });
    const delta = cums[1]! - cums[0]!;
    const mean = Math.floor(Number(delta) / 1_800); // OracleLibrary.consult rounds toward −∞
    const [, tickNow] = await slot0();
    expect(tickNow).toBe(tickB);
    expect(Math.abs(mean - tickNow)).toBeLessThanOrEqual(1);
    const twap = 1.0001 ** mean * 10 ** (18 - 6);
    expect(Math.abs(twap / v3Price(sqrtB, 18, 6) - 1)).toBeLessThanOrEqual(1.0001e-4);
    expect(T).toBeGreaterThan(tB + 1_800);
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
