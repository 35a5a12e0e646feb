import { BaseError, causeChain } from '../vocabulary/baseError.ts';
import { AllEndpointsFailedError, EndpointError, shortError } from './rpcErrors.ts';

/** Why a provider refused an eth_getLogs request that a smaller block range would get through. */
export type LogsRefusalReason = 'range' | 'results' | 'size' | 'timeout';

export interface LogsRangeRefusal {
  readonly reason: LogsRefusalReason;
  /**
   * How many blocks the provider says it takes, when it says so: its suggested range ("Try with this block
   * range [0x…, 0x…]", `data: { from, to }`) or its stated cap ("up to a 2K block range", "exceed maximum
   * block range: 50000"). A count of blocks, both ends included.
   */
  readonly suggestedBlocks?: number;
  /** The provider's own words, for logs and /status. */
  readonly message: string;
}

/**
 * The words providers use, each checked on the message and on `data`. Order matters: Alchemy's "Log response
 * size exceeded … up to a 2K block range" and Infura's "more than 10000 results. Try with this block range"
 * are result caps that also mention a range.
 */
const REFUSALS: readonly (readonly [LogsRefusalReason, RegExp])[] = [
  ['results', /more than [\d,.]+ results|too many (results|logs)|exceeds? (the )?max(imum)? (results|logs)|max results|matched by query exceeds|log response size exceeded|logs? limit exceeded/i],
  ['size', /response (size )?(is )?too (big|large)|response size (exceeded|is larger|should not)|larger than [\d,.]+ ?[km]?b\b|payload too large/i],
  ['range', /block range|blocks range|range (is )?too (wide|large|big)|range limit|max(imum)? range|ranges? over [\d,.]+ blocks|limited to (an? )?[\d,.]+ ?k? (blocks? )?range|too many blocks|requested blocks|at most [\d,.]+ ?k? blocks|blocks distance|range allowed/i],
  ['timeout', /timed? ?out|timeout|deadline exceeded/i],
];

/** A stated cap, as a count of blocks; each pattern's first group is the number (`2K`, `10,000`, `50000`). */
const STATED_CAPS: readonly RegExp[] = [
  /up to an? ([\d,.]+ ?k?) block range/i,
  /max(?:imum)? block range:? ([\d,.]+ ?k?)/i,
  /ranges? over ([\d,.]+ ?k?) blocks/i,
  /limited to (?:an? )?([\d,.]+ ?k?) (?:blocks? )?range/i,
  /max(?:imum)? range:? ([\d,.]+ ?k?)/i,
  /range limit (?:of )?([\d,.]+ ?k?)/i,
  /maximum is set to ([\d,.]+)/i,
  /requested blocks is ([\d,.]+)/i,
  /at most ([\d,.]+ ?k?) blocks/i,
  /\(maximum ([\d,.]+)\)/i,
  /max is ([\d,.]+ ?k?) blocks/i,
  /blocks distance:? ([\d,.]+)/i,
];

/** "Try with this block range [0x1, 0x2f]", Alchemy's "this block range should work: [0x0, 0x87fe9]". */
const SUGGESTED_HEX_RANGE = /\[\s*(0x[0-9a-f]+)\s*,\s*(0x[0-9a-f]+)\s*\]/i;
/** reth: "query exceeds max results 20000, retry with the range 19000000-19000911". */
const SUGGESTED_DECIMAL_RANGE = /retry with the range (\d+)\s*-\s*(\d+)/i;

/** JSON-RPC codes a refusal comes with, for the wording that is too loose to trust on its own ("timeout"). */
const SERVER_CODES = new Set([-32000, -32002, -32005, -32008, -32600, -32602, -32603, -32614]);

/** `2K` → 2000, `10,000` → 10000, `1.5k` → 1500, `10.000` → 10000 (a dot is a thousands mark without k). */
function parseCount(text: string): number | undefined {
  const compact = text.replace(/[\s,_]/g, '');
  const thousands = /k$/i.test(compact);
  const digits = thousands ? compact.slice(0, -1) : compact.replace(/\./g, '');
  const value = Number(digits) * (thousands ? 1000 : 1);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
}

function blocksBetween(from: string, to: string): number | undefined {
  try {
    const count = BigInt(to) - BigInt(from) + 1n;
    return count >= 1n && count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : undefined;
  } catch {
    return undefined;
  }
}

