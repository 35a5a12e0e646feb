import { z } from 'zod';
import { duration, rpcUrl } from './fieldSchemas.ts';

/** One chain the bot reads: its id, RPC URLs and the limits of its providers. */
export const chainSchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  rpc: z.array(rpcUrl).min(1, { error: 'give at least one RPC URL' }),
  /** Largest block span one eth_getLogs request may cover (public RPCs cap it). */
  logsMaxRange: z.number().int().positive().default(10_000),
  /** Trailing number of blocks over which the average block time is measured. */
  blockTimeWindow: z.number().int().min(10).default(10_000),
  /** The chain is halted when its head has not moved for this long; default by chain id (see chainHaltAfter.ts). */
  haltAfter: duration.optional(),
  /** Block explorer URL prefix for transaction links (`<explorer>/tx/<hash>`), false for none; default by chain id (see explorerTxUrl.ts). */
  explorer: z.union([rpcUrl, z.literal(false)]).optional(),
});
