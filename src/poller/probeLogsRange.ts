import type { Address, PublicClient } from 'viem';
import { classifyLogsRangeError } from '../rpc/logsRangeError.ts';
import { shortError } from '../rpc/rpcErrors.ts';
import { distributeRewardEvent, rewardUpdateEvent } from '../sources/abis.ts';
import { LogsRangeController } from './logsRangeController.ts';
import { MAX_TIMEOUT_RETRIES } from './readEvents.ts';

export type LogsRangeProbe =
  | { readonly ok: true; readonly asked: number; readonly accepted: number }
  | { readonly ok: false; readonly asked: number; readonly error: string };

/**
 * Finds the largest eth_getLogs range an RPC takes for the sequencer's events, ending at `head`: asks for
 * the whole lookback, then, while the answer is a range refusal (classifyLogsRangeError), for the range the
 * provider names or half the last one. The same filter as the poller's reader, so result-count and
 * response-size caps count the same logs.
 */
export async function probeLogsRange(p: { client: PublicClient; address: Address; head: bigint; lookbackBlocks: number }): Promise<LogsRangeProbe> {
  const asked = p.head + 1n < BigInt(p.lookbackBlocks) ? Number(p.head + 1n) : p.lookbackBlocks;
  const range = new LogsRangeController(asked);
  let timeouts = 0;
  for (;;) {
    const span = range.size;
    try {
      await p.client.getLogs({ address: p.address, events: [distributeRewardEvent, rewardUpdateEvent], fromBlock: p.head - BigInt(span) + 1n, toBlock: p.head, strict: true });
      return { ok: true, asked, accepted: span };
    } catch (error) {
      const refusal = classifyLogsRangeError(error);
      if (!refusal || (refusal.reason === 'timeout' && ++timeouts > MAX_TIMEOUT_RETRIES)) return { ok: false, asked, error: shortError(error) };
      // The reader's own rule: the provider's range when it names a smaller one, else half.
      if (!range.refused(span, refusal.suggestedBlocks)) return { ok: false, asked, error: `refused even a single block: ${refusal.message}` };
    }
  }
}
