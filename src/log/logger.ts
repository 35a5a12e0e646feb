import pino from 'pino';
import { createSecretScrubber, type SecretScrubber } from './redactSecrets.ts';

/** Structured log lines: a message and fields. Kept tiny so any backend (pino, a test buffer) can sit behind it. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface LoggerOptions {
  readonly level?: Level;
  /** Where each JSON line goes (with its newline); stderr by default, so stdout stays free for the console chat. */
  readonly write?: (line: string) => void;
  readonly now?: () => number;
  /**
   * Secret values to keep out of every line wherever they appear (messages, fields, error messages and
   * stacks, URLs inside them): bot tokens, RPC URLs with keys. See `collectSecrets`.
   */
  readonly secrets?: readonly string[];
}

/**
 * Field names whose values never reach a log line, whatever they hold (pino's path redaction). Values are
 * redacted too (`secrets`), because a token also travels inside strings: grammY's network errors carry the
 * request URL, and the token is part of that URL.
 */
export const REDACTED_KEYS = ['token', 'botToken', 'authorization', 'Authorization', 'password', 'apiKey', 'api_key', 'secret', 'cookie'];
const REDACT_PATHS = [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), 'headers.authorization', '*.headers.authorization', 'headers.Authorization', '*.headers.Authorization'];

const MAX_DEPTH = 6;
const MAX_STRING = 4_000;
const MAX_ITEMS = 50;
/** pino's own keys: a field of the same name is renamed rather than written twice. */
const RESERVED = new Set(['level', 'time', 'msg']);

/**
 * Turns a field value into plain JSON data with every secret scrubbed: bigints as decimal strings (pino would
 * write them as lossy numbers), errors as `{ type, message, code, stack, cause, …own fields }` (pino would
 * write `{}` for an error not under `err`), cycles cut, long strings and arrays cut.
 */
function toLogData(value: unknown, scrub: SecretScrubber, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') {
    const clean = scrub(value);
    return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}…` : clean;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    const inner = (v: unknown) => toLogData(v, scrub, depth + 1, seen);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map(inner);
      return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
    }
    if (value instanceof Map) return inner(Object.fromEntries([...value.entries()].slice(0, MAX_ITEMS).map(([k, v]) => [String(k), v])));
    if (value instanceof Set) return inner([...value]);
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      out.type = value.name;
      out.message = inner(value.message);
      if (value.stack) out.stack = inner(value.stack);
    }
    for (const [key, v] of Object.entries(value).slice(0, MAX_ITEMS)) {
      if (key === 'stack' || key === 'message') continue;
      out[scrub(key)] = inner(v);
    }
    if (value instanceof Error && value.cause !== undefined) out.cause = inner(value.cause);
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * A pino logger behind the `Logger` interface: one JSON object per line (`level`, `time`, `msg`, fields) on
 * stderr, with secrets redacted by key (`REDACTED_KEYS`) and by value (`secrets`).
 * @example createLogger({ level: 'info', secrets: [env.TELEGRAM_BOT_TOKEN] }).warn('source stale', { source: 'seMetis' })
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (level === 'silent') return silentLogger;
  const scrub = createSecretScrubber(options.secrets ?? []);
  const now = options.now;
  const write = options.write;
  // Synchronous writes: a line logged just before an exit (a failed start, the shutdown deadline) is not lost.
  const destination = write ? { write: (line: string) => write(scrub(line)) } : scrubbingStderr(scrub);
  const logger = pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: now ? () => `,"time":"${new Date(now()).toISOString()}"` : pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  const emit = (method: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (!logger.isLevelEnabled(method)) return;
    const data: Record<string, unknown> = {};
    if (fields) {
      const prepared = toLogData(fields, scrub, 0, new WeakSet()) as Record<string, unknown>;
      for (const [key, value] of Object.entries(prepared)) data[RESERVED.has(key) ? `field_${key}` : key] = value;
    }
    logger[method](data, scrub(message));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** stderr through pino's synchronous destination, each line scrubbed once more as it leaves. */
function scrubbingStderr(scrub: SecretScrubber): { write(line: string): void } {
  const stderr = pino.destination({ fd: 2, sync: true });
  return { write: (line: string) => stderr.write(scrub(line)) };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
