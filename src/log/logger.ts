/** Structured log lines: a message and fields. Kept tiny so any backend (pino, a test buffer) can sit behind it. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const json = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Error ? { name: v.name, message: v.message } : v));

/**
 * A logger writing one JSON object per line (to stderr by default, so stdout stays free for the console chat).
 * @example createLogger({ level: 'info' }).warn('source stale', { source: 'seMetis' })
 */
export function createLogger(options: { level?: Level; write?: (line: string) => void; now?: () => number } = {}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? Date.now;
  const emit = (level: Exclude<Level, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (rank[level] < threshold) return;
    write(`${json({ time: new Date(now()).toISOString(), level, msg: message, ...fields })}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger({ level: 'silent' });
