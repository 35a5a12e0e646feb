import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { parseDuration } from '../core/duration.ts';
import { isValidCronExpression } from '../poller/cronExpression.ts';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VIEW_CALL = /^[A-Za-z_][A-Za-z0-9_]*(\(\))?$/;

const show = (input: unknown) => JSON.stringify(input);

/** An EVM address, normalised to its checksum form (any case accepted: lists of addresses rarely agree on it). */
const address = z
  .string({ error: (i) => `${show(i.input)} is not an address` })
  .regex(ADDRESS, { error: (i) => `${show(i.input)} is not an address (0x and 40 hex digits)` })
  .transform((value): Address => getAddress(value.toLowerCase()));

const identifier = z
  .string()
  .regex(ID, { error: (i) => `${show(i.input)} is not a valid id (letters, digits, '.', '_', '-')` });

/** Seconds, written as a number of seconds or as `90s`, `15m`, `2h`, `7d`. */
const duration = z.union([z.string(), z.number()]).transform((value, ctx): number => {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds <= 0) {
    ctx.addIssue({ code: 'custom', message: `${show(value)} is not a duration (for example 90s, 15m, 2h, 7d)` });
    return z.NEVER;
  }
  return seconds;
});

const rpcUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value), {
    error: (i) => `${show(i.input)} is not an http(s) URL`,
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
    .object({
      rewardPerBlock: viewCall.default('rewardPerBlock'),
      exitDelay: viewCall.default('exitDelayPeriod'),
      totalLocked: viewCall.default('totalLocked'),
    })
    .prefault({}),
});

const erc4626Schema = z.strictObject({ ...common, kind: z.literal('erc4626'), vault: address, token: identifier });

const erc20SupplySchema = z.strictObject({ ...common, kind: z.literal('erc20-supply'), address, token: identifier });

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
  /** Token the price is expressed in (a key of `tokens`). */
  quote: identifier,
};
const uniswapV2Schema = z.strictObject({ ...common, kind: z.literal('uniswap-v2'), ...poolFields });
const uniswapV3Schema = z.strictObject({
  ...common,
  kind: z.literal('uniswap-v3'),
  ...poolFields,
  /** Window of the pool's TWAP (`observe`), which depeg alerts use instead of spot; 0 turns it off. */
  twapSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .refine((seconds) => seconds === 0 || seconds >= 60, { error: (i) => `${show(i.input)} is not a TWAP window: 0 (off) or 60 to 604800 seconds` })
    .default(1_800),
});

const sourceSchema = z.discriminatedUnion('kind', [
  sequencerSchema,
  erc4626Schema,
  exchangeRateSchema,
  erc20SupplySchema,
  uniswapV2Schema,
  uniswapV3Schema,
]);

const tokenSchema = z.strictObject({
  /** The token this one is a claim on; absent for the native base. */
  base: identifier.optional(),
  /** Source whose rate gives 1 token in base (ERC-4626 share price, exchange rate); absent means a 1:1 claim. */
  rateFrom: identifier.optional(),
});

export const configSchema = z
  .object({
    poll: z
      .object({
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
      .object({
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
    const chainIds = new Set(config.chains.map((c) => c.id));
    const sourceById = new Map(config.sources.map((s) => [s.id, s]));
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    config.chains.forEach((chain, i) => {
      if (config.chains.findIndex((c) => c.id === chain.id) !== i) problem(['chains', i, 'id'], `chain ${chain.id} is listed twice`);
    });
    config.sources.forEach((source, i) => {
      if (config.sources.findIndex((s) => s.id === source.id) !== i) problem(['sources', i, 'id'], `source id "${source.id}" is used twice`);
      if (!chainIds.has(source.chain)) problem(['sources', i, 'chain'], `chain ${source.chain} is not in chains`);
      if (source.kind === 'sequencer') {
        if (source.l2Chain !== undefined && !chainIds.has(source.l2Chain)) problem(['sources', i, 'l2Chain'], `chain ${source.l2Chain} is not in chains`);
        if (source.l2Chain === undefined && source.blockTimeSeconds === undefined)
          problem(['sources', i], 'a sequencer needs l2Chain (to measure the block time) or blockTimeSeconds');
      }
      const tokenRefs: [string, string][] =
        source.kind === 'uniswap-v2' || source.kind === 'uniswap-v3'
          ? [['asset', source.asset], ['quote', source.quote]]
          : 'token' in source
            ? [['token', source.token]]
            : [];
      for (const [field, token] of tokenRefs) {
        if (!(token in config.tokens)) problem(['sources', i, field], `token "${token}" is not in tokens`);
      }
    });
    if (!(config.tower.baseToken in config.tokens)) problem(['tower', 'baseToken'], `token "${config.tower.baseToken}" is not in tokens`);
    for (const [symbol, token] of Object.entries(config.tokens)) {
      if (token.base !== undefined && !(token.base in config.tokens)) problem(['tokens', symbol, 'base'], `token "${token.base}" is not in tokens`);
      if (token.rateFrom !== undefined) {
        const source = sourceById.get(token.rateFrom);
        if (!source) problem(['tokens', symbol, 'rateFrom'], `source "${token.rateFrom}" is not in sources`);
        else if (source.kind !== 'erc4626' && source.kind !== 'exchange-rate')
          problem(['tokens', symbol, 'rateFrom'], `source "${token.rateFrom}" is a ${source.kind}; a rate comes from an erc4626 or exchange-rate source`);
      }
      // Walk the base chain: a cycle would make every fair value along it undefined.
      const seen = new Set<string>([symbol]);
      for (let next = token.base; next !== undefined; next = config.tokens[next]?.base) {
        if (seen.has(next)) {
          problem(['tokens', symbol, 'base'], `the chain of bases from "${symbol}" loops back to "${next}"`);
          break;
        }
        seen.add(next);
      }
    }
  });

export type Config = z.output<typeof configSchema>;
export type ChainConfig = Config['chains'][number];
export type SourceConfig = Config['sources'][number];
export type SourceKindName = SourceConfig['kind'];
export type SourceOfKind<K extends SourceKindName> = Extract<SourceConfig, { kind: K }>;
export type TokenConfig = Config['tokens'][string];
