import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { parseDuration } from '../core/duration.ts';
import { isValidCronExpression } from './cronExpression.ts';
import { VALUE } from './showValue.ts';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VIEW_CALL = /^[A-Za-z_][A-Za-z0-9_]*(\(\))?$/;

/**
 * The offending value in a message. It is not written here: the loader fills it in where it may be shown and
 * describes it where it could be a secret (an RPC URL, a pasted token); see `showValue`.
 */
const show = (_input: unknown): string => VALUE;

/** An EVM address, normalised to its checksum form (any case accepted: lists of addresses rarely agree on it). */
const address = z
  .string()
  .regex(ADDRESS, { error: (i) => `${show(i.input)} is not an address (0x and 40 hex digits)` })
  .transform((value): Address => getAddress(value.toLowerCase()));

const identifier = z
  .string()
  .regex(ID, { error: (i) => `${show(i.input)} is not a valid id (letters, digits, '.', '_', '-')` });

/** Seconds, written as a number of seconds or as `90s`, `15m`, `2h`, `7d`. */
const duration = z.union([z.string(), z.number()], { error: (i) => `${show(i.input)} is not a duration (for example 90s, 15m, 2h, 7d)` }).transform((value, ctx): number => {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds <= 0) {
    ctx.addIssue({ code: 'custom', message: `${show(value)} is not a duration (for example 90s, 15m, 2h, 7d)` });
    return z.NEVER;
  }
  return seconds;
});

/** Whether a text is an http(s) URL `new URL` can read, with a host. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

const rpcUrl = z.string().refine(isHttpUrl, {
  error: (i) =>
    i.input === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(String(i.input))
      ? `${show(i.input)} is not an http(s) URL`
      : `${show(i.input)} is not an http(s) URL (it needs http:// or https:// in front)`,
});

/** A no-argument view returning one uint256, such as `totalDeposits()`. */
const viewCall = z
  .string()
  .regex(VIEW_CALL, { error: (i) => `${show(i.input)} is not a view name such as totalSupply()` })
  .transform((value) => value.replace(/\(\)$/, ''));

const chainSchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  rpc: z.array(rpcUrl).min(1, { error: 'give at least one RPC URL' }),
  /** Largest block span one eth_getLogs request may cover (public RPCs cap it). */
  logsMaxRange: z.number().int().positive().default(10_000),
  /** Trailing number of blocks over which the average block time is measured. */
  blockTimeWindow: z.number().int().min(10).default(10_000),
  /** The chain is halted when its head has not moved for this long; default by chain id (see chainHaltAfter.ts). */
  haltAfter: duration.optional(),
  /** Block explorer URL prefix for transaction links (`<explorer>/tx/<hash>`), false for none; default by chain id (see explorerTxUrl.ts). */
  explorer: z.union([rpcUrl, z.literal(false)]).optional(),
});

const common = {
  id: identifier,
  label: z.string().min(1).optional(),
  chain: z.number().int().positive(),
  /** Overrides poll.staleAfter for this source. */
  staleAfter: duration.optional(),
};

/** Who runs a sequencer, matched by its LockingPool owner: a display name and the liquid-staking protocol behind it. */
const operatorSchema = z.strictObject({
  name: z.string().min(1).max(64),
  owner: address,
  /** The address that signs L2 blocks (informational: the chain's own answer is what the bot shows). */
  signer: address.optional(),
  /** The liquid-staking protocol that runs it (a key of the source's `protocols`). */
  lst: identifier.optional(),
});

const sequencerSchema = z.strictObject({
  ...common,
  kind: z.literal('sequencer'),
  lockingPool: address,
  lockingInfo: address,
  /** The L2 chain whose blocks earn rewardPerBlock; its average block time is measured there. */
  l2Chain: z.number().int().positive().optional(),
  /** Used when no l2Chain is configured, or while its block time cannot be measured. */
  blockTimeSeconds: z.number().positive().optional(),
  /** How far back the first start reads reward events, in L1 blocks (216,000 ≈ 30 days). */
  logsLookbackBlocks: z.number().int().positive().default(216_000),
  views: z
    .strictObject({
      rewardPerBlock: viewCall.default('rewardPerBlock'),
      exitDelay: viewCall.default('exitDelayPeriod'),
      totalLocked: viewCall.default('totalLocked'),
    })
    .prefault({}),
  /** Labels of the sequencers by owner address; a sequencer without one is shown by its short owner address. */
  operators: z.array(operatorSchema).default([]),
  /** Liquid-staking protocols that run sequencers, with the tower tokens each issues (`ENKI: { tokens: [eMetis, seMetis] }`). */
  protocols: z.record(identifier, z.strictObject({ tokens: z.array(identifier).min(1) })).default({}),
});

