import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { BaseError } from '../vocabulary/baseError.ts';

export interface StartAnvilOptions {
  readonly chainId: number;
  /** Port on 127.0.0.1; a free one is picked when absent. */
  readonly port?: number;
  /** Genesis block timestamp, unix seconds. */
  readonly timestamp?: number;
  readonly blockBaseFeePerGas?: bigint;
  /** EVM hardfork. Default `cancun`: from `prague` on, the EIP-2935 history contract makes every mined block slower. */
  readonly hardfork?: string;
  /**
   * How many historical states anvil keeps for calls at past blocks. Default 0 (`--prune-history`): only the
   * latest state is callable, like a non-archive RPC; blocks, receipts and logs stay available.
   * Any N > 0 makes mining cost grow with chain height (anvil clones its block-hash table per kept state):
   * 21,600 blocks take ~0.5 s with 0 and several seconds with N > 0, and it gets quadratically worse.
   */
  readonly keepStates?: number;
  /** Lifts EIP-170's 24 KB contract-size limit: Algebra's shipped pool artifact is about 60 KB (see algebraPool.ts). */
  readonly disableCodeSizeLimit?: boolean;
  /** How long to wait for the "Listening on" line. Default 30 s. */
  readonly startupTimeoutMs?: number;
  /** Further anvil flags. */
  readonly extraArgs?: readonly string[];
}

export interface AnvilHandle {
  readonly url: string;
  readonly port: number;
  readonly chainId: number;
  /** Process id of the anvil binary itself. */
  readonly pid: number;
  /** The last ~64 KB anvil wrote to stdout and stderr (it is never forwarded to the parent's console). */
  output(): string;
  /** SIGTERM, resolves once the process has exited (SIGKILL if it has not after 5 s). Idempotent. */
  stop(): Promise<void>;
}

const OUTPUT_KEEP = 64 * 1024;
const PORT_RETRIES = 5;

/** Path of the native anvil binary shipped by @foundry-rs/anvil-<platform>-<arch> (never the node wrapper). */
export function anvilBinaryPath(): string {
  const platform = process.platform === 'linux' || process.platform === 'darwin' ? process.platform : undefined;
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : undefined;
  if (!platform || !arch) throw new Error(`anvil: no @foundry-rs/anvil binary package for ${process.platform}/${process.arch}`);
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve(`@foundry-rs/anvil-${platform}-${arch}/package.json`);
  return join(dirname(pkgJson), 'bin', 'anvil');
}

/** Starts one anvil on 127.0.0.1 and resolves when it prints "Listening on". */
export async function startAnvil(opts: StartAnvilOptions): Promise<AnvilHandle> {
  if (opts.port !== undefined) return launch(opts, opts.port);
  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_RETRIES; attempt++) {
    const port = await freePort();
    try {
      return await launch(opts, port);
    } catch (error) {
      lastError = error;
      if (!(error instanceof AnvilStartError && error.addressInUse)) throw error;
    }
  }
  throw lastError;
}

/** Kills every anvil this module started (SIGKILL, synchronous) and forgets them. */
export function stopAllAnvils(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
  uninstallSignalHooks();
}

