import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Command lines of running anvil processes listening on one of these ports. */
function anvilsOn(ports: readonly string[]): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes('anvil') && ports.some((port) => cmdline.includes(`--port ${port}`))) found.push(cmdline);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Starts the demo; resolves with its output once `ready` matches stderr. */
function startDemo() {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/demo.ts'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string[]>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/Ready in/.test(stderr)) resolve([...stderr.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => m[1]!));
    });
    void exited.then((code) => reject(new Error(`demo exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { child, ready, exited, output: () => stdout, errors: () => stderr };
}

/** The demo mines eight simulated days (about 67,000 L2 blocks over real Uniswap and OpenZeppelin contracts) before it is ready. */
const DEMO_TIMEOUT_MS = 180_000;

describe('npm run demo', () => {
  it('GIVEN /apy on its input THEN it prints 24 h and 7 d figures, exits 0 at the end of input, and leaves no anvil', async () => {
    const demo = startDemo();
    const ports = await demo.ready;
    expect(ports).toHaveLength(2);
    expect(anvilsOn(ports)).toHaveLength(2);
    demo.child.stdin.end('/apy\n');
    expect(await demo.exited).toBe(0);
    expect(demo.output()).toMatch(/ENKI seMetis\s+\d+\.\d\d% 24 h\s+\d+\.\d\d%/);
    expect(demo.output()).toMatch(/Sequencer mining\s+17\.08% nominal/);
    expect(anvilsOn(ports)).toEqual([]);
  }, DEMO_TIMEOUT_MS);

  it('GIVEN Ctrl-C THEN it stops and its chains with it', async () => {
    const demo = startDemo();
    const ports = await demo.ready;
    demo.child.kill('SIGINT');
    await demo.exited;
    expect(anvilsOn(ports)).toEqual([]);
  }, DEMO_TIMEOUT_MS);
});
