import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { BaseError } from '../vocabulary/baseError.ts';
import { configSchema, type Config } from './configSchema.ts';
import { referenceProblems } from './referenceProblems.ts';
import { describeIssue, pathKey, recordAllowedKeys } from './describeIssue.ts';
import { interpolateEnv } from './interpolateEnv.ts';
import { findPastedTokens } from './pastedTokens.ts';
import { formatPath, looksLikeSecret } from './showValue.ts';
import { webhookSecretProblems } from './telegramSchema.ts';

/** A config that cannot be used; `problems` holds one line per problem, each starting with its path. */
export class ConfigError extends BaseError {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, { metaMessages: problems.map((p) => `  - ${p}`) });
  }
}

export { formatPath };

/** A YAML parser's message, first line only, with anything shaped like a URL or a key taken out. */
function yamlProblem(message: string): string {
  const line = message.split('\n')[0]!;
  return `YAML: ${line.replace(/\S+/g, (word) => (/:\/\/|@/.test(word) || looksLikeSecret(word) ? '[not shown]' : word))}`;
}

/**
 * Parses and validates a config document. Every problem is collected, not only the first: each field's own,
 * unknown keys (with the key probably meant), and the cross-references between sections, which are checked on
 * the well-formed parts even when other fields are wrong. No problem line shows a value that could be a secret.
 * @throws ConfigError listing every problem by path.
 */
export function parseConfig(text: string, env: Readonly<Record<string, string | undefined>>, file = 'config'): Config {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(file, document.errors.map((e) => yamlProblem(e.message)));
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An unknown alias or an alias bomb ("billion laughs") only shows when the document is resolved.
    throw new ConfigError(file, [yamlProblem((error as Error).message)]);
  }
  if (raw === null || raw === undefined) throw new ConfigError(file, ['the file is empty: it needs at least chains, tokens and sources']);
  const { value, missing, fromEnv, malformed } = interpolateEnv(raw, env);
  const context = {
    fromEnv: new Map(fromEnv.map((derived) => [pathKey(derived.path), derived.variables])),
    allowedKeys: new Map<string, readonly string[]>(),
  };
  const problems = new Set(
    missing.map((m) => `${formatPath(m.path)}: environment variable ${m.variable} is not set (write \${${m.variable}:-default} to give a default)`),
  );
  for (const { path } of malformed) {
    problems.add(`${formatPath(path)}: a "\${" that opens no placeholder (unclosed, or not a variable name): write \${NAME} or \${NAME:-default}`);
  }
  for (const { path } of findPastedTokens(value)) {
    problems.add(`${formatPath(path)}: holds what looks like a bot token; tokens come only from the environment (TELEGRAM_BOT_TOKEN, DISCORD_TOKEN), never from the config file`);
  }
  const result = configSchema.safeParse(value, { reportInput: true, error: recordAllowedKeys(context.allowedKeys) });
  if (!result.success) {
    // A value left empty by a missing variable, or holding a broken placeholder, fails its schema too; the
    // placeholder is the one problem there.
    const explained = new Set([...missing, ...malformed].map((m) => pathKey(m.path)));
    for (const issue of result.error.issues) {
      if (explained.has(pathKey(issue.path))) continue;
      for (const line of describeIssue(issue, context)) problems.add(line);
    }
    // The schema's own cross-checks stop at the first wrong field; these run on whatever is well-formed.
    // A line the schema already gave (its checks do run after an unknown key) is not repeated.
    for (const p of referenceProblems(value)) {
      for (const line of describeIssue({ code: 'custom', path: p.path, message: p.message, input: p.input }, context)) problems.add(line);
    }
  }
  for (const p of webhookSecretProblems(value, env)) {
    for (const line of describeIssue({ code: 'custom', path: p.path, message: p.message, input: p.input }, context)) problems.add(line);
  }
  if (problems.size > 0 || !result.success) throw new ConfigError(file, [...problems]);
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
