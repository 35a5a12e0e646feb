import { createPublicClient, defineChain, type PublicClient } from 'viem';
import type { ChainConfig } from '../config/configSchema.ts';
import type { FailoverRpc } from '../rpc/failoverRpc.ts';
import type { ChainClients } from './readChain.ts';
import { MULTICALL3_ADDRESS } from '../vocabulary/chains.ts';

/** viem clients for a configured chain over its failover RPC; the chain itself is data, as viem's chains are. */
export function createChainClients(chain: ChainConfig, rpc: FailoverRpc): ChainClients {
  const definition = defineChain({
    id: chain.id,
    name: chain.name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: chain.rpc } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS } },
  });
  const client = createPublicClient({ chain: definition, transport: rpc.transport }) as PublicClient;
  const batchingClient = createPublicClient({
    chain: definition,
    transport: rpc.transport,
    batch: { multicall: { batchSize: 0, wait: 0 } },
  }) as PublicClient;
  return { chain, client, batchingClient };
}
