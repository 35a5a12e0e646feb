import { z } from 'zod';
import { address, duration, identifier, show, viewCall } from './fieldSchemas.ts';

/** The fields every source has, whatever its kind. */
export const sourceCommon = {
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
  ...sourceCommon,
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
const sequencerSetSchema = z.strictObject({ ...sourceCommon, kind: z.literal('sequencer-set'), address });

const erc4626Schema = z.strictObject({ ...sourceCommon, kind: z.literal('erc4626'), vault: address, token: identifier, symbol: tokenSymbol.optional() });

const erc20SupplySchema = z.strictObject({ ...sourceCommon, kind: z.literal('erc20-supply'), address, token: identifier, symbol: tokenSymbol.optional() });

const namedView = z.strictObject({ address, call: viewCall, decimals: z.number().int().min(0).max(36).default(18) });

const exchangeRateSchema = z.strictObject({
  ...sourceCommon,
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
const uniswapV2Schema = z.strictObject({ ...sourceCommon, kind: z.literal('uniswap-v2'), ...poolFields });
/** Window of a concentrated-liquidity pool's TWAP (`observe` / `getTimepoints`), which depeg alerts use instead of spot; 0 turns it off. */
const twapSeconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 86_400)
  .refine((seconds) => seconds === 0 || seconds >= 60, { error: (i) => `${show(i.input)} is not a TWAP window: 0 (off) or 60 to 604800 seconds` })
  .default(1_800);
const uniswapV3Schema = z.strictObject({ ...sourceCommon, kind: z.literal('uniswap-v3'), ...poolFields, twapSeconds });
/** An Algebra pool (Hercules V3, Camelot V3, QuickSwap V3): `globalState()` instead of `slot0()`, `getTimepoints` instead of `observe`. */
const algebraSchema = z.strictObject({ ...sourceCommon, kind: z.literal('algebra'), ...poolFields, twapSeconds });

/** One source, by its `kind`: what to read, where, and how to check it is what the config says. */
export const sourceSchema = z.discriminatedUnion('kind', [
  sequencerSchema,
  sequencerSetSchema,
  erc4626Schema,
  exchangeRateSchema,
  erc20SupplySchema,
  uniswapV2Schema,
  uniswapV3Schema,
  algebraSchema,
]);
