import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keccak256, type Abi, type Hex } from 'viem';
import type { CompiledContract } from './compileFixtures.ts';

/** Contracts the devnet deploys from their maintained packages' own build output, never recompiled. */
export const PACKAGE_CONTRACT_NAMES = ['UniswapV2Factory', 'UniswapV2Pair', 'UniswapV3Factory', 'UniswapV3Pool'] as const;

export type PackageContractName = (typeof PACKAGE_CONTRACT_NAMES)[number];

export type PackageArtifacts = { readonly [K in PackageContractName]: CompiledContract };

/** Where each artifact lives in node_modules, and how its JSON holds the bytecode. */
const ARTIFACTS: { readonly [K in PackageContractName]: { readonly file: string; readonly layout: 'waffle' | 'hardhat' } } = {
  // @uniswap/v2-core 1.0.1: waffle output, solc 0.5.16; creation code in `bytecode`, runtime in `evm.deployedBytecode.object`
  UniswapV2Factory: { file: '@uniswap/v2-core/build/UniswapV2Factory.json', layout: 'waffle' },
  UniswapV2Pair: { file: '@uniswap/v2-core/build/UniswapV2Pair.json', layout: 'waffle' },
  // @uniswap/v3-core 1.0.1: hardhat artifacts, solc 0.7.6
  UniswapV3Factory: { file: '@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json', layout: 'hardhat' },
  UniswapV3Pool: { file: '@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json', layout: 'hardhat' },
};

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

let memo: PackageArtifacts | undefined;

/** The Uniswap V2 and V3 core contracts as their npm packages ship them (read once per process). */
export function packageArtifacts(): PackageArtifacts {
  memo ??= Object.fromEntries(PACKAGE_CONTRACT_NAMES.map((name) => [name, readArtifact(name)])) as PackageArtifacts;
  return memo;
}

/**
 * keccak256 of the pool's creation code: the factories deploy pools with CREATE2 over it, so pool addresses
 * follow from the factory address, the tokens (and the V3 fee). Same as the packages' published init-code hashes.
 */
export function initCodeHash(name: 'UniswapV2Pair' | 'UniswapV3Pool'): Hex {
  return keccak256(packageArtifacts()[name].bytecode);
}

interface WaffleJson {
  abi?: Abi;
  bytecode?: string;
  evm?: { bytecode?: { object?: string }; deployedBytecode?: { object?: string } };
}
interface HardhatJson {
  abi?: Abi;
  bytecode?: string;
  deployedBytecode?: string;
}

function readArtifact(name: PackageContractName): CompiledContract {
  const { file, layout } = ARTIFACTS[name];
  const path = join(NODE_MODULES, file);
  let json: WaffleJson & HardhatJson;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as WaffleJson & HardhatJson;
  } catch (error) {
    throw new Error(`devnet: cannot read ${name} from ${file} (is the dev dependency installed?): ${(error as Error).message}`);
  }
  const creation = layout === 'waffle' ? (json.bytecode ?? json.evm?.bytecode?.object) : json.bytecode;
  const runtime = layout === 'waffle' ? json.evm?.deployedBytecode?.object : json.deployedBytecode;
  const hex = (code: string | undefined): Hex | undefined => {
    if (typeof code !== 'string') return undefined;
    const body = code.startsWith('0x') ? code.slice(2) : code;
    return body.length > 0 && /^[0-9a-fA-F]+$/.test(body) ? `0x${body}` : undefined;
  };
  const bytecode = hex(creation);
  const deployedBytecode = hex(runtime);
  if (!Array.isArray(json.abi) || !bytecode || !deployedBytecode) throw new Error(`devnet: ${file} has no ABI or bytecode for ${name}`);
  return { abi: json.abi, bytecode, deployedBytecode };
}
