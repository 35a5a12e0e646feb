import { chainHaltAfter } from '../config/chainHaltAfter.ts';
import type { Config } from '../config/configSchema.ts';
import { trackHead, type HeadTrack } from '../core/chainHalt.ts';
import type { Figure } from '../core/figure.ts';
import type { Logger } from '../log/logger.ts';
import { chainLiveness } from '../figures/chainLiveness.ts';
import { buildSnapshot, computeFigures, metricValues, TOWER_SOURCE_ID } from '../figures/computeSnapshot.ts';
import type { ChainView, Snapshot } from '../figures/figures.ts';
import type { FailoverRpc } from '../rpc/failoverRpc.ts';
import { createChainReaders } from '../sources/createSourceReader.ts';
import type { SourceReader } from '../sources/sourceReader.ts';
import type { HistoryStore, SourceStatusRecord } from '../store/historyStore.ts';
import { createChainClients } from './chainClients.ts';
import { LogsRangeController } from './logsRangeController.ts';
import { readChain, type ChainClients, type ChainReading } from './readChain.ts';

/** What one cycle did, for logs, tests and benchmarks. */
export interface CycleReport {
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly observations: number;
  readonly failures: readonly { sourceId: string; error: string }[];
  readonly newEvents: number;
}

export interface PollerOptions {
  readonly config: Config;
  readonly store: HistoryStore;
  readonly rpcs: ReadonlyMap<number, FailoverRpc>;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Told of every cycle that ran to its end (metrics). */
  readonly onCycle?: (report: CycleReport) => void;
  /** Given the new snapshot after every cycle that ran to its end (alert evaluation); a throw is logged, not raised. */
  readonly afterCycle?: (snapshot: Snapshot, report: CycleReport) => void;
}

/**
 * Runs poll cycles and keeps the latest snapshot in memory. A cycle reads every chain in parallel, writes
 * what it learned to the store in one transaction, then recomputes the figures. Cycles never overlap: a
 * cycle asked for while one runs gets the running one's result.
 */
export class Poller {
  private readonly config: Config;
  private readonly store: HistoryStore;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly onCycle: ((report: CycleReport) => void) | undefined;
  private readonly afterCycle: ((snapshot: Snapshot, report: CycleReport) => void) | undefined;
  private readonly chains: { clients: ChainClients; rpc: FailoverRpc; readers: SourceReader[]; measureBlockTime: boolean; logsRange: LogsRangeController }[];
  private readonly statuses = new Map<string, SourceStatusRecord>();
  private readonly lastReads = new Map<string, { blockNumber: bigint; blockTime: number; observedAt: number }>();
  private readonly chainErrors = new Map<number, NonNullable<ChainView['lastError']>>();
  /** Each chain's head as seen over the reads (stored, so a halt is measured across restarts). */
  private readonly heads: Map<number, HeadTrack>;
  private readonly blockTimes = new Map<number, Figure>();
  private running: Promise<CycleReport> | undefined;
  private lastCycle: { startedAt: number; finishedAt: number } | undefined;
  private current: Snapshot;

  constructor(options: PollerOptions) {
    this.config = options.config;
    this.store = options.store;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.onCycle = options.onCycle;
    this.afterCycle = options.afterCycle;
    const l2Chains = new Set(options.config.sources.flatMap((s) => (s.kind === 'sequencer' && s.l2Chain !== undefined ? [s.l2Chain] : [])));
    this.chains = options.config.chains.map((chain) => {
      const rpc = options.rpcs.get(chain.id);
      if (!rpc) throw new Error(`no RPC client for chain ${chain.id}`);
      return {
        clients: createChainClients(chain, rpc),
        rpc,
        readers: createChainReaders(options.config, chain.id),
        measureBlockTime: l2Chains.has(chain.id),
        logsRange: new LogsRangeController(chain.logsMaxRange),
      };
    });
    // Start from what the store remembers, so commands answer before the first cycle ends.
    for (const status of this.store.sourceStatuses()) this.statuses.set(status.sourceId, status);
    this.heads = this.store.chainHeads();
    for (const source of this.config.sources) {
      const latest = this.store.latestObservation(source.id);
      if (latest) this.lastReads.set(source.id, { blockNumber: latest.blockNumber, blockTime: latest.blockTime, observedAt: latest.observedAt });
    }
    this.current = this.recompute(false);
  }

  /** The latest figures; never waits on the network. */
  snapshot(): Snapshot {
    return this.current;
  }

