import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

/**
 * The Solidity fixtures in src/devnet/contracts, one contract per file, named like the file. Tokens, the vault
 * and the router build on the OpenZeppelin and Uniswap sources in node_modules (see PACKAGE_IMPORTS); the pools
 * themselves are the packages' own bytecode (packageArtifacts.ts).
 */
export const CONTRACT_NAMES = [
  'MockLockingPool',
  'MockLockingInfo',
  'MockDepositPool',
  'DevnetERC20',
  'DevnetVault',
  'DevnetRouter',
  'Multicall3',
  'MockCamelotPair',
  'MockSolidlyPair',
  'AlgebraTestPoolDeployer',
  'AlgebraTestRouter',
  'MockMetisSequencerSet',
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

/** Packages the fixtures may import from (`import "@openzeppelin/contracts/…"`); their versions are part of the cache key. */
const PACKAGE_IMPORTS = ['@openzeppelin/contracts', '@uniswap/v2-core', '@uniswap/v3-core'] as const;

/** Fixed compiler settings: part of the cache key. `cancun`, the devnet anvil's hardfork (OpenZeppelin 5 uses `mcopy`). */
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
} as const;

let memo: Promise<Fixtures> | undefined;

/**
 * Compiles every .sol file in src/devnet/contracts with the npm `solc` (standard JSON, optimizer on,
 * evmVersion cancun), resolving imports of PACKAGE_IMPORTS from node_modules. The result is cached on disk under
 * node_modules/.cache/metis-yield-bot, keyed by a sha256 of the sources, the solc version, the imported packages'
 * versions and the settings, and in memory for the process.
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

  const hash = createHash('sha256');
  hash.update(`solc ${packageVersion('solc')}\n${JSON.stringify(SETTINGS)}\n`);
  for (const pkg of PACKAGE_IMPORTS) hash.update(`${pkg} ${packageVersion(pkg)}\n`);
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

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (require(`${name}/package.json`) as { version: string }).version;
}

/**
 * solc's import callback: a path inside one of PACKAGE_IMPORTS is read from node_modules. solc resolves relative
 * imports inside a package against the importing file's full name, so every path arrives here package-first.
 */
function readImport(path: string): { contents: string } | { error: string } {
  const pkg = PACKAGE_IMPORTS.find((name) => path.startsWith(`${name}/`));
  if (!pkg || path.split('/').includes('..')) return { error: `import ${path}: only files of ${PACKAGE_IMPORTS.join(', ')} can be imported` };
  try {
    return { contents: readFileSync(join(PROJECT_ROOT, 'node_modules', path), 'utf8') };
  } catch (error) {
    return { error: `import ${path}: ${(error as Error).message}` };
  }
}

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>;
}

async function compile(sources: Record<string, { content: string }>): Promise<Fixtures> {
  const solc = (await import('solc')).default as { compile(input: string, callbacks: { import: typeof readImport }): string };
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: SETTINGS }), { import: readImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);

  const out: Record<string, CompiledContract> = {};
  for (const [file, byName] of Object.entries(output.contracts ?? {})) {
    if (!(file in sources)) continue; // an imported package file: its contracts are only compiled into ours
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
