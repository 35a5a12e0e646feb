import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, ROOT, sourceFiles } from './importGraph.ts';
import { LAYERS, layerOf } from './layers.ts';

const files = sourceFiles(['src', 'commands']);
const graph = importGraph(files);
const rank = (file: string) => LAYERS.indexOf(layerOf(file)!);

describe('the import graph of src/ and commands/', () => {
  it('GIVEN every file THEN it belongs to exactly one layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
    expect(files.length).toBeGreaterThan(150);
  });

  it('GIVEN every import THEN it points to its own layer or one below (type imports included)', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => layerOf(to) !== undefined && rank(to) > rank(from)).map((to) => `${from} (${layerOf(from)!.name}) -> ${to} (${layerOf(to)!.name})`),
    );
    expect(upward).toEqual([]);
  });

  it('GIVEN every import THEN its target exists', () => {
    const known = new Set(files);
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((to) => layerOf(to) !== undefined && !known.has(to)).map((to) => `${from} -> ${to}`));
    expect(missing).toEqual([]);
  });

  it('GIVEN the files THEN no import cycle exists between them (type imports included)', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('GIVEN a small graph with a cycle THEN the cycle check finds it', () => {
    const probe = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(probe)).toEqual([['a', 'b', 'c']]);
  });
});

describe("the README's layout table", () => {
  it('GIVEN the layer list THEN the README shows the same layers in the same order', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const expected = LAYERS.map((layer) => `| ${layer.name} | ${layer.paths.map((p) => `\`${p}\``).join(', ')} | ${layer.what} |`);
    const names = new Set(LAYERS.map((layer) => layer.name));
    const rows = readme.split('\n').filter((line) => names.has(/^\| (\w+) \|/.exec(line)?.[1] ?? ''));
    expect(rows).toEqual(expected);
  });
});
