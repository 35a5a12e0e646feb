import { getAddress } from 'viem';
import type { Config, SourceOfKind } from '../config/configSchema.ts';
import { groupHoldings, rootedRatio, sequencerIncome, shareOfBase } from '../core/baseShares.ts';
import { figure, missing, type Figure } from '../core/figure.ts';
import { storedMetricAgo } from './history.ts';
import { rewardFlatSince } from './rewardFlatSince.ts';
import { sequencerRealizedApr } from '../core/sequencer.ts';
import { DAY_SECONDS, toNumber } from '../core/units.ts';
import { eventCursorKey } from '../store/eventCursorKey.ts';
import { SEQUENCER_STATUS, type SequencerRecord } from '../sources/sequencerRecord.ts';
import type { ChainEvent, HistoryStore, Observation } from '../store/historyStore.ts';
import { METIS_DECIMALS } from './sequencerFigures.ts';
import { sequencerDailyIncome } from './sequencerDailyIncome.ts';
import type { ProtocolShareView, SequencerEventView, SequencerRow, SequencersView } from './sequencersViewTypes.ts';
import type { TowerView } from './figures.ts';

const metis = (wei: bigint) => toNumber(wei, METIS_DECIMALS);

/** LockingInfo's per-sequencer events, in the order a sequencer's life goes. */
export const SEQUENCER_EVENT_NAMES = ['Locked', 'Relocked', 'LockUpdate', 'ClaimRewards', 'UnlockInit', 'Unlocked'] as const;

/** The amount argument each event names. */
const EVENT_AMOUNT: Readonly<Record<(typeof SEQUENCER_EVENT_NAMES)[number], string>> = {
  Locked: 'amount',
  Relocked: 'amount',
  LockUpdate: 'newAmount',
  ClaimRewards: 'amount',
  UnlockInit: 'amount',
  Unlocked: 'amount',
};

/** Who runs a sequencer: its protocol where the config names one, else its name (label or short owner address). */
export const operatorOf = (row: Pick<SequencerRow, 'lst' | 'name'>) => row.lst ?? row.name;

/** `0x1234…abcd`: how an unlabelled sequencer is named. */
export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

const statusName = (status: number): SequencerRow['status'] =>
  status === SEQUENCER_STATUS.active ? 'active' : status === SEQUENCER_STATUS.inactive ? 'exiting' : status === SEQUENCER_STATUS.unlocked ? 'exited' : 'unavailable';

/** Locked METIS that still counts in the base: active and exiting sequencers (an exit leaves totalLocked when claimed). */
export const countsInBase = (r: Pick<SequencerRecord, 'status'>) => r.status === SEQUENCER_STATUS.active || r.status === SEQUENCER_STATUS.inactive;

/**
 * Income over the trailing window and its APR on the sequencer's locked amount: the growth of its unclaimed
 * reward from the newest stored read at or before the window's start, plus its ClaimRewards in between. Missing
 * when no read is that old (or it is more than half a window older), or the events do not cover the window.
 */
function income(p: {
  store: HistoryStore;
  sourceId: string;
  record: SequencerRecord;
  now: number;
  windowSeconds: number;
  then: ReadonlyMap<number, { reward: bigint; blockTime: number }>;
  claims: readonly ChainEvent[];
  eventsFrom: number | undefined;
}): { income: Figure; apr: Figure } {
  const none = (reason: 'not-enough-history' | 'incomplete') => ({ income: missing(reason), apr: missing(reason) });
  const start = p.then.get(p.record.seqId);
  if (!start || p.now - start.blockTime > p.windowSeconds * 1.5) return none('not-enough-history');
  if (p.eventsFrom === undefined || p.eventsFrom > start.blockTime) return none('not-enough-history');
  const claimed = p.claims
    .filter((e) => e.args.sequencerId === BigInt(p.record.seqId) && e.blockTime > start.blockTime && e.blockTime <= p.now)
    .reduce((sum, e) => sum + (e.args.amount ?? 0n), 0n);
  const earned = sequencerIncome({ rewardNow: p.record.reward, rewardThen: start.reward, claimed });
  if (earned === undefined) return none('incomplete');
  const elapsed = p.now - start.blockTime;
  const apr = p.record.amount > 0n ? sequencerRealizedApr({ rewardsInWindow: earned, averageLocked: p.record.amount, windowSeconds: elapsed }) : missing('zero-base');
  return { income: figure(metis(earned)), apr };
}

/**
 * Every sequencer from the sequencer source's latest read, named from the config, with its share of the base,
 * income over 7 d and 30 d, its events and daily income; who runs the base (largest operator, each liquid-
 * staking protocol beside its claims in the tower) and the rooted ratio. Undefined before a read with sequencers.
 */
