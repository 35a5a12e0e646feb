import type { Figure } from '../core/figure.ts';
import type { ParLinks } from '../core/exitRoutes.ts';
import type { BlockPoint } from '../core/sequencer.ts';
import type { SourceKindName } from '../config/configSchema.ts';
import type { RpcHealth } from '../rpc/failoverRpc.ts';
import type { SequencersView } from './sequencersViewTypes.ts';

/**
 * What the bot knows, computed once per cycle and read by every command. Rates are fractions
 * (0.1577 = 15.77 %); token amounts are whole tokens; every figure may be missing, with a reason.
 */
export interface SequencerFigures {
  readonly kind: 'sequencer';
  /** METIS per L2 block, as the LockingPool says now. */
  readonly rewardPerBlock: Figure;
  /** METIS locked by sequencers: the native base of the tower. */
  readonly totalLocked: Figure;
  readonly exitDelaySeconds: Figure;
  /** Average L2 block time over the chain's trailing window (or the configured fallback). */
  readonly blockTimeSeconds: Figure;
  /** rewardPerBlock × blocksPerYear / totalLocked: what the contract promises now. */
  readonly nominalApr: Figure;
  /** The nominal APR compounded daily. */
  readonly nominalApy: Figure;
  readonly nominalApyChange24h: Figure;
  /** nominalApy now minus the stored nominalApy 7 d ago (half a window of tolerance); absent only in snapshots built by hand. */
  readonly nominalApyChange7d?: Figure;
  /**
   * The trailing 7 d average of the nominal APR as the APY-drop rule compares it: the mean per-block yield
   * (stored APR × block time of each cycle) over today's block time, so a slower chain is not taken for a cut.
   * Absent only in snapshots built by hand.
   */
  readonly nominalAprAverage7d?: Figure;
  /** Rewards actually distributed over the window, annualised, over totalLocked. */
  readonly realizedApr7d: Figure;
  /** The 7 d realized APR compounded daily, comparable with nominalApy. */
  readonly realizedApy7d: Figure;
  readonly realizedApr30d: Figure;
}

/** A yield-bearing wrapper (ERC-4626 vault or exchange-rate token): APY from the growth of its rate. */
export interface YieldFigures {
  readonly kind: 'yield';
  /** Value of one token in its base token (share price). */
  readonly rate: Figure;
  readonly baseToken: string;
  /** APY over the trailing 24 h, 7 d and 30 d of stored share prices (compounding is in the price itself). */
  readonly apy24h: Figure;
  readonly apy7d: Figure;
  readonly apy30d: Figure;
  /** apy24h now minus apy24h a day ago (a fraction: 0.01 = one percentage point). */
  readonly apyChange24h: Figure;
  /** apy24h now minus the stored apy24h 7 d ago (half a window of tolerance); absent only in snapshots built by hand. */
  readonly apyChange7d?: Figure;
  /** The mean of the apy24h stored over the trailing 7 d (each cycle once): what an APY drop is measured against. Absent only in snapshots built by hand. */
  readonly apy24hAverage7d?: Figure;
  /** Underlying held, in the base token. */
  readonly tvl: Figure;
  readonly supply: Figure;
  /** The 7 d APY (24 h while 7 d is not available) minus the sequencer's nominal APY. */
  readonly spreadOverBase: Figure;
  /** Which APY the spread uses: 7 d, or 24 h while 7 d is not available; absent only in snapshots built by hand (7 d). */
  readonly spreadWindowSeconds?: number;
  /**
   * Seconds each present APY really spans: from the newest stored share price at or before the window's start,
   * which may lie up to 1.5 windows back (a gap in the history). Absent in snapshots built by hand.
   */
  readonly spans?: { readonly apy24h?: number; readonly apy7d?: number; readonly apy30d?: number };
}

export interface SupplyFigures {
  readonly kind: 'supply';
  readonly supply: Figure;
}

export interface PoolFigures {
  readonly kind: 'pool';
  readonly asset: string;
  readonly quote: string;
  /**
   * Set for a Camelot/Solidly stable pair (`stableSwap()`/`stable()` true): price and exit liquidity come from
   * its curve x³y + xy³ = k, not the reserve ratio. Absent for constant-product and V3 pools.
   */
  readonly stableCurve?: true;
  /** Spot price of one asset in the quote token (V2 reserves, a stable pair's curve, V3 slot0, Algebra globalState): what one block's trade can move. */
  readonly price: Figure;
  /** What one asset is worth in the quote token along the chain of wrappers. */
  readonly fairValue: Figure;
  /** Spot depeg: (price / fair − 1) × 10,000; negative trades below fair. */
  readonly depegBps: Figure;
  /** The TWAP window in seconds (V3 and Algebra `twapSeconds`); absent for a pool without one (V2, or `twapSeconds: 0`). */
  readonly twapSeconds?: number;
  /**
   * Time-weighted price over the last twapSeconds, from the pool's oracle (1.0001^mean tick, the geometric
   * mean): 'no-twap' for a V2 pair (no oracle), 'twap-off' for a V3/Algebra pool with `twapSeconds: 0`, 'no-oracle'
   * when the pool's oracle view reverts, 'oracle-too-short' while the oracle does not reach back that far.
   */
  readonly twapPrice: Figure;
  /** TWAP depeg: (twapPrice / fair − 1) × 10,000 against today's fair value; what depeg alerts use when present. */
  readonly twapDepegBps: Figure;
  /**
   * Exit liquidity, in asset tokens: what can be sold into the pool for the quote before the average price
   * falls 1 % (5 %) under spot, pool fees not counted (V2 from the asset reserve; a stable pair on its
   * curve; V3 from the in-range liquidity as one range). Absent only in snapshots built by hand.
   */
  readonly exitLiquidity1pct?: Figure;
  readonly exitLiquidity5pct?: Figure;
}

