import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './configSchema.ts';
import { interpolateEnv } from './interpolateEnv.ts';

/** A config that cannot be used; `problems` holds one line per problem, each starting with its path. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Renders a zod path the way people write it: `sources[2].vault`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const where = formatPath(issue.path) || '(top level)';
  if (issue.code === 'invalid_type' && issue.input === undefined) return [`${where}: required, but missing`];
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown key "${key}" (a typo?)`);
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const options = (issue as { options?: unknown[] }).options ?? [];
    return [`${where}: must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`];
  }
  return [`${where}: ${issue.message}`];
}

/**
 * Parses and validates a config document. Every problem is collected, not only the first.
 * @throws ConfigError listing every problem by path.
 */
export function parseConfig(text: string, env: Readonly<Record<string, string | undefined>>, file = 'config'): Config {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(file, document.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An unknown alias or an alias bomb ("billion laughs") only shows when the document is resolved.
    throw new ConfigError(file, [`YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const { value, missing } = interpolateEnv(raw, env);
  const problems = missing.map((m) => `${m.path}: environment variable ${m.variable} is not set (write \${${m.variable}:-default} to give a default)`);
  const result = configSchema.safeParse(value);
  if (!result.success) problems.push(...result.error.issues.flatMap(describeIssue));
  if (problems.length > 0 || !result.success) throw new ConfigError(file, problems);
  return result.data;
}

/**
 * Reads a YAML config file, fills `${ENV}` placeholders and validates it.
 * @throws ConfigError when the file cannot be read or is invalid.
 */
export function loadConfig(file: string, env: Readonly<Record<string, string | undefined>> = process.env): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  return parseConfig(text, env, file);
}
