import type { ChainConfig } from './configSchema.ts';

/**
 * Default halt limits by chain id, in seconds: Ethereum makes a block every 12 s, so 2 minutes is ten missed
 * slots; Metis Andromeda's sequencer makes one every few seconds, but 5 minutes leaves room for its quiet
 * spells; anything else gets 10 minutes.
 */
const DEFAULT_HALT_AFTER: Readonly<Record<number, number>> = { 1: 120, 1088: 300 };
const OTHER_CHAINS_HALT_AFTER = 600;

/**
 * How long a chain's head may stand still before the chain counts as halted: `chains[].haltAfter`, or the default
 * for its id.
 * @example chainHaltAfter({ id: 1088 } as ChainConfig) // 300
 */
export function chainHaltAfter(chain: Pick<ChainConfig, 'id' | 'haltAfter'>): number {
  return chain.haltAfter ?? DEFAULT_HALT_AFTER[chain.id] ?? OTHER_CHAINS_HALT_AFTER;
}