export type SourceFigures = SequencerFigures | YieldFigures | SupplyFigures | PoolFigures;

export interface SourceView {
  readonly id: string;
  readonly label: string;
  readonly kind: SourceKindName;
  readonly chainId: number;
  readonly token?: string;
  readonly figures?: SourceFigures;
  /** The last good read: its block and wall-clock time (ms). */
  readonly lastRead?: { readonly blockNumber: bigint; readonly blockTime: number; readonly observedAt: number };
  readonly lastError?: { readonly message: string; readonly at: number };
  readonly staleAfterSeconds: number;
  /**
   * Since when (ms) the block of the last read had been its chain's head (ChainLiveness.headSince), set only
   * when that was more than a poll cycle before the read: the chain had stopped, so the figures are older
   * than the read.
   */
  readonly blockSince?: number;
}

export interface TowerLayerView {
  readonly token: string;
  readonly supply: Figure;
  /** Supply valued in the base token. */
  readonly inBase: Figure;
  /** inBase ÷ the base, as a fraction (0.8 = claims worth 80 % of the METIS locked). */
  readonly ofBase: Figure;
}

export interface TowerView {
  readonly baseToken: string;
  /** The native base: METIS locked by sequencers. */
  readonly base: Figure;
  readonly layers: readonly TowerLayerView[];
  /** Σ layers in base: every claim on the base, valued in it. */
  readonly claimsInBase: Figure;
  /** Σ layers in base / base (computed from the raw supplies, in bigint). */
  readonly leverage: Figure;
  /**
   * The stored leverage about 24 h before the tower's newest read: the newest stored value at or before then,
   * at most half a day older (storedMetricAgo). Both 24 h changes are measured against it; absent only in
   * snapshots built by hand.
   */
  readonly leverage24hAgo?: Figure;
  /** Leverage now minus leverage24hAgo (the /leverage and digest figure) and minus the stored leverage 7 d ago. */
  readonly leverageChange24h?: Figure;
  readonly leverageChange7d?: Figure;
  /** Leverage now ÷ leverage24hAgo − 1 (0.1 = up 10 %): what the leverage alert measures. */
  readonly leverageRelativeChange24h?: Figure;
}

/** Whether a chain's head moves, as of its last read (see src/core/chainHalt.ts for the measure). */
export interface ChainLiveness {
  /** Since when (ms) the head has not moved: the bot's first read of it (or its timestamp, before any move seen). */
  readonly headSince: number;
  /** Seconds the head had stood still at the last read. */
  readonly haltSeconds: number;
  /** chains[].haltAfter, or the default for the chain id. */
  readonly haltAfterSeconds: number;
  /** haltSeconds ≥ haltAfterSeconds. */
  readonly halted: boolean;
  /** Seconds between the chain's last two reads (a poll cycle as it happened), once there were two. */
  readonly cycleSeconds?: number;
}

export interface ChainView {
  readonly id: number;
  readonly name: string;
  readonly rpc: RpcHealth;
  readonly head?: BlockPoint;
  readonly readAt?: number;
  readonly lastError?: { readonly message: string; readonly at: number };
  /** Absent before the chain's first good read. */
  readonly liveness?: ChainLiveness;
}

export interface Snapshot {
  readonly sources: readonly SourceView[];
  readonly tower: TowerView;
  /** Absent until the sequencer source has been read with its sequencers. */
  readonly sequencers?: SequencersView;
  readonly chains: readonly ChainView[];
  readonly lastCycle?: { readonly startedAt: number; readonly finishedAt: number };
  /** Each 1:1 claim's base token (`tokens` with a base and no rateFrom: WMETIS → METIS); absent in snapshots built by hand. */
  readonly parLinks?: ParLinks;
}

/**
 * A pool's name as replies show it: a stable pair says so, since its price is its curve's, not its reserve ratio.
 * @example poolLabel('USDC/USDT', { stableCurve: true }) // 'USDC/USDT (stable curve)'
 */
export function poolLabel(label: string, pool: Pick<PoolFigures, 'stableCurve'>): string {
  return pool.stableCurve ? `${label} (stable curve)` : label;
}

/** Seconds since the source's last good read, or undefined when it never had one. */
export function dataAgeSeconds(view: SourceView, nowMs: number): number | undefined {
  return view.lastRead ? Math.max(0, (nowMs - view.lastRead.observedAt) / 1000) : undefined;
}

/** Seconds since the source's block had been its chain's head, when that differs from the read's age by more than a cycle (see blockSince). */
export function blockAgeSeconds(view: SourceView, nowMs: number): number | undefined {
  return view.blockSince === undefined ? undefined : Math.max(0, (nowMs - view.blockSince) / 1000);
}

/** Chains whose head had stood still for their haltAfter at the last read. */
export function haltedChains(snapshot: Pick<Snapshot, 'chains'>): ChainView[] {
  return snapshot.chains.filter((c) => c.liveness?.halted === true);
}

/** A source with no read, or none fresher than its stale age, must not be trusted (nor alerted on). */
export function isStale(view: SourceView, nowMs: number): boolean {
  const age = dataAgeSeconds(view, nowMs);
  return age === undefined || age > view.staleAfterSeconds;
}
