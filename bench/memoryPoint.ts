import { readFileSync } from 'node:fs';
import v8 from 'node:v8';

/** Memory at one point of the run, MB. */
export interface MemoryPoint {
  readonly rss: number;
  /** Resident pages of no file: the JS heap, malloc (SQLite's page cache, undici's WebAssembly), stacks. */
  readonly anon?: number;
  /** Resident pages of mapped files: node's own binary (code, ICU data) and shared libraries. */
  readonly file?: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** V8's young generation as committed (it grows to 2 × max-semi-space-size under load and stays). */
  readonly newSpace: number;
  readonly external: number;
}

const MB = 2 ** 20;

/** Resident memory split by kind, from /proc (Linux); undefined elsewhere. */
function residentKinds(): { anon: number; file: number } | undefined {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
  } catch {
    return undefined;
  }
}

/** After a full collection, so what is counted is what the process keeps, not garbage waiting. */
export function point(): MemoryPoint {
  globalThis.gc?.();
  const m = process.memoryUsage();
  const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.physical_space_size ?? 0;
  return { rss: m.rss / MB, ...residentKinds(), heapUsed: m.heapUsed / MB, heapTotal: m.heapTotal / MB, newSpace: newSpace / MB, external: m.external / MB };
}

