import type { z } from 'zod';
import { chainSchema } from './chainSchema.ts';
import { VALUE } from './showValue.ts';
import { sourceCommon, sourceSchema } from './sourceSchema.ts';
import { tokenSchema, towerSchema } from './tokenSchema.ts';

/** A problem between sections (an unknown chain, a duplicate id), with the value it is about for `${VALUE}`. */
export interface ReferenceProblem {
  readonly path: (string | number)[];
  readonly message: string;
  readonly input: unknown;
}

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The fields of `raw` that their own schema in `shape` accepts, parsed (defaults applied); the others left out. */
function wellFormedFields(shape: Readonly<Record<string, z.ZodType>>, raw: unknown): Mapping {
  const fields: Mapping = {};
  if (!isMapping(raw)) return fields;
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) fields[key] = parsed.data;
  }
  return fields;
}

/** The reference fields of a source; each present only when well-formed. */
interface SourceRefs {
  readonly id?: string;
  readonly kind?: z.output<typeof sourceSchema>['kind'];
  readonly chain?: number;
  readonly l2Chain?: number;
  readonly token?: string;
  readonly asset?: string;
  readonly quote?: string;
  readonly operators?: readonly { readonly owner: string; readonly lst?: string }[];
  readonly protocols?: Readonly<Record<string, { readonly tokens: readonly string[] }>>;
}

function sourceRefs(raw: unknown): SourceRefs {
  const option = isMapping(raw) ? sourceSchema.options.find((o) => o.shape.kind.value === raw.kind) : undefined;
  return wellFormedFields(option?.shape ?? sourceCommon, raw) as SourceRefs;
}

/**
 * Cross-references between sections: duplicate chain and source ids, chains, tokens and sources that are not
 * configured, sequencers without a block time, loops in the chain of bases, a webhook without the HTTP endpoint.
 * They are checked on whatever is
 * well-formed, field by field, so a wrong type elsewhere never hides them (the loader runs this on the raw
 * document when the schema fails); a check whose answer depends on a broken field is skipped rather than
 * guessed (no "chain 1 is not in chains" while a chain's id is unreadable).
 */
export function referenceProblems(input: unknown): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const problem = (path: (string | number)[], message: string, value: unknown) => problems.push({ path, message, input: value });
  const root = isMapping(input) ? input : {};
  const chains = Array.isArray(root.chains) ? root.chains.map((chain) => wellFormedFields(chainSchema.shape, chain) as { id?: number }) : undefined;
  const rawSources: unknown[] = Array.isArray(root.sources) ? root.sources : [];
  const sources = rawSources.map(sourceRefs);
  const tokens = isMapping(root.tokens)
    ? new Map(Object.entries(root.tokens).map(([symbol, token]) => [symbol, wellFormedFields(tokenSchema.shape, token) as { base?: string; rateFrom?: string }]))
    : undefined;
  const baseToken = (wellFormedFields(towerSchema.unwrap().shape, root.tower ?? {}) as { baseToken?: string }).baseToken;
  // Judged only when every entry's id is readable: the entry with a broken id may be the one meant.
  const chainIds = chains?.every((c) => c.id !== undefined) ? new Set(chains.map((c) => c.id)) : undefined;
  const sourceIdsKnown = sources.every((s) => s.id !== undefined);

  chains?.forEach((chain, i) => {
    if (chain.id !== undefined && chains.findIndex((c) => c.id === chain.id) !== i) problem(['chains', i, 'id'], `chain ${VALUE} is listed twice`, chain.id);
  });
  sources.forEach((source, i) => {
    if (source.id !== undefined && sources.findIndex((s) => s.id === source.id) !== i) problem(['sources', i, 'id'], `source id ${VALUE} is used twice`, source.id);
    if (chainIds && source.chain !== undefined && !chainIds.has(source.chain)) problem(['sources', i, 'chain'], `chain ${VALUE} is not in chains`, source.chain);
    if (source.kind === 'sequencer') {
      const raw = rawSources[i] as Mapping;
      if (chainIds && source.l2Chain !== undefined && !chainIds.has(source.l2Chain)) problem(['sources', i, 'l2Chain'], `chain ${VALUE} is not in chains`, source.l2Chain);
      if (raw.l2Chain === undefined && raw.blockTimeSeconds === undefined)
        problem(['sources', i], 'a sequencer needs l2Chain (to measure the block time) or blockTimeSeconds', undefined);
      const operators = source.operators ?? [];
      operators.forEach((operator, j) => {
        if (operator.lst !== undefined && source.protocols !== undefined && !(operator.lst in source.protocols))
          problem(['sources', i, 'operators', j, 'lst'], `protocol ${VALUE} is not in this source's protocols`, operator.lst);
        if (operators.findIndex((o) => o.owner === operator.owner) !== j) problem(['sources', i, 'operators', j, 'owner'], `owner ${VALUE} is listed twice`, operator.owner);
      });
      for (const [name, protocol] of Object.entries(source.protocols ?? {})) {
        protocol.tokens.forEach((token, j) => {
          if (tokens && !tokens.has(token)) problem(['sources', i, 'protocols', name, 'tokens', j], `token ${VALUE} is not in tokens`, token);
        });
      }
    }
    const tokenRefs = (['token', 'asset', 'quote'] as const).flatMap((field) => (source[field] === undefined ? [] : [[field, source[field]] as const]));
    for (const [field, token] of tokenRefs) {
      if (tokens && !tokens.has(token)) problem(['sources', i, field], `token ${VALUE} is not in tokens`, token);
    }
  });
  if (isMapping(root.telegram) && root.telegram.mode === 'webhook' && root.http === undefined)
    problem(['telegram', 'mode'], "webhook mode serves Telegram's updates on the HTTP endpoint: set http.port (behind the webhook's public https URL)", undefined);
  if (tokens && baseToken !== undefined && !tokens.has(baseToken)) problem(['tower', 'baseToken'], `token ${VALUE} is not in tokens`, baseToken);
  for (const [symbol, token] of tokens ?? []) {
    if (token.base !== undefined && !tokens!.has(token.base)) problem(['tokens', symbol, 'base'], `token ${VALUE} is not in tokens`, token.base);
    if (token.rateFrom !== undefined) {
      const source = sources.find((s) => s.id === token.rateFrom);
      if (!source && sourceIdsKnown) problem(['tokens', symbol, 'rateFrom'], `source ${VALUE} is not in sources`, token.rateFrom);
      else if (source?.kind !== undefined && source.kind !== 'erc4626' && source.kind !== 'exchange-rate')
        problem(['tokens', symbol, 'rateFrom'], `source ${VALUE} is a ${source.kind}; a rate comes from an erc4626 or exchange-rate source`, token.rateFrom);
    }
    // Walk the base chain: a cycle would make every fair value along it undefined.
    const seen = new Set<string>([symbol]);
    for (let next = token.base; next !== undefined; next = tokens!.get(next)?.base) {
      if (seen.has(next)) {
        problem(['tokens', symbol, 'base'], `the chain of bases from here loops back to ${VALUE}`, next);
        break;
      }
      seen.add(next);
    }
  }
  return problems;
}