/** The `symbol()` a token must answer, checked once at start (a wrong address fails the source instead of misleading). */
const tokenSymbol = z.string().min(1).max(64);

/** MetisSequencerSet on the L2: which signer produces the current epoch. */
const sequencerSetSchema = z.strictObject({ ...common, kind: z.literal('sequencer-set'), address });

const erc4626Schema = z.strictObject({ ...common, kind: z.literal('erc4626'), vault: address, token: identifier, symbol: tokenSymbol.optional() });

const erc20SupplySchema = z.strictObject({ ...common, kind: z.literal('erc20-supply'), address, token: identifier, symbol: tokenSymbol.optional() });

const namedView = z.strictObject({ address, call: viewCall, decimals: z.number().int().min(0).max(36).default(18) });

const exchangeRateSchema = z.strictObject({
  ...common,
  kind: z.literal('exchange-rate'),
  token: identifier,
  /** Underlying held (e.g. `totalDeposits()` of a deposit pool). */
  numerator: namedView,
  /** Claims issued (e.g. `totalSupply()` of the wrapper token); also read as the token's supply. */
  denominator: namedView,
});

const poolFields = {
  pool: address,
  /** Token priced by the pool (a key of `tokens`) and its address in the pool; token order comes from the chain. */
  asset: identifier,
  assetAddress: address,
  /** The `symbol()` assetAddress must answer, checked at start. */
  assetSymbol: tokenSymbol.optional(),
  /** Token the price is expressed in (a key of `tokens`). */
  quote: identifier,
};
const uniswapV2Schema = z.strictObject({ ...common, kind: z.literal('uniswap-v2'), ...poolFields });
/** Window of a concentrated-liquidity pool's TWAP (`observe` / `getTimepoints`), which depeg alerts use instead of spot; 0 turns it off. */
const twapSeconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 86_400)
  .refine((seconds) => seconds === 0 || seconds >= 60, { error: (i) => `${show(i.input)} is not a TWAP window: 0 (off) or 60 to 604800 seconds` })
  .default(1_800);
const uniswapV3Schema = z.strictObject({ ...common, kind: z.literal('uniswap-v3'), ...poolFields, twapSeconds });
/** An Algebra pool (Hercules V3, Camelot V3, QuickSwap V3): `globalState()` instead of `slot0()`, `getTimepoints` instead of `observe`. */
const algebraSchema = z.strictObject({ ...common, kind: z.literal('algebra'), ...poolFields, twapSeconds });

const sourceSchema = z.discriminatedUnion('kind', [
  sequencerSchema,
  sequencerSetSchema,
  erc4626Schema,
  exchangeRateSchema,
  erc20SupplySchema,
  uniswapV2Schema,
  uniswapV3Schema,
  algebraSchema,
]);

const tokenSchema = z.strictObject({
  /** The token this one is a claim on; absent for the native base. */
  base: identifier.optional(),
  /** Source whose rate gives 1 token in base (ERC-4626 share price, exchange rate); absent means a 1:1 claim. */
  rateFrom: identifier.optional(),
});

