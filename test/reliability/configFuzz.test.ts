import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/loadConfig.ts';

const DEFAULT_YAML = readFileSync('config/default.yaml', 'utf8');
const SEED = 20_250_601;

type Path = (string | number)[];

/** Every path to a node of a parsed document (objects and arrays included), in document order. */
function paths(node: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => [[...prefix, i], ...paths(child, [...prefix, i])]);
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
  return [];
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

/** A value of some type, rarely the expected one. */
const wrongValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant('0x12'),
  fc.constant('-5m'),
  fc.constant('${UNSET_VARIABLE}'),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
);

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'retype'; pick: number; value: unknown }
  | { kind: 'rename'; pick: number; name: string }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'indent'; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

const KEY = '9aa3d95b3bc440fa88ea12eaa4456161';
const QUERY_KEY = 'Zq7XkP2mWv9TnR4sLc8YbH3d';
const PASSWORD = 'hunter2hunter2';
const TELEGRAM_SECRET = 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DISCORD_TOKEN = 'MTA1NzQ1NjI4OTE4MDgzNzQ4MA.GhJk2a.Xq3vBn8LpR2tYw6ZcKm4HdFs9JeUa1';
const PRIVATE_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const ENV_KEY = 'Lk3PqR8sTv2WxY6zAb4CdE9f';
const SECRET_ENV = { SECRET_RPC: `mainnet.infura.io/v3/${ENV_KEY}`, SECRET_KEY: ENV_KEY };
const SECRET_PIECES = [KEY, QUERY_KEY, PASSWORD, TELEGRAM_SECRET, DISCORD_TOKEN, PRIVATE_KEY.slice(2), ENV_KEY];

/** What an operator could paste in the wrong place: URLs with keys (with or without a scheme), tokens, keys, placeholders of secret variables. */
const secretText = fc.constantFrom(
  `127.0.0.1:8545/v3/${KEY}?apikey=${QUERY_KEY}`,
  `https://alice:${PASSWORD}@rpc.example.com/v3/${KEY}`,
  `htps://alice:${PASSWORD}@rpc.example.com/?key=${QUERY_KEY}`,
  `alice:${PASSWORD}@rpc.example.com:8545`,
  `wss://rpc.example.com/ws/${KEY}`,
  `rpc.example.com/${KEY}`,
  `123456789:${TELEGRAM_SECRET}`,
  DISCORD_TOKEN,
  PRIVATE_KEY,
  KEY,
  '\${SECRET_RPC}',
  '\${SECRET_KEY}',
  `see https://x.example/${KEY}`,
);
const pasteValue: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: secretText });
const pasteKey: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: secretText });

/** Applies mutations to the text of config/default.yaml: structural ones on its parsed form, byte ones on the text. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    if (m.kind === 'delete' || m.kind === 'retype' || m.kind === 'rename') {
      let root: unknown;
      try {
        root = parse(current);
      } catch {
        continue; // already broken YAML: structural edits no longer apply
      }
      const all = paths(root);
      if (all.length === 0) continue;
      const path = all[m.pick % all.length]!;
      const parent = parentOf(root, path);
      const key = path.at(-1)!;
      if (m.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else if (m.kind === 'retype') parent[key] = m.value;
      else if (!Array.isArray(parent)) {
        parent[m.name] = parent[key];
        delete parent[key];
      }
      current = stringify(root);
    } else if (m.kind === 'bytes') {
      const buffer = Buffer.from(current, 'utf8');
      const at = m.at % (buffer.length + 1);
      current = Buffer.concat([buffer.subarray(0, at), Buffer.from(m.bytes), buffer.subarray(at + m.bytes.length)]).toString('utf8');
    } else if (m.kind === 'truncate') {
      current = current.slice(0, m.at % (current.length + 1));
    } else {
      const lines = current.split('\n');
      const i = m.line % lines.length;
      if (m.kind === 'deleteLine') lines.splice(i, 1);
      else lines[i] = m.by >= 0 ? `${' '.repeat(m.by)}${lines[i]}` : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      current = lines.join('\n');
    }
  }
  return current;
}

describe('config fuzzing', () => {
  it('GIVEN the shipped config THEN it parses (the fuzz starts from a valid file)', () => {
    expect(() => parseConfig(DEFAULT_YAML, {}, 'default.yaml')).not.toThrow();
  });

  it('GIVEN 500 seeded mutations of config/default.yaml THEN parseConfig returns a config or throws ConfigError listing problems, never anything else', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutate(DEFAULT_YAML, mutations);
        try {
          parseConfig(text, {}, 'fuzz.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          const problems = (error as ConfigError).problems;
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) expect(problem).toMatch(/\S/);
          expect((error as ConfigError).message).toContain(`fuzz.yaml: ${problems.length} problem`);
          refused += 1;
        }
      }),
      { seed: SEED, numRuns: 500, endOnFailure: true },
    );
    // Most mutations break the file; some (a deleted optional key, an edited comment) leave it valid.
    expect(refused).toBeGreaterThan(300);
  });

  it('GIVEN 400 seeded configs with secrets pasted into values and keys anywhere THEN no problem line shows a piece of one', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(mutation, pasteValue, pasteKey), { minLength: 1, maxLength: 4 }), pasteValue, (mutations, paste) => {
        const text = mutate(DEFAULT_YAML, [paste, ...mutations]);
        try {
          parseConfig(text, SECRET_ENV, 'fuzz.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          const message = (error as ConfigError).message;
          for (const secret of SECRET_PIECES) {
            for (let i = 0; i + 8 <= secret.length; i++) expect(message).not.toContain(secret.slice(i, i + 8));
          }
          refused += 1;
        }
      }),
      { seed: SEED, numRuns: 400, endOnFailure: true },
    );
    expect(refused).toBeGreaterThan(300);
  });

  it.each([
    ['an alias bomb', `a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`],
    ['an unknown alias', 'chains: *nowhere\n'],
    ['a document that is a list', '- 1\n- 2\n'],
    ['a scalar document', '42\n'],
    ['an empty document', ''],
    ['binary garbage', '\u0000\u0001\u0002\uFFFD\u0007'],
    ['a duplicate key', 'poll: {}\npoll: {}\n'],
    ['two documents', `${DEFAULT_YAML}\n---\npoll: {}\n`],
    ['a tag', `!!binary aGVsbG8=\n`],
  ])('GIVEN %s THEN a ConfigError', (_name, text) => {
    expect(() => parseConfig(text, {}, 'odd.yaml')).toThrow(ConfigError);
  });
});