/** anvil did not come up; `addressInUse` says whether another port may do better. */
class AnvilStartError extends BaseError {
  override name = 'AnvilStartError';
  constructor(
    message: string,
    readonly addressInUse: boolean,
  ) {
    super(message);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function anvilArgs(opts: StartAnvilOptions, port: number): string[] {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(opts.chainId), '--color', 'never'];
  args.push('--hardfork', opts.hardfork ?? 'cancun');
  const keep = opts.keepStates ?? 0;
  if (!Number.isInteger(keep) || keep < 0) throw new RangeError(`keepStates must be a non-negative integer, got ${keep}`);
  args.push('--prune-history', ...(keep > 0 ? [String(keep)] : []));
  if (opts.timestamp !== undefined) args.push('--timestamp', String(opts.timestamp));
  if (opts.blockBaseFeePerGas !== undefined) args.push('--block-base-fee-per-gas', opts.blockBaseFeePerGas.toString());
  if (opts.disableCodeSizeLimit) args.push('--disable-code-size-limit');
  if (opts.extraArgs) args.push(...opts.extraArgs);
  return args;
}

function launch(opts: StartAnvilOptions, port: number): Promise<AnvilHandle> {
  const child = spawn(anvilBinaryPath(), anvilArgs(opts, port), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const append = (chunk: string) => {
    output += chunk;
    if (output.length > 2 * OUTPUT_KEEP) output = output.slice(-OUTPUT_KEEP);
  };
  const tail = () => output.slice(-OUTPUT_KEEP);

  let exited = child.exitCode !== null || child.signalCode !== null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      if (running.size === 0) uninstallSignalHooks();
      resolve();
    });
  });

  const handle: AnvilHandle = {
    url: `http://127.0.0.1:${port}`,
    port,
    chainId: opts.chainId,
    pid: child.pid ?? -1,
    output: tail,
    stop: () => {
      if (!exited) {
        child.kill('SIGTERM');
        const escalate = setTimeout(() => {
          if (!exited) child.kill('SIGKILL');
        }, 5_000);
        escalate.unref();
        void exitPromise.then(() => clearTimeout(escalate));
      }
      return exitPromise;
    },
  };

  return new Promise<AnvilHandle>((resolve, reject) => {
    let settled = false;
    let lineBuffer = '';
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = tail();
      const addressInUse = /address already in use|addrinuse|os error 98|os error 48/i.test(text);
      reject(new AnvilStartError(`${message} (anvil chain ${opts.chainId}, port ${port})\n--- anvil output (tail) ---\n${text.slice(-4_000)}`, addressInUse));
      if (!exited) child.kill('SIGKILL');
    };
    const timer = setTimeout(() => fail(`anvil did not print "Listening on" within ${opts.startupTimeoutMs ?? 30_000} ms`), opts.startupTimeoutMs ?? 30_000);
    timer.unref();

    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', append);
    child.stdout!.on('data', (chunk: string) => {
      append(chunk);
      if (settled) return;
      lineBuffer += chunk;
      if (/^Listening on /m.test(lineBuffer)) {
        settled = true;
        clearTimeout(timer);
        lineBuffer = '';
        resolve(handle);
        return;
      }
      const lastNewline = lineBuffer.lastIndexOf('\n');
      if (lastNewline >= 0) lineBuffer = lineBuffer.slice(lastNewline + 1);
    });
    child.once('error', (error) => fail(`could not spawn anvil: ${error.message}`));
    child.once('exit', (code, signal) => fail(`anvil exited before listening (code ${code ?? 'null'}, signal ${signal ?? 'null'})`));

    running.add(child);
    installSignalHooks();
  });
}

// ---- process-wide cleanup ------------------------------------------------------------------------

const running = new Set<ChildProcess>();
let hooksInstalled = false;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onProcessExit(): void {
  stopAllAnvils();
}

/**
 * Kills our anvils on SIGINT/SIGTERM. A listener suppresses Node's default "terminate" for that signal, so
 * when ours is the only listener we restore the default by removing ourselves and re-raising the signal;
 * when the host app has its own listeners, they decide what happens next (we never exit for them).
 */
const signalListeners: Record<(typeof SIGNALS)[number], () => void> = {
  SIGINT: () => onSignal('SIGINT'),
  SIGTERM: () => onSignal('SIGTERM'),
};

function onSignal(signal: (typeof SIGNALS)[number]): void {
  const alone = process.listenerCount(signal) === 1;
  stopAllAnvils(); // also uninstalls our listeners
  if (alone) process.kill(process.pid, signal);
}

function installSignalHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', onProcessExit);
  for (const signal of SIGNALS) process.on(signal, signalListeners[signal]);
}

function uninstallSignalHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.off('exit', onProcessExit);
  for (const signal of SIGNALS) process.off(signal, signalListeners[signal]);
}
