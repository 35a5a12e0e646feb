import type { Reply } from '../shared/reply.ts';
import type { Config } from '../config/configSchema.ts';
import { missing, type Figure } from '../core/figure.ts';
import { formatWindow } from '../core/format.ts';
import type { Logger } from '../log/logger.ts';
import { TOWER_SOURCE_ID } from '../figures/computeSnapshot.ts';
import { METIS_DECIMALS } from '../figures/sequencerFigures.ts';
import { dataAgeSeconds, isStale, poolLabel, type Snapshot, type SourceView } from '../figures/figures.ts';
import type { NewOutboxMessage, OutboxStore } from '../store/outboxStore.ts';
import type { HistoryStore } from '../store/historyStore.ts';
import type { Subscription, SubscriptionStore } from '../store/subscriptionStore.ts';
import { explorerTxUrl } from '../config/explorerTxUrl.ts';
import { apyDropMessage, depegMessage, haltMessage, leverageMessage, rewardMessage, staleMessage, type DataAge, type RuleName } from './alertMessages.ts';
import type { RewardFacts } from './alertMessages.ts';
import type { OpenAlert } from './openAlert.ts';
import type { AlertStateRecord, AlertStateStore } from '../store/alertStateStore.ts';
import { activeSetMessage, activeSetParams, activeShortfall } from './rules/activeSetRule.ts';
import { baseFall, baseFallMessage, baseFallParams } from './rules/baseFallRule.ts';
import { haltInputs, haltParams } from './rules/haltRule.ts';
import { operatorShareMessage, operatorShareParams } from './rules/operatorShareRule.ts';
import { sequencerExits, type ExitCursor } from './rules/sequencerExitRule.ts';
import { sequencerJoins, type JoinCursor } from './rules/sequencerJoinRule.ts';
import { initialLevelState, stepLevel, type Level, type LevelParams, type LevelState, type LevelTransition } from './rules/levelRule.ts';
import { screenOutlier, type OutlierState } from './rules/outlierFilter.ts';
import { apyDropParams, apyDropSeverity, chatThresholds, depegParams, leverageParams, type ChatThresholds } from './rules/ruleParams.ts';

const GLOBAL = 'global';
const OPERATOR = 'operator';

export interface AlertEngineOptions {
  readonly config: Config;
  readonly history: HistoryStore;
  readonly subscriptions: SubscriptionStore;
  readonly states: AlertStateStore;
  readonly outbox: OutboxStore;
  /** Runs state writes and outbox inserts atomically: an alert is never sent without its state recorded. */
  readonly transaction: <T>(work: () => T) => T;
  readonly logger: Logger;
  /** Called after new messages were written (wakes the outbox worker). */
  readonly onEnqueued?: () => void;
}

interface Target {
  readonly sourceId: string;
  readonly label: string;
  /** Names a subscription's asset list may use for it (lower case). */
  readonly names: readonly string[];
}

/** What every alert on a source cites: its data's block and age, and the command that shows more. */
interface Cited {
  readonly data: DataAge;
  readonly command: string;
}

interface DepegInput extends Target, Cited {
  readonly bps: number;
  /** The price the bps were measured on, for the message: '30 min TWAP' or 'spot'. */
  readonly basis: string;
  readonly asset: string;
  readonly quote: string;
  /** That price and the fair value, in the quote token. */
  readonly price: Figure;
  readonly fairValue: Figure;
}
interface ApyInput extends Target, Cited {
  /** '24 h APY' or 'nominal APR'. */
  readonly metric: string;
  readonly current: number;
  readonly average: number;
}
interface RewardInput extends Target {
  readonly key: string;
  readonly facts: Omit<RewardFacts, 'now'>;
}

export interface EvaluationReport {
  readonly enqueued: number;
  readonly transitions: number;
  /** Readings held back as outliers this cycle. */
  readonly held: readonly string[];
}

const stateKey = (scope: string, rule: string, sourceId: string) => `${scope}\u0000${rule}\u0000${sourceId}`;
const namesOf = (view: SourceView): string[] =>
  [view.id, view.token, view.figures?.kind === 'pool' ? view.figures.asset : undefined].flatMap((n) => (n ? [n.toLowerCase()] : []));
