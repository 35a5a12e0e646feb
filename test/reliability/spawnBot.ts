import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** Parsed JSON log lines on stderr so far (other lines are skipped). */
  logs(): Record<string, unknown>[];
  /** Resolves with the first log line (already written or to come) matching the predicate; rejects if the process exits first. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

/**
 * Starts `src/main.ts` in its own Node process (through tsx's loader, so signals go straight to it) with
 * exactly the environment given (nothing inherited but PATH), as an operator would run it. `node` replaces
 * the Node arguments before `args`, e.g. the compiled build as `npm start` runs it.
 */
export function spawnBot(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  options: { uid?: number; gid?: number; node?: readonly string[] } = {},
): BotProcess {
  const child = spawn(process.execPath, [...(options.node ?? ['--import', 'tsx', 'src/main.ts']), ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  let out = '';
  let err = '';
  const waiters: { predicate: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  const parse = (text: string) =>
    text.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const before = err.lastIndexOf('\n') + 1;
    err += chunk.toString();
    const complete = err.slice(before, err.lastIndexOf('\n') + 1);
    for (const line of parse(complete)) {
      for (const waiter of [...waiters]) {
        if (waiter.predicate(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    logs: () => parse(err),
    waitForLog(predicate) {
      const found = parse(err).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void exited.then((code) => reject(new Error(`the bot exited (${code}) before the log line came:\n${err}`)));
      });
    },
  };
}
