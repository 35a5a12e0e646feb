import { createRequire } from 'node:module';
import { getAddress, parseAbi, type Abi, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/configSchema.ts';
import { deployAlgebraPool, type AlgebraPoolDeployment } from '../../src/devnet/algebraPool.ts';
import { startAnvil, type AnvilHandle } from '../../src/devnet/anvil.ts';
import { compileFixtures, type Fixtures } from '../../src/devnet/compileFixtures.ts';
import { createDevnetChain, deployFixture, type DevnetChain } from '../../src/devnet/devnetChain.ts';
import { MULTICALL3_ADDRESS } from '../../src/vocabulary/chains.ts';
import { runDoctor } from '../../src/doctor.ts';
import { createChainClients } from '../../src/poller/chainClients.ts';
import { readChain } from '../../src/poller/readChain.ts';
import { createFailoverRpc } from '../../src/rpc/failoverRpc.ts';
import { createChainReaders } from '../../src/sources/createSourceReader.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

const CHAIN = 1088;
/** An address with no code on the test chain (anvil's default account 9). */
const NOBODY = getAddress('0xa0ee7a142d267c1f36714e4a8f75612f20a79720');

const uniswapV3FactoryAbi = parseAbi(['function createPool(address tokenA, address tokenB, uint24 fee) returns (address pool)', 'function getPool(address, address, uint24) view returns (address)']);
const uniswapV3PoolInitAbi = parseAbi(['function initialize(uint160 sqrtPriceX96)']);

/**
 * Every source checks at prepare that its addresses are what the config says, against real contracts on anvil:
 * tokens (decimals, symbol), a vault's asset, a pool's tokens and kind. A mismatch fails that source alone,
 * with one sentence naming the address, the chain and what was found.
 */
describe('source identity checks at prepare', () => {
  let anvil: AnvilHandle;
  let c: DevnetChain;
  let fixtures: Fixtures;
  let wmetis: Address;
  let eMetis: Address;
  let art: Address;
  let usdc: Address;
  let seMetisVault: Address;
  let algebra: AlgebraPoolDeployment;
  let uniswapV3Pool: Address;

  const tokens = { METIS: {}, eMetis: { base: 'METIS' }, seMetis: { base: 'eMetis' }, artMetis: { base: 'METIS' }, USDC: {} };
  const configWith = (sources: readonly Record<string, unknown>[]): Config =>
    configSchema.parse({ chains: [{ id: CHAIN, name: 'Metis (anvil)', rpc: [anvil.url] }], tokens, sources });

  /** The failures of one read of every source, as a poll cycle reads them, by source id. */
  async function failures(config: Config): Promise<Record<string, string>> {
    const rpc = createFailoverRpc({ chainId: CHAIN, urls: [anvil.url], timeoutMs: 10_000 });
    const store = openSqliteStore(':memory:');
    try {
      const reading = await readChain({ clients: createChainClients(config.chains[0]!, rpc), readers: createChainReaders(config, CHAIN), store, measureBlockTime: false, now: () => 0, readEvents: false });
      return Object.fromEntries(reading.failures.map((f) => [f.sourceId, f.error]));
    } finally {
      store.close();
    }
  }

  const deploy = (name: 'DevnetERC20' | 'DevnetVault', args: readonly unknown[]) => deployFixture(c.walletClient, c.publicClient, fixtures, name, args);
  const artifact = (path: string) => createRequire(import.meta.url)(path) as { abi: Abi; bytecode: Hex };

  beforeAll(async () => {
    anvil = await startAnvil({ chainId: CHAIN, disableCodeSizeLimit: true });
    c = createDevnetChain(CHAIN, anvil.url);
    fixtures = await compileFixtures();
    await c.testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: fixtures.Multicall3.deployedBytecode });
    wmetis = await deploy('DevnetERC20', ['Wrapped Metis', 'WMETIS', 18]);
    eMetis = await deploy('DevnetERC20', ['ENKI eMetis', 'eMetis', 18]);
    art = await deploy('DevnetERC20', ['Artemis artMETIS', 'artMETIS', 18]);
    usdc = await deploy('DevnetERC20', ['USD Coin', 'USDC', 6]);
    seMetisVault = await deploy('DevnetVault', [eMetis, 'Staked eMetis', 'seMetis']);
    const [token0, token1] = BigInt(art) < BigInt(wmetis) ? [art, wmetis] : [wmetis, art];
    algebra = await deployAlgebraPool(c, { token0, token1, sqrtPriceX96: 2n ** 96n, fixtures });

    // A real Uniswap V3 pool of the same pair, from the bytecode @uniswap/v3-core ships.
    const factoryArtifact = artifact('@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json');
    const deployHash = await c.walletClient.deployContract({ abi: factoryArtifact.abi, bytecode: factoryArtifact.bytecode });
    const factory = (await c.publicClient.waitForTransactionReceipt({ hash: deployHash })).contractAddress!;
    await c.publicClient.waitForTransactionReceipt({ hash: await c.walletClient.writeContract({ address: factory, abi: uniswapV3FactoryAbi, functionName: 'createPool', args: [art, wmetis, 3000] }) });
    uniswapV3Pool = await c.publicClient.readContract({ address: factory, abi: uniswapV3FactoryAbi, functionName: 'getPool', args: [art, wmetis, 3000] });
    await c.publicClient.waitForTransactionReceipt({ hash: await c.walletClient.writeContract({ address: uniswapV3Pool, abi: uniswapV3PoolInitAbi, functionName: 'initialize', args: [2n ** 96n] }) });
  }, 120_000);

  afterAll(async () => {
    await anvil?.stop();
  });

  const algebraSource = (extra: Record<string, unknown> = {}) => ({ id: 'art-pool', kind: 'algebra', chain: CHAIN, pool: algebra.pool, asset: 'artMetis', assetAddress: art, quote: 'METIS', ...extra });

  it('GIVEN addresses that are what the config says THEN every source prepares and reads, symbols included', async () => {
    const config = configWith([
      { id: 'eMetis', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: eMetis, symbol: 'eMetis' },
      { id: 'seMetis', kind: 'erc4626', chain: CHAIN, token: 'seMetis', vault: seMetisVault },
      algebraSource({ assetSymbol: 'artMETIS' }),
      { id: 'art-v3', kind: 'uniswap-v3', chain: CHAIN, pool: uniswapV3Pool, asset: 'artMetis', assetAddress: art, quote: 'METIS', twapSeconds: 0 },
    ]);
    expect(await failures(config)).toEqual({});
  });

  it('GIVEN an address without code THEN "no contract at <address> on chain <id>", whatever the kind', async () => {
    const config = configWith([
      { id: 'token', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: NOBODY },
      { id: 'vault', kind: 'erc4626', chain: CHAIN, token: 'seMetis', vault: NOBODY },
      { ...algebraSource(), id: 'pool', pool: NOBODY },
      { id: 'sequencer', kind: 'sequencer', chain: CHAIN, lockingPool: seMetisVault, lockingInfo: NOBODY, blockTimeSeconds: 4 },
      { id: 'rate', kind: 'exchange-rate', chain: CHAIN, token: 'artMetis', numerator: { address: NOBODY, call: 'totalDeposits' }, denominator: { address: art, call: 'totalSupply' } },
    ]);
    const expected = `metadata: no contract at ${NOBODY} on chain ${CHAIN}`;
    expect(await failures(config)).toEqual({ token: expected, vault: expected, pool: expected, sequencer: expected, rate: expected });
  });

  it('GIVEN a contract that is not a token, or a token with another symbol THEN the source fails saying what it found', async () => {
    const config = configWith([
      { id: 'not-a-token', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: algebra.pool },
      { id: 'wrong-symbol', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: wmetis, symbol: 'eMetis' },
      { id: 'good', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: eMetis, symbol: 'eMetis' },
      { id: 'rate', kind: 'exchange-rate', chain: CHAIN, token: 'artMetis', numerator: { address: seMetisVault, call: 'totalAssets' }, denominator: { address: usdc, call: 'totalSupply' } },
    ]);
    expect(await failures(config)).toEqual({
      'not-a-token': `metadata: token ${algebra.pool} on chain ${CHAIN} does not answer decimals() (reverted): not an ERC-20 token`,
      'wrong-symbol': `metadata: token ${wmetis} on chain ${CHAIN} is "WMETIS" (its symbol()), not "eMetis" as configured`,
      rate: `metadata: denominator token ${usdc} on chain ${CHAIN} answers decimals() = 6, but denominator.decimals is 18 in the config`,
    });
  });

  it('GIVEN a vault whose asset is not the address the config gives its base, or no vault THEN it says both', async () => {
    const wrongVault = await deploy('DevnetVault', [wmetis, 'Staked WMETIS', 'sWMETIS']);
    const config = configWith([
      { id: 'eMetis', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: eMetis },
      { id: 'seMetis', kind: 'erc4626', chain: CHAIN, token: 'seMetis', vault: wrongVault },
      { id: 'plain', kind: 'erc4626', chain: CHAIN, token: 'artMetis', vault: usdc },
    ]);
    expect(await failures(config)).toEqual({
      seMetis: `metadata: vault ${wrongVault} on chain ${CHAIN} holds asset() ${wmetis} (WMETIS), but tokens makes seMetis a claim on eMetis, which source "eMetis" places at ${eMetis}`,
      plain: `metadata: vault ${usdc} on chain ${CHAIN} does not answer asset() (reverted): not an ERC-4626 vault`,
    });
    // The vault's own symbol is checked too.
    const named = configWith([{ id: 'seMetis', kind: 'erc4626', chain: CHAIN, token: 'seMetis', vault: seMetisVault, symbol: 'sMetis' }]);
    expect(await failures(named)).toEqual({ seMetis: `metadata: vault ${seMetisVault} on chain ${CHAIN} is "seMetis" (its symbol()), not "sMetis" as configured` });
  });

  it('GIVEN a pool of another kind THEN it names the kind to use, both ways', async () => {
    const config = configWith([
      { ...algebraSource(), id: 'algebra-as-v3', kind: 'uniswap-v3' },
      { ...algebraSource(), id: 'v3-as-algebra', pool: uniswapV3Pool },
      { ...algebraSource(), id: 'algebra-as-v2', kind: 'uniswap-v2' },
      { ...algebraSource(), id: 'token-as-pool', pool: wmetis },
    ]);
    expect(await failures(config)).toEqual({
      'algebra-as-v3': `metadata: pool ${algebra.pool} on chain ${CHAIN}: slot0() reverted, but globalState() answers: this is an Algebra pool: use kind: algebra`,
      'v3-as-algebra': `metadata: pool ${uniswapV3Pool} on chain ${CHAIN}: globalState() reverted, but slot0() answers: this is a Uniswap-V3 pool: use kind: uniswap-v3`,
      'algebra-as-v2': `metadata: pool ${algebra.pool} on chain ${CHAIN}: getReserves() reverted, but globalState() answers: this is an Algebra pool: use kind: algebra`,
      'token-as-pool': `metadata: pool ${wmetis} on chain ${CHAIN}: globalState() reverted: not an Algebra pool`,
    });
  });

  it('GIVEN a pool without the configured asset, or an asset with another symbol THEN it says what the pool holds', async () => {
    const [token0, token1] = BigInt(art) < BigInt(wmetis) ? [art, wmetis] : [wmetis, art];
    const name = (a: Address) => (a === art ? 'artMETIS' : 'WMETIS');
    const config = configWith([
      algebraSource({ id: 'wrong-asset', assetAddress: eMetis }),
      algebraSource({ id: 'wrong-symbol', assetSymbol: 'ARTMETIS' }),
    ]);
    expect(await failures(config)).toEqual({
      'wrong-asset': `metadata: pool ${algebra.pool} on chain ${CHAIN} holds token0 ${token0} (${name(token0)}) and token1 ${token1} (${name(token1)}); neither is assetAddress ${eMetis}`,
      'wrong-symbol': `metadata: ${token0 === art ? 'token0' : 'token1'} ${art} of pool ${algebra.pool} on chain ${CHAIN} is "artMETIS" (its symbol()), not "ARTMETIS" as configured`,
    });
  });

  it('GIVEN such a config THEN the doctor prints each failure and reads the rest', async () => {
    const config = configWith([
      { id: 'eMetis', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: eMetis },
      { ...algebraSource(), id: 'algebra-as-v3', kind: 'uniswap-v3' },
      { ...algebraSource(), id: 'young' },
      { id: 'nothing', kind: 'erc20-supply', chain: CHAIN, token: 'eMetis', address: NOBODY },
    ]);
    const lines: string[] = [];
    const problems = await runDoctor(config, (line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toMatch(/ok {4}eMetis: totalSupply=\d+ decimals=18/);
    expect(text).toContain(`FAIL  algebra-as-v3: metadata: pool ${algebra.pool} on chain ${CHAIN}: slot0() reverted, but globalState() answers: this is an Algebra pool: use kind: algebra`);
    expect(text).toContain(`FAIL  nothing: metadata: no contract at ${NOBODY} on chain ${CHAIN}`);
    expect(text).toMatch(/ok {4}young: sqrtPriceX96=79228162514264337593543950336 liquidity=0 twapSeconds=1800 twapOracleTooShort=1/);
    expect(text).toContain('note  young: getTimepoints() reverted "OLD": the pool\'s oracle does not reach back 1800 s');
    expect(problems).toBe(2);
  });
});