function suggestedBlocksIn(texts: readonly string[], data: readonly unknown[]): number | undefined {
  // Infura's structured form: data { from: '0x…', to: '0x…', limit }.
  for (const entry of data) {
    if (entry && typeof entry === 'object' && 'from' in entry && 'to' in entry && typeof entry.from === 'string' && typeof entry.to === 'string') {
      const count = blocksBetween(entry.from, entry.to);
      if (count !== undefined) return count;
    }
  }
  for (const text of texts) {
    const hex = SUGGESTED_HEX_RANGE.exec(text);
    if (hex) return blocksBetween(hex[1]!, hex[2]!);
    const decimal = SUGGESTED_DECIMAL_RANGE.exec(text);
    if (decimal) return blocksBetween(decimal[1]!, decimal[2]!);
  }
  for (const text of texts) {
    for (const pattern of STATED_CAPS) {
      const match = pattern.exec(text);
      const count = match ? parseCount(match[1]!) : undefined;
      if (count !== undefined) return count;
    }
  }
  return undefined;
}

/**
 * Every code, text and data along an error's cause chain (viem wraps a JSON-RPC error once or twice), and
 * whether our failover gave up on timeouts alone.
 */
function collect(error: unknown): { codes: number[]; texts: string[]; data: unknown[]; transport?: 'timeout' | 'other' } {
  const codes: number[] = [];
  const texts: string[] = [];
  const data: unknown[] = [];
  for (const node of causeChain(error)) {
    if (!node || typeof node !== 'object') break;
    if (node instanceof AllEndpointsFailedError) {
      const timedOut = node.causes.length > 0 && node.causes.every((cause) => cause instanceof EndpointError && cause.timedOut);
      return { codes, texts, data, transport: timedOut ? 'timeout' : 'other' };
    }
    if (node instanceof EndpointError) return { codes, texts, data, transport: node.timedOut ? 'timeout' : 'other' };
    const record = node as { code?: unknown; message?: unknown; shortMessage?: unknown; details?: unknown; data?: unknown };
    if (typeof record.code === 'number') codes.push(record.code);
    for (const text of [record.shortMessage, record.details, record.message]) if (typeof text === 'string' && text) texts.push(text);
    if (typeof record.data === 'string') texts.push(record.data);
    else if (record.data && typeof record.data === 'object') {
      data.push(record.data);
      const inner = record.data as { message?: unknown };
      if (typeof inner.message === 'string') texts.push(inner.message);
    }
  }
  return { codes, texts, data };
}

/**
 * Tells whether an eth_getLogs failure means "ask for fewer blocks": a block-range cap, a result-count cap,
 * a response-size cap or a timeout, in the words of the common providers (Infura, Alchemy, QuickNode, drpc,
 * publicnode, Ankr, Cloudflare, BlockPI, thirdweb, reth/erigon/geth-style nodes). Anything else (a rate
 * limit, a dead URL, a bad request) is `undefined`: shrinking the range would not help.
 */
export function classifyLogsRangeError(error: unknown): LogsRangeRefusal | undefined {
  const { codes, texts, data, transport } = collect(error);
  // Our failover gave up: on timeouts alone (a heavy range is as likely as a dead node), or on anything else.
  if (transport === 'timeout') return { reason: 'timeout', message: shortError(error) };
  if (transport === 'other') return undefined;
  for (const [reason, pattern] of REFUSALS) {
    const text = texts.find((t) => pattern.test(t));
    if (text === undefined) continue;
    if (reason === 'timeout' && !codes.some((code) => SERVER_CODES.has(code))) continue;
    const suggestedBlocks = reason === 'timeout' ? undefined : suggestedBlocksIn(texts, data);
    return { reason, message: text.split('\n')[0]!, ...(suggestedBlocks === undefined ? {} : { suggestedBlocks }) };
  }
  return undefined;
}

/** A range of one block was refused too: no smaller request exists, so the event read stops with this. */
export class LogsRangeFloorError extends BaseError {
  override name = 'LogsRangeFloorError';
  constructor(
    readonly block: bigint,
    readonly refusal: LogsRangeRefusal,
  ) {
    super(`eth_getLogs refused even a single block (${block}): ${refusal.message}; the next cycle reads again from that block`);
  }
}