export function sequencersView(p: {
  config: Config;
  source: SourceOfKind<'sequencer'>;
  observation: Observation;
  store: HistoryStore;
  tower: TowerView;
  /** The latest read of a sequencer-set source on the sequencer's L2. */
  epoch?: Observation;
}): SequencersView | undefined {
  const { source, observation, store } = p;
  const records = observation.sequencers ?? store.sequencersAt(source.id, observation.blockTime).filter((r) => r.blockTime === observation.blockTime);
  if (records.length === 0) return undefined;
  const now = observation.blockTime;
  const totalLocked = observation.values.totalLocked ?? 0n;
  const labels = new Map(source.operators.map((o) => [o.owner.toLowerCase(), o]));
  const cursor = store.getCursor(eventCursorKey(source.id));
  const events = store.eventsBetween(source.id, SEQUENCER_EVENT_NAMES, Number.MIN_SAFE_INTEGER, now);
  const claims = events.filter((e) => e.name === 'ClaimRewards');
  const thenAt = (seconds: number) => new Map(store.sequencersAt(source.id, now - seconds).map((r) => [r.seqId, r]));
  const then7 = thenAt(7 * DAY_SECONDS);
  const then30 = thenAt(30 * DAY_SECONDS);
  const daily = sequencerDailyIncome({ history: store, sourceId: source.id, now, latest: records, days: 30, read: { eventsFrom: cursor?.startTime, claims } });

  let epoch: SequencersView['epoch'];
  const signer = p.epoch?.values.epochSigner;
  if (signer !== undefined && p.epoch?.values.epochNumber !== undefined) {
    epoch = { number: Number(p.epoch.values.epochNumber), signer: getAddress(`0x${signer.toString(16).padStart(40, '0')}`) };
  }

  const rows: SequencerRow[] = records.map((record) => {
    const label = labels.get(record.owner.toLowerCase());
    const status = statusName(record.status);
    const common = { store, sourceId: source.id, record, now, claims, eventsFrom: cursor?.startTime };
    const week = income({ ...common, windowSeconds: 7 * DAY_SECONDS, then: then7 });
    const month = income({ ...common, windowSeconds: 30 * DAY_SECONDS, then: then30 });
    const flat = rewardFlatSince({ store, sourceId: source.id, record, now, claims });
    const own: SequencerEventView[] = events
      .filter((e) => e.args.sequencerId === BigInt(record.seqId))
      .map((e) => {
        const name = e.name as SequencerEventView['name'];
        return {
          name,
          time: e.blockTime,
          amount: metis(e.args[EVENT_AMOUNT[name]] ?? 0n),
          ...(name === 'UnlockInit' && e.args.unlockClaimTime !== undefined ? { unlockClaimTime: Number(e.args.unlockClaimTime) } : {}),
        };
      });
    return {
      seqId: record.seqId,
      name: label?.name ?? shortAddress(record.owner),
      labelled: label !== undefined,
      owner: record.owner,
      signer: record.signer,
      ...(label?.lst !== undefined ? { lst: label.lst } : {}),
      status,
      ...(status === 'exiting' && record.unlockClaimTime > 0 ? { unlockClaimTime: record.unlockClaimTime } : {}),
      locked: figure(metis(record.amount)),
      share: shareOfBase(countsInBase(record) ? record.amount : 0n, totalLocked),
      unclaimed: figure(metis(record.reward)),
      income7d: week.income,
      apr7d: week.apr,
      income30d: month.income,
      apr30d: month.apr,
      ...(epoch ? { signsEpoch: epoch.signer.toLowerCase() === record.signer.toLowerCase() } : {}),
      ...(flat !== undefined ? { rewardFlatSince: flat } : {}),
      dailyIncome: daily.get(record.seqId) ?? [],
      events: own,
    };
  });

  const counted = records.filter(countsInBase);
  const rowById = new Map(rows.map((r) => [r.seqId, r]));
  const [largest] = groupHoldings(counted.map((r) => ({ key: operatorOf(rowById.get(r.seqId)!), amount: r.amount })));

  const layerByToken = new Map(p.tower.layers.map((l) => [l.token, l]));
  const protocols: ProtocolShareView[] = Object.entries(source.protocols).map(([protocol, { tokens }]) => {
    const run = counted.filter((r) => labels.get(r.owner.toLowerCase())?.lst === protocol);
    const locked = run.reduce((sum, r) => sum + r.amount, 0n);
    return {
      protocol,
      sequencers: run.length,
      locked: figure(metis(locked)),
      share: shareOfBase(locked, totalLocked),
      claims: tokens.flatMap((token) => {
        const layer = layerByToken.get(token);
        return layer ? [{ token, inBase: layer.inBase, ofBase: layer.ofBase }] : [];
      }),
    };
  });
  const lstLocked = counted.filter((r) => labels.get(r.owner.toLowerCase())?.lst !== undefined).reduce((sum, r) => sum + r.amount, 0n);
  // Issuers: protocols with at least one token in the tower. Their sequencers' METIS is what their claims are on.
  const issuersLocked = protocols.filter((pr) => pr.claims.length > 0).reduce((sum, pr) => sum + (pr.locked.ok ? pr.locked.value : 0), 0);
  const base = figure(metis(totalLocked));
  return {
    sourceId: source.id,
    blockTime: now,
    rows,
    activeCount: records.filter((r) => r.status === SEQUENCER_STATUS.active).length,
    base,
    base24hAgo: storedMetricAgo(store, source.id, 'totalLocked', now, DAY_SECONDS),
    ...(largest ? { largestOperator: { name: largest.key, share: shareOfBase(largest.amount, totalLocked) } } : {}),
    protocols,
    lstShare: shareOfBase(lstLocked, totalLocked),
    independentShare: shareOfBase(totalLocked - lstLocked, totalLocked),
    rootedRatio: p.tower.claimsInBase.ok && base.ok ? rootedRatio({ claimsInBase: p.tower.claimsInBase.value, base: base.value, baseRunByIssuers: issuersLocked }) : missing('no-data'),
    ...(epoch ? { epoch } : {}),
  };
}
