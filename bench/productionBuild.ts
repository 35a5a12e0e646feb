import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/* How `npm start` builds and runs the bot, so a bench measures a child process the way production runs. */

const ESBUILD = resolve('node_modules/.bin/esbuild');

export interface Scripts {
  /** The `build` script's esbuild arguments after the entry point, without its output directory. */
  readonly esbuildFlags: string[];
  /** The flags `start` gives node. */
  readonly nodeFlags: string[];
}

/**
 * The production build and start, read from package.json so the bench measures exactly what `npm start` runs:
 * `build` is `esbuild src/main.ts FLAGS --outdir=dist` and `start` ends in `node FLAGS dist/main.js`.
 */
export function productionScripts(): Scripts {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const build = scripts.build?.trim().split(/\s+/) ?? [];
  if (build[0] !== 'esbuild' || build[1] !== 'src/main.ts' || !build.includes('--outdir=dist')) {
    throw new Error(`bench: package.json "build" is not "esbuild src/main.ts … --outdir=dist": ${scripts.build}`);
  }
  const start = /\bnode((?:\s+--\S+)*)\s+dist\/main\.js\b/.exec(scripts.start ?? '');
  if (!start) throw new Error(`bench: package.json "start" does not run "node … dist/main.js": ${scripts.start}`);
  return { esbuildFlags: build.slice(2).filter((a) => a !== '--outdir=dist'), nodeFlags: start[1]!.trim().split(/\s+/).filter(Boolean) };
}

/** Bundles `entry` into `outdir` (inside the project, so bare imports resolve from node_modules). */
export function bundle(entry: string, outdir: string, flags: readonly string[]): string {
  rmSync(outdir, { recursive: true, force: true });
  const result = spawnSync(ESBUILD, [entry, ...flags, `--outdir=${outdir}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench: esbuild ${entry} failed: ${result.stderr}`);
  return join(outdir, entry.replace(/^.*\//, '').replace(/\.ts$/, '.js'));
}

