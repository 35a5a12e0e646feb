import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

/** The Solidity fixtures in src/devnet/contracts, one contract per file, named like the file. */
export const CONTRACT_NAMES = [
  'MockLockingPool',
  'MockLockingInfo',
  'MockERC20',
  'MockERC4626',
  'MockDepositPool',
  'MockUniswapV2Pair',
  'MockUniswapV3Pool',
  'Multicall3',
  'MockCamelotPair',
  'MockSolidlyPair',
  'AlgebraTestPoolDeployer',
  'AlgebraTestRouter',
] as const;

export type ContractName = (typeof CONTRACT_NAMES)[number];

export interface CompiledContract {
  readonly abi: Abi;
  /** Creation code, for deployContract. */
  readonly bytecode: Hex;
  /** Runtime code, for anvil_setCode. */
  readonly deployedBytecode: Hex;
}

export type Fixtures = { readonly [K in ContractName]: CompiledContract };

const CONTRACTS_DIR = fileURLToPath(new URL('./contracts/', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'metis-yield-bot');

/** Fixed compiler settings: part of the cache key. `paris` = no PUSH0, runs on any post-merge EVM. */
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'paris',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
} as const;

let memo: Promise<Fixtures> | undefined;

/**
 * Compiles every .sol file in src/devnet/contracts with the npm `solc` (standard JSON, optimizer on,
 * evmVersion paris). The result is cached on disk under node_modules/.cache/metis-yield-bot, keyed by
 * a sha256 of the sources, the solc version and the settings, and in memory for the process.
 */
export function compileFixtures(): Promise<Fixtures> {
  memo ??= compileOrLoad().catch((error: unknown) => {
    memo = undefined;
    throw error;
  });
  return memo;
}

async function compileOrLoad(): Promise<Fixtures> {
  const files = (await readdir(CONTRACTS_DIR)).filter((f) => f.endsWith('.sol')).sort();
  const sources: Record<string, { content: string }> = {};
  for (const file of files) sources[file] = { content: await readFile(join(CONTRACTS_DIR, file), 'utf8') };

  const solcVersion = readSolcVersion();
  const hash = createHash('sha256');
  hash.update(`solc ${solcVersion}\n${JSON.stringify(SETTINGS)}\n`);
  for (const file of files) hash.update(`${file}\n${sources[file]!.content}\n`);
  const cacheFile = join(FIXTURE_CACHE_DIR, `fixtures-${hash.digest('hex')}.json`);

  try {
    return validate(JSON.parse(await readFile(cacheFile, 'utf8')) as unknown, cacheFile);
  } catch {
    // cache miss (or an unreadable cache entry): compile below
  }

  const fixtures = await compile(sources);
  await mkdir(FIXTURE_CACHE_DIR, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(fixtures));
  await rename(tmp, cacheFile); // atomic: a concurrent reader never sees half a file
  return fixtures;
}

function readSolcVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('solc/package.json') as { version: string };
  return pkg.version;
}

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>;
}

async function compile(sources: Record<string, { content: string }>): Promise<Fixtures> {
  const solc = (await import('solc')).default as { compile(input: string): string };
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: SETTINGS }))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);

  const out: Record<string, CompiledContract> = {};
  for (const byName of Object.values(output.contracts ?? {})) {
    for (const [name, c] of Object.entries(byName)) {
      out[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, deployedBytecode: `0x${c.evm.deployedBytecode.object}` };
    }
  }
  return validate(out, 'solc output');
}

function validate(value: unknown, where: string): Fixtures {
  const record = value as Record<string, Partial<CompiledContract> | undefined>;
  for (const name of CONTRACT_NAMES) {
    const c = record[name];
    if (!c || !Array.isArray(c.abi) || typeof c.bytecode !== 'string' || c.bytecode.length <= 2 || typeof c.deployedBytecode !== 'string') {
      throw new Error(`${where}: contract ${name} is missing or incomplete`);
    }
  }
  return value as Fixtures;
}