/** The source's last good read as an alert cites it (only called for sources with one). */
const dataOf = (view: SourceView, now: number): DataAge => ({ blockNumber: view.lastRead?.blockNumber ?? 0n, chainId: view.chainId, ageSeconds: dataAgeSeconds(view, now) ?? 0 });
/** The command that shows a source: `/apy <token or id>`. */
const commandFor = (view: SourceView) => `/apy ${view.token ?? view.id}`;

/**
 * Applies the alert rules after each poll cycle: computes each rule's measure once per source, steps every
 * alerts subscription's (rule, source) state with the chat's thresholds, and writes the new states and the
 * outbox rows in one transaction. Stale sources are skipped (their state is left as it was).
 */
export class AlertEngine {
  private readonly o: AlertEngineOptions;

  constructor(options: AlertEngineOptions) {
    this.o = options;
  }

  evaluate(snapshot: Snapshot, now: number): EvaluationReport {
    const { config, history, states } = this.o;
    const stored = new Map(states.all().map((r) => [stateKey(r.scope, r.rule, r.sourceId), r.state]));
    const writes = new Map<string, AlertStateRecord>();
    const messages: NewOutboxMessage[] = [];
    let transitions = 0;
    const read = <T>(scope: string, rule: string, sourceId: string, initial: T): T =>
      (writes.get(stateKey(scope, rule, sourceId))?.state as T | undefined) ?? (stored.get(stateKey(scope, rule, sourceId)) as T | undefined) ?? initial;
    const write = (scope: string, rule: string, sourceId: string, state: unknown) => {
      const key = stateKey(scope, rule, sourceId);
      if (JSON.stringify(state) !== JSON.stringify(stored.get(key))) writes.set(key, { scope, rule, sourceId, state });
    };
    const viewById = new Map(snapshot.sources.map((s) => [s.id, s]));
    const fresh = (id: string) => {
      const view = viewById.get(id);
      return view !== undefined && !isStale(view, now);
    };

    // Depeg: pools whose price and fair value are fresh; on the TWAP where the pool has one (a one-block
    // manipulation of spot should not alert), else on spot.
    const depeg: DepegInput[] = [];
    for (const view of snapshot.sources) {
      const f = view.figures;
      if (f?.kind !== 'pool' || isStale(view, now) || !this.fairValueFresh(f.asset, fresh) || !this.fairValueFresh(f.quote, fresh)) continue;
      const target = { sourceId: view.id, label: poolLabel(view.label, f), names: namesOf(view), data: dataOf(view, now), command: commandFor(view), asset: f.asset, quote: f.quote, fairValue: f.fairValue };
      if (f.twapSeconds !== undefined && f.twapDepegBps.ok) depeg.push({ ...target, bps: f.twapDepegBps.value, basis: `${formatWindow(f.twapSeconds)} TWAP`, price: f.twapPrice });
      else if (f.depegBps.ok) depeg.push({ ...target, bps: f.depegBps.value, basis: 'spot', price: f.price });
    }

    // Outliers: a reading far from the last accepted one (within alerts.outlierWindow) is held back until it repeats.
    const held: string[] = [];
    const outlier = { factor: config.alerts.outlierFactor, windowMs: config.alerts.outlierWindow * 1000 };
    const screen = (sourceId: string, value: number): number | undefined => {
      const screened = screenOutlier(read<OutlierState>(GLOBAL, 'outlier', sourceId, {}), value, outlier, now);
      write(GLOBAL, 'outlier', sourceId, screened.state);
      if (screened.value !== undefined) return screened.value;
      held.push(sourceId);
      this.o.logger.warn('reading held back as an outlier', { source: sourceId, value });
      return undefined;
    };

    // APY drop: the current APY against its trailing 7 d average, after the outlier screen.
    const apy: ApyInput[] = [];
    for (const view of snapshot.sources) {
      const f = view.figures;
      if (!f || isStale(view, now) || !view.lastRead) continue;
      const t = view.lastRead.blockTime;
      let current: number | undefined;
      let average: Figure = missing('no-data');
      let metric = '24 h APY';
      if (f.kind === 'yield' && f.apy24h.ok) {
        current = f.apy24h.value;
        average = f.apy24hAverage7d ?? average;
      } else if (f.kind === 'sequencer' && f.nominalApr.ok && f.blockTimeSeconds.ok && f.blockTimeSeconds.value > 0) {
        // Compared with the per-block yield's average at today's block time (see SequencerFigures.nominalAprAverage7d).
        current = f.nominalApr.value;
        metric = 'nominal APR';
        average = f.nominalAprAverage7d ?? average;
      }
      if (current === undefined) continue;
      const accepted = screen(view.id, current);
      if (accepted !== undefined && average.ok) {
        apy.push({ sourceId: view.id, label: view.label, names: namesOf(view), data: dataOf(view, now), command: commandFor(view), metric, current: accepted, average: average.value });
      }
    }

    // Tower leverage against the snapshot's past point 24 h earlier (only while every source behind it is fresh),
    // after the outlier screen: one glitched supply read spikes it.
    let leverage: { leverage: number; past: number; changePercent: number; data: DataAge } | undefined;
    const towerFresh = snapshot.sources.every((s) => s.figures?.kind === 'pool' || !isStale(s, now));
    const { leverage24hAgo: past, leverageRelativeChange24h: change } = snapshot.tower;
    if (snapshot.tower.leverage.ok && towerFresh && screen(TOWER_SOURCE_ID, snapshot.tower.leverage.value) !== undefined) {
      // The tower is as old as the oldest read behind it.
      const oldest = snapshot.sources
        .filter((s) => s.figures?.kind !== 'pool' && s.lastRead !== undefined)
        .reduce<SourceView | undefined>((a, s) => (a === undefined || s.lastRead!.observedAt < a.lastRead!.observedAt ? s : a), undefined);
      if (change?.ok && past?.ok && oldest) leverage = { leverage: snapshot.tower.leverage.value, past: past.value, changePercent: change.value * 100, data: dataOf(oldest, now) };
    }

    // Reward changes: RewardUpdate events not yet announced (the first evaluation only sets the cursor).
    const rewards: RewardInput[] = [];
    for (const view of snapshot.sources) {
      if (view.figures?.kind !== 'sequencer') continue;
      const cursor = read<{ after?: string } | undefined>(GLOBAL, 'reward', view.id, undefined);
      const events = history.recentEvents(view.id, 'RewardUpdate', 50).reverse();
      const position = (e: { blockNumber: bigint; logIndex: number }) => `${e.blockNumber.toString().padStart(20, '0')}:${String(e.logIndex).padStart(6, '0')}`;
      const newest = events.at(-1);
      if (cursor === undefined) {
        write(GLOBAL, 'reward', view.id, { after: newest ? position(newest) : '' });
        continue;
      }
      for (const e of events) {
        if (position(e) <= (cursor.after ?? '')) continue;
        const txUrl = explorerTxUrl(config.chains, e.chainId, e.txHash);
        rewards.push({
          sourceId: view.id,
          label: view.label,
          names: namesOf(view),
          key: `${e.chainId}:${e.txHash}:${e.logIndex}`,
          facts: {
            label: view.label,
            oldRaw: e.args.oldReward ?? 0n,
            newRaw: e.args.newReward ?? 0n,
            decimals: METIS_DECIMALS,
            nominalApr: view.figures.nominalApr,
            rewardPerBlock: view.figures.rewardPerBlock,
            txHash: e.txHash,
            ...(txUrl === undefined ? {} : { txUrl }),
            chainId: e.chainId,
            blockNumber: e.blockNumber,
            blockTime: e.blockTime,
            command: commandFor(view),
          },
        });
      }
      if (newest) write(GLOBAL, 'reward', view.id, { after: position(newest) });
    }

    // Sequencers (subscribed as `sequencers` or the sequencer source's id): exits and joins at once, from their
    // own cursors; the base, the active set and operator concentration as level rules, only while fresh.
    const seqView = snapshot.sequencers && fresh(snapshot.sequencers.sourceId) ? snapshot.sequencers : undefined;
    const seqNames = seqView ? ['sequencers', seqView.sourceId.toLowerCase()] : [];
    const seqOnce: { key: string; reply: Reply }[] = [];
    let fall: ReturnType<typeof baseFall>;
    if (seqView) {
      const exits = sequencerExits(seqView, history, read<ExitCursor | undefined>(GLOBAL, 'sequencer-exit', seqView.sourceId, undefined));
      write(GLOBAL, 'sequencer-exit', seqView.sourceId, exits.cursor);
      for (const e of exits.exits) seqOnce.push({ key: `sequencer-exit:${e.key}`, reply: e.reply });
      const joins = sequencerJoins(seqView, read<JoinCursor | undefined>(GLOBAL, 'sequencer-join', seqView.sourceId, undefined));
      write(GLOBAL, 'sequencer-join', seqView.sourceId, joins.cursor);
      for (const j of joins.joins) seqOnce.push({ key: `sequencer-join:${seqView.sourceId}:${j.seqId}`, reply: j.reply });
      fall = baseFall(seqView, history);
    }

    // Chain halts: measured on every chain read in this cycle, however fresh its sources look.
    const halts = haltInputs(snapshot, config);

    // Per subscription: each (rule, source) steps with the chat's thresholds.
    for (const sub of this.o.subscriptions.active('alerts')) {
      const scope = `sub:${sub.id}`;
      const t = chatThresholds(config.alerts, this.o.subscriptions.overrides(sub.platform, sub.chatId));
      const wants = (names: readonly string[]) => sub.assets.length === 0 || sub.assets.some((a) => names.includes(a.toLowerCase()));
      const step = (rule: RuleName, sourceId: string, measure: number, reading: number, params: LevelParams, message: (tr: LevelTransition) => Reply) => {
        const before = read<LevelState>(scope, rule, sourceId, initialLevelState);
        const result = stepLevel(before, measure, params, now, reading);
        write(scope, rule, sourceId, result.state);
        if (!result.transition) return;
        transitions++;
        messages.push({
          key: `alert:${sub.id}:${rule}:${sourceId}:${result.state.seq}:${result.transition.kind}:${result.transition.to}`,
          platform: sub.platform,
          chatId: sub.chatId,
          subscriptionId: sub.id,
          reply: message(result.transition),
        });
      };
      for (const d of depeg) {
        if (!wants(d.names)) continue;
        const p = depegParams(t);
        const levels = { warningBps: t.depegWarningBps, criticalBps: p.critical ?? t.depegCriticalBps, clearBps: p.clear };
        step('depeg', d.sourceId, Math.abs(d.bps), d.bps, p, (tr) => depegMessage(tr, { ...d, ...levels, now }));
      }
      for (const a of apy) {
        if (!wants(a.names)) continue;
        const levels = { dropPercent: t.apyDropPercent, dropPoints: t.apyDropPoints, clearRatio: t.clearRatio };
        step('apy-drop', a.sourceId, apyDropSeverity(a.current, a.average, t), a.current, apyDropParams(t), (tr) => apyDropMessage(tr, { ...a, ...levels, now }));
      }
      if (leverage && wants([TOWER_SOURCE_ID])) {
        const l = leverage;
        const p = leverageParams(t);
        step('leverage', TOWER_SOURCE_ID, Math.abs(l.changePercent), l.changePercent, p, (tr) => leverageMessage(tr, { ...l, thresholdPercent: p.warning, clearPercent: p.clear, now }));
      }
      for (const h of halts) {
        if (!wants(h.names)) continue;
        step('halt', h.sourceId, h.haltSeconds, h.haltSeconds, haltParams(t, h.haltAfterSeconds), (tr) => haltMessage(tr, { ...h, now }));
      }
      if (seqView && wants(seqNames)) {
        const v = seqView;
        for (const once of seqOnce) {
          transitions++;
          messages.push({ key: `${once.key}:${sub.id}`, platform: sub.platform, chatId: sub.chatId, subscriptionId: sub.id, reply: once.reply });
        }
        if (fall) {
          const f = fall;
          step('base-fall', v.sourceId, f.percent, f.percent, baseFallParams(t), (tr) => baseFallMessage(tr, f, t.baseFallPercent));
        }
        step('active-sequencers', v.sourceId, activeShortfall(v.activeCount, t.minActiveSequencers), v.activeCount, activeSetParams(t), (tr) => activeSetMessage(tr, v.activeCount, t.minActiveSequencers));
        const largest = v.largestOperator;
        if (largest?.share.ok) {
          const percent = largest.share.value * 100;
          step('operator-share', v.sourceId, percent, percent, operatorShareParams(t), (tr) => operatorShareMessage(tr, largest.name, percent, t.operatorSharePercent));
        }
      }
      for (const r of rewards) {
        if (!wants(r.names)) continue;
        transitions++;
        messages.push({ key: `reward:${sub.id}:${r.key}`, platform: sub.platform, chatId: sub.chatId, subscriptionId: sub.id, reply: rewardMessage({ ...r.facts, now }) });
      }
    }

    // Stale data: to the operator's chat only, never to subscribers.
    const staleLimit = config.alerts.staleAfter;
    for (const view of snapshot.sources) {
      const age = dataAgeSeconds(view, now);
      if (age === undefined) continue;
      const params: LevelParams = { warning: staleLimit, clear: Math.min(staleLimit, view.staleAfterSeconds), cycles: 1, cooldownMs: 0 };
      const result = stepLevel(read<LevelState>(OPERATOR, 'stale', view.id, initialLevelState), age, params, now, age);
      write(OPERATOR, 'stale', view.id, result.state);
      if (!result.transition) continue;
      transitions++;
      const operator = config.alerts.operatorChat;
      const reply = staleMessage(result.transition, {
        label: view.label,
        ageSeconds: age,
        staleAfterSeconds: staleLimit,
        lastRead: { blockNumber: view.lastRead?.blockNumber ?? 0n, chainId: view.chainId, observedAt: view.lastRead?.observedAt ?? now },
        ...(view.lastError ? { lastError: view.lastError.message } : {}),
        now,
      });
      if (operator) messages.push({ key: `stale:${view.id}:${result.state.seq}:${result.transition.kind}`, platform: operator.platform, chatId: operator.chatId, reply });
      else this.o.logger.warn(result.transition.kind === 'recover' ? 'source fresh again' : 'source stale', { source: view.id, ageSeconds: Math.round(age) });
    }

    let enqueued = 0;
    this.o.transaction(() => {
      for (const record of writes.values()) states.put(record, now);
      for (const m of messages) if (this.o.outbox.enqueue(m, now)) enqueued++;
    });
    if (enqueued > 0) this.o.onEnqueued?.();
    return { enqueued, transitions, held };
  }

