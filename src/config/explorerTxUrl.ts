import type { ChainConfig } from './configSchema.ts';

/** Explorers of the chains the bot is built for; any other chain gets links only when `chains[].explorer` is set. */
const DEFAULT_EXPLORERS: Readonly<Record<number, string>> = { 1: 'https://etherscan.io', 1088: 'https://andromeda-explorer.metis.io' };

/**
 * The link to a transaction on the chain's block explorer (`chains[].explorer`, or the default for its id), or
 * undefined when the chain has none (or `explorer: false`, e.g. a local devnet that reuses mainnet chain ids).
 * @example explorerTxUrl([{ id: 1 }], 1, '0xab') // 'https://etherscan.io/tx/0xab'
 */
export function explorerTxUrl(chains: readonly Pick<ChainConfig, 'id' | 'explorer'>[], chainId: number, txHash: string): string | undefined {
  const prefix = chains.find((c) => c.id === chainId)?.explorer ?? DEFAULT_EXPLORERS[chainId];
  return prefix === undefined || prefix === false ? undefined : `${prefix.replace(/\/+$/, '')}/tx/${txHash}`;
}