  /** Runs one cycle, or joins the one already running. */
  runCycle(): Promise<CycleReport> {
    this.running ??= this.cycle().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  private async cycle(): Promise<CycleReport> {
    const startedAt = this.now();
    const readings = await Promise.all(
      this.chains.map(async (chain): Promise<ChainReading> => {
        try {
          return await readChain({ clients: chain.clients, readers: chain.readers, store: this.store, measureBlockTime: chain.measureBlockTime, now: this.now, logsRange: chain.logsRange });
        } catch (error) {
          // readChain reports failures itself; this is the last guard so one chain can never stop the others.
          const message = error instanceof Error ? error.message : String(error);
          return { chainId: chain.clients.chain.id, observations: [], failures: chain.readers.map((r) => ({ sourceId: r.config.id, error: message })), events: [], cursors: [], error: message };
        }
      }),
    );
    const finishedReadsAt = this.now();
    let newEvents = 0;
    this.store.transaction(() => {
      for (const reading of readings) {
        for (const observation of reading.observations) {
          this.store.addObservation(observation);
          this.lastReads.set(observation.sourceId, { blockNumber: observation.blockNumber, blockTime: observation.blockTime, observedAt: observation.observedAt });
          this.setStatus({ ...this.statuses.get(observation.sourceId), sourceId: observation.sourceId, lastOkAt: observation.observedAt });
        }
        newEvents += this.store.addEvents(reading.events);
        for (const [key, cursor] of reading.cursors) this.store.setCursor(key, cursor);
        for (const failure of reading.failures) {
          this.setStatus({ ...this.statuses.get(failure.sourceId), sourceId: failure.sourceId, lastError: failure.error, lastErrorAt: finishedReadsAt });
        }
        if (reading.blockTime) this.blockTimes.set(reading.chainId, reading.blockTime);
        if (reading.head) {
          const track = trackHead(this.heads.get(reading.chainId), reading.head, finishedReadsAt);
          this.heads.set(reading.chainId, track);
          this.store.setChainHead(reading.chainId, track);
        }
        if (reading.error) this.chainErrors.set(reading.chainId, { message: reading.error, at: finishedReadsAt });
      }
    });
    const failures = readings.flatMap((r) => r.failures);
    for (const failure of failures) this.logger.warn('source read failed', { source: failure.sourceId, error: failure.error });
    const observed = new Set(readings.flatMap((r) => r.observations.map((o) => o.sourceId)));
    this.lastCycle = { startedAt, finishedAt: this.now() };
    this.current = this.recompute(true, observed);
    const report = { startedAt, finishedAt: this.lastCycle.finishedAt, observations: observed.size, failures, newEvents };
    this.logger.info('poll cycle done', { ms: report.finishedAt - startedAt, observations: report.observations, failures: failures.length, newEvents });
    this.onCycle?.(report);
    try {
      this.afterCycle?.(this.current, report);
    } catch (error) {
      this.logger.error('after-cycle hook failed', { error });
    }
    return report;
  }

  private setStatus(status: SourceStatusRecord): void {
    this.statuses.set(status.sourceId, status);
    this.store.setSourceStatus(status);
  }

  /** Recomputes figures from the store; with `persist`, stores the metrics of sources read in this cycle. */
  private recompute(persist: boolean, observed: ReadonlySet<string> = new Set()): Snapshot {
    const computed = computeFigures(this.config, this.store, this.blockTimes);
    if (persist) {
      this.store.transaction(() => {
        for (const [sourceId, entry] of computed.sources) {
          const read = this.lastReads.get(sourceId);
          if (entry.figures && read && observed.has(sourceId)) this.store.addMetrics(sourceId, read.blockTime, metricValues(entry.figures));
        }
        const towerTime = Math.max(0, ...[...observed].map((id) => this.lastReads.get(id)?.blockTime ?? 0));
        if (computed.tower.leverage.ok && towerTime > 0) this.store.addMetrics(TOWER_SOURCE_ID, towerTime, { leverage: computed.tower.leverage.value });
      });
    }
    const chains: ChainView[] = this.chains.map(({ clients, rpc }) => {
      const track = this.heads.get(clients.chain.id);
      const lastError = this.chainErrors.get(clients.chain.id);
      return {
        id: clients.chain.id,
        name: clients.chain.name,
        rpc: rpc.health(),
        ...(track ? { head: { number: track.number, time: track.time }, readAt: track.readAt, liveness: chainLiveness(track, chainHaltAfter(clients.chain)) } : {}),
        ...(lastError ? { lastError } : {}),
      };
    });
    return buildSnapshot({
      config: this.config,
      computed,
      statuses: this.statuses,
      lastReads: this.lastReads,
      chains,
      ...(this.lastCycle ? { lastCycle: this.lastCycle } : {}),
    });
  }
}