export const configSchema = z
  .strictObject({
    poll: z
      .strictObject({
        schedule: z
          .string()
          .refine(isValidCronExpression, { error: (i) => `${show(i.input)} is not a cron expression` })
          .default('*/5 * * * *'),
        staleAfter: duration.default(900),
      })
      .prefault({}),
    store: z.strictObject({ path: z.string().min(1).default('data/metis-yield-bot.db') }).prefault({}),
    rpc: z.strictObject({ timeout: duration.default(10) }).prefault({}),
    chains: z.array(chainSchema).min(1),
    tokens: z.record(identifier, tokenSchema),
    sources: z.array(sourceSchema).min(1),
    tower: z
      .strictObject({
        /** The token every wrapper is valued in and the base layer counts. */
        baseToken: identifier.default('METIS'),
      })
      .prefault({}),
    /** Operations endpoint (`/healthz`, `/metrics`); off when absent. */
    http: z
      .strictObject({
        port: z.number().int().min(0).max(65_535),
        host: z.string().min(1).default('127.0.0.1'),
        /** `/healthz` fails when the last poll cycle finished longer ago than this; default poll.staleAfter. */
        maxCycleAge: duration.optional(),
      })
      .optional(),
    commands: z
      .strictObject({
        /** Commands one user may send per minute on Telegram or Discord (the console is not limited); 0: no limit. */
        rateLimitPerMinute: z.number().int().min(0).max(10_000).default(20),
      })
      .prefault({}),
    /** Alert rules: defaults every chat starts from (a chat may override them with /alerts set). */
    alerts: z
      .strictObject({
        /** APY drop: relative fall, percent, below the trailing 7 d average. */
        apyDropPercent: z.number().gt(0).max(100).default(20),
        /** APY drop: absolute fall, percentage points, below the trailing 7 d average. */
        apyDropPoints: z.number().gt(0).max(100).default(3),
        depegWarningBps: z.number().gt(0).max(10_000).default(50),
        depegCriticalBps: z.number().gt(0).max(10_000).default(200),
        /** Tower leverage change over 24 h, percent. */
        leverageChangePercent: z.number().gt(0).max(1_000).default(10),
        /** The base (METIS locked) falling by this many percent in 24 h. */
        baseFallPercent: z.number().gt(0).max(100).default(5),
        /** Fewer active sequencers than this. */
        minActiveSequencers: z.number().int().min(1).max(1_000).default(3),
        /** One operator (sequencers of one LST protocol together) holding more than this share of the base, percent. */
        operatorSharePercent: z.number().gt(0).max(100).default(50),
        /** Consecutive cycles a condition must hold before it fires (and before it clears). */
        cycles: z.number().int().min(1).max(100).default(2),
        /** An alert clears once its measure is below this fraction of the firing threshold (hysteresis). */
        clearRatio: z.number().gt(0).lt(1).default(0.6),
        /** After a recovery, the same (chat, rule, source) does not fire again for this long. */
        cooldown: duration.default(3_600),
        /** A source stale this long is reported to operatorChat (never to subscribers). */
        staleAfter: duration.default(1_800),
        /** A reading more than this many times (or less than 1/this of) the last one is held back until it repeats. */
        outlierFactor: z.number().gt(1).default(5),
        /** ...but only while that last accepted reading is younger than this; an older one is simply replaced. */
        outlierWindow: duration.default(6 * 3_600),
        operatorChat: z.strictObject({ platform: z.enum(['telegram', 'discord', 'console']), chatId: z.string().min(1) }).optional(),
      })
      .prefault({}),
    /** Outbox delivery: platform rate limits and retries. */
    delivery: z
      .strictObject({
        telegram: z
          .strictObject({
            globalPerSecond: z.number().positive().default(30),
            perChatPerSecond: z.number().positive().default(1),
            perGroupPerMinute: z.number().positive().default(20),
          })
          .prefault({}),
        /** Sends in flight at once, over all chats. */
        concurrency: z.number().int().min(1).max(1_000).default(64),
        /** A message failing this many times (5xx, network) is given up and marked failed. */
        maxAttempts: z.number().int().min(1).max(100).default(12),
        /** A send without an answer this long is abandoned and retried: a hung connection must not hold a slot. */
        sendTimeout: duration.default(30),
        /** Sent and failed messages are deleted from the outbox after this long (checked daily). */
        keepSent: duration.default(30 * 86_400),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    for (const { path, message, input } of referenceProblems(config)) ctx.addIssue({ code: 'custom', path, message, input });
  });

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
  readonly kind?: SourceKindName;
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
  return wellFormedFields(option?.shape ?? common, raw) as SourceRefs;
}

/**
 * Cross-references between sections: duplicate chain and source ids, chains, tokens and sources that are not
 * configured, sequencers without a block time, loops in the chain of bases. They are checked on whatever is
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
  const baseToken = (wellFormedFields(configSchema.shape.tower.unwrap().shape, root.tower ?? {}) as { baseToken?: string }).baseToken;
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

export type Config = z.output<typeof configSchema>;
export type ChainConfig = Config['chains'][number];
export type SourceConfig = Config['sources'][number];
export type SourceKindName = SourceConfig['kind'];
export type SourceOfKind<K extends SourceKindName> = Extract<SourceConfig, { kind: K }>;
export type TokenConfig = Config['tokens'][string];