  /** Alerts open in a subscription (level above ok). */
  openAlerts(subscription: Subscription): OpenAlert[] {
    return this.o.states.forScope(`sub:${subscription.id}`).flatMap((r) => {
      const s = r.state as Partial<LevelState>;
      if (!s.level || s.level === 'ok') return [];
      return [{ rule: r.rule, sourceId: r.sourceId, level: s.level, ...(s.since === undefined ? {} : { since: s.since }), ...(s.value === undefined ? {} : { value: s.value }) }];
    });
  }

  /** Sources whose latest reading is held back as an outlier. */
  heldReadings(): string[] {
    return this.o.states.forScope(GLOBAL).flatMap((r) => (r.rule === 'outlier' && (r.state as OutlierState).held !== undefined ? [r.sourceId] : []));
  }

  /** Thresholds in force for a chat. */
  thresholds(subscription: Pick<Subscription, 'platform' | 'chatId'>): ChatThresholds {
    return chatThresholds(this.o.config.alerts, this.o.subscriptions.overrides(subscription.platform, subscription.chatId));
  }

  /** A token's fair value is fresh when every rate source along its chain of bases is. */
  private fairValueFresh(token: string, fresh: (id: string) => boolean): boolean {
    const seen = new Set<string>();
    for (let next: string | undefined = token; next !== undefined && !seen.has(next); next = this.o.config.tokens[next]?.base) {
      seen.add(next);
      const rateFrom = this.o.config.tokens[next]?.rateFrom;
      if (rateFrom !== undefined && !fresh(rateFrom)) return false;
    }
    return true;
  }
}
