import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid and state of a live process from /proc (Linux), or undefined once it is gone. */
function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so parse after its last ')'.
    const [state = '', ppid = '0'] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), state };
  } catch {
    return undefined;
  }
}

/** Whether the process still runs (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  const s = stat(pid);
  return s !== undefined && s.state !== 'Z' && s.state !== 'X';
}

/** Every live descendant of `pid` (children, grandchildren…), read from /proc. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (!s || !isRunning(Number(entry))) continue;
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    out.push(...next);
    queue.push(...next);
  }
  return out;
}

/**
 * SIGKILLs `pid` first (the crash), then every descendant it had (tsx's esbuild service), so nothing is
 * left behind; returns the descendants killed. Only for processes this test started.
 */
export function killTree(pid: number): number[] {
  const descendants = descendantsOf(pid);
  for (const target of [pid, ...descendants]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return descendants;
}
