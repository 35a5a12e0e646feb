import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { dataAgeSeconds, isStale, type Snapshot } from '../figures/figures.ts';
import type { CycleReport } from '../poller/poller.ts';
import type { RpcHealth } from '../rpc/failoverRpc.ts';
import { redactUrl } from '../log/redactUrl.ts';
import type { CommandObserver } from '../../commands/commandGate.ts';
import type { DeliveryObserver } from '../delivery/deliveryObserver.ts';
import type { PlatformState } from './platformStatus.ts';

export type { CommandObserver, CommandOutcome } from '../../commands/commandGate.ts';

export interface RpcRequestEvent {
  readonly chainId: number;
  readonly url: string;
  readonly method: string;
  readonly ok: boolean;
}

/**
 * Every Prometheus metric of the bot, in one registry of its own (never prom-client's global one, so two
 * apps in one process, as in tests, do not mix). Commands and outbox delivery report through the observer
 * interfaces they define.
 */
export interface BotMetrics extends CommandObserver, DeliveryObserver {
  readonly registry: Registry;
  /** A cycle that ran to its end (sources may have failed in it). */
  cycleDone(report: CycleReport): void;
  /** For `createApp({ onRpcRequest })` / the failover RPC's `onRequest`. */
  rpcRequest(event: RpcRequestEvent): void;
  /** Reads each source's staleness, each chain's head age and the last cycle's time from the snapshot at every scrape. */
  watchSnapshot(snapshot: () => Snapshot, now: () => number): void;
  /** Reads each chain's endpoints (failures that made the bot skip a URL, the URL in use) at every scrape. */
  watchRpcs(rpcs: ReadonlyMap<number, { health(): RpcHealth }>): void;
  /** Reads each configured chat platform's connection state at every scrape. */
  watchPlatforms(states: () => Readonly<Record<string, PlatformState>>): void;
  /** The text exposition of every metric, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

const PREFIX = 'metis_bot_';

/**
 * Creates the bot's metrics.
 * @param options.processMetrics also export prom-client's process metrics (RSS, CPU, event-loop lag, GC) under
 *   the same prefix; off by default because they start observers that tests do not need.
 * @example const metrics = createBotMetrics(); metrics.messagesSent('telegram', 1);
 */
export function createBotMetrics(options: { processMetrics?: boolean } = {}): BotMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const cycleDuration = new Histogram({
    name: `${PREFIX}poll_cycle_duration_seconds`,
    help: 'Duration of a poll cycle: every chain read, stored and the figures recomputed.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const cycles = new Counter({ name: `${PREFIX}poll_cycles_total`, help: 'Poll cycles that ran to their end (even with failed sources).', registers });
  const sourceFailures = new Counter({ name: `${PREFIX}source_read_failures_total`, help: 'Failed reads of a source in a poll cycle.', labelNames: ['source'] as const, registers });
  const rpcRequests = new Counter({
    name: `${PREFIX}rpc_requests_total`,
    help: 'JSON-RPC requests sent, per chain, endpoint (scheme and host only) and method.',
    labelNames: ['chain', 'endpoint', 'method'] as const,
    registers,
  });
  const rpcErrors = new Counter({
    name: `${PREFIX}rpc_errors_total`,
    help: 'JSON-RPC requests that failed (timeout, HTTP error, malformed answer, JSON-RPC error or revert), per chain, endpoint and method.',
    labelNames: ['chain', 'endpoint', 'method'] as const,
    registers,
  });
  const messages = {
    queued: new Counter({ name: `${PREFIX}messages_queued_total`, help: 'Messages written to the outbox, per platform.', labelNames: ['platform'] as const, registers }),
    sent: new Counter({ name: `${PREFIX}messages_sent_total`, help: 'Messages the platform accepted, per platform.', labelNames: ['platform'] as const, registers }),
    failed: new Counter({ name: `${PREFIX}messages_failed_total`, help: 'Messages given up on, per platform.', labelNames: ['platform'] as const, registers }),
  };
  const commandsServed = new Counter({
    name: `${PREFIX}commands_total`,
    help: 'Commands handled, per command, platform and outcome (answer, usage, limited, error).',
    labelNames: ['command', 'platform', 'outcome'] as const,
    registers,
  });
  const commandLatency = new Histogram({
    name: `${PREFIX}command_duration_seconds`,
    help: 'Time to compute a command reply from memory (not the platform round trip; refusals not counted), per command and platform.',
    labelNames: ['command', 'platform'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });

  let rpcHealth: ReadonlyMap<number, { health(): RpcHealth }> = new Map();
  new Counter({
    name: `${PREFIX}rpc_endpoint_failures_total`,
    help: 'Times an RPC URL failed and the bot moved on to the next one (timeout, HTTP error, malformed answer, wrong chain), per chain and endpoint.',
    labelNames: ['chain', 'endpoint'] as const,
    registers,
    collect() {
      this.reset();
      for (const [chainId, rpc] of rpcHealth) {
        for (const endpoint of rpc.health().endpoints) this.inc({ chain: String(chainId), endpoint: endpoint.url }, endpoint.failures);
      }
    },
  });
  new Gauge({
    name: `${PREFIX}rpc_endpoint_in_use`,
    help: '1 for the RPC URL the next request of the chain goes to, 0 for the others.',
    labelNames: ['chain', 'endpoint'] as const,
    registers,
    collect() {
      this.reset();
      for (const [chainId, rpc] of rpcHealth) {
        const health = rpc.health();
        for (const endpoint of health.endpoints) this.set({ chain: String(chainId), endpoint: endpoint.url }, endpoint.url === health.inUse ? 1 : 0);
      }
    },
  });

  let view: { snapshot: () => Snapshot; now: () => number } | undefined;
  new Gauge({
    name: `${PREFIX}source_staleness_seconds`,
    help: 'Seconds since the source last had a good read (+Inf: never since the store was created).',
    labelNames: ['source'] as const,
    registers,
    collect() {
      this.reset();
      if (!view) return;
      const now = view.now();
      for (const source of view.snapshot().sources) this.set({ source: source.id }, dataAgeSeconds(source, now) ?? Number.POSITIVE_INFINITY);
    },
  });
  new Gauge({
    name: `${PREFIX}source_stale`,
    help: '1 when the source has no read younger than its staleAfter (its figures are not trusted nor alerted on), else 0.',
    labelNames: ['source'] as const,
    registers,
    collect() {
      this.reset();
      if (!view) return;
      const now = view.now();
      for (const source of view.snapshot().sources) this.set({ source: source.id }, isStale(source, now) ? 1 : 0);
    },
  });
  new Gauge({
    name: `${PREFIX}chain_head_age_seconds`,
    help: "Seconds the chain's head had stood still at its last read, by the bot's clock: the halt measure (0 while every read finds a new block).",
    labelNames: ['chain'] as const,
    registers,
    collect() {
      this.reset();
      if (!view) return;
      for (const chain of view.snapshot().chains) if (chain.liveness) this.set({ chain: String(chain.id) }, chain.liveness.haltSeconds);
    },
  });
  new Gauge({
    name: `${PREFIX}chain_head_block_age_seconds`,
    help: "Seconds since the head block's own timestamp, as the chain states it (can lag or lead on some chains).",
    labelNames: ['chain'] as const,
    registers,
    collect() {
      this.reset();
      if (!view) return;
      const now = view.now();
      for (const chain of view.snapshot().chains) if (chain.head) this.set({ chain: String(chain.id) }, now / 1000 - chain.head.time);
    },
  });
  new Gauge({
    name: `${PREFIX}chain_halted`,
    help: '1 when the head had not moved for the chain\'s haltAfter at its last read, else 0.',
    labelNames: ['chain'] as const,
    registers,
    collect() {
      this.reset();
      if (!view) return;
      for (const chain of view.snapshot().chains) if (chain.liveness) this.set({ chain: String(chain.id) }, chain.liveness.halted ? 1 : 0);
    },
  });
  new Gauge({
    name: `${PREFIX}last_poll_cycle_timestamp_seconds`,
    help: 'Unix time the last poll cycle finished (0 before the first one since the start).',
    registers,
    collect() {
      this.reset();
      const last = view?.snapshot().lastCycle;
      if (last) this.set(last.finishedAt / 1000);
    },
  });

  let platformStates: () => Readonly<Record<string, PlatformState>> = () => ({});
  new Gauge({
    name: `${PREFIX}platform_up`,
    help: '1 while the chat platform is connected and answering, 0 while it starts, is down (retried) or stopped (token rejected).',
    labelNames: ['platform'] as const,
    registers,
    collect() {
      this.reset();
      for (const [platform, state] of Object.entries(platformStates())) this.set({ platform }, state === 'up' ? 1 : 0);
    },
  });

  return {
    registry,
    messagesQueued: (platform, count) => messages.queued.inc({ platform }, count),
    messagesSent: (platform, count) => messages.sent.inc({ platform }, count),
    messagesFailed: (platform, count) => messages.failed.inc({ platform }, count),
    cycleDone(report) {
      cycles.inc();
      cycleDuration.observe(Math.max(0, report.finishedAt - report.startedAt) / 1000);
      for (const failure of report.failures) sourceFailures.inc({ source: failure.sourceId });
    },
    rpcRequest(event) {
      const labels = { chain: String(event.chainId), endpoint: redactUrl(event.url), method: event.method };
      rpcRequests.inc(labels);
      if (!event.ok) rpcErrors.inc(labels);
    },
    commandServed({ platform, command, outcome, seconds }) {
      commandsServed.inc({ command, platform, outcome });
      // A refusal costs nothing to compute: timing it would only pull the latency figures down.
      if (outcome !== 'limited') commandLatency.observe({ command, platform }, seconds);
    },
    watchSnapshot(snapshot, now) {
      view = { snapshot, now };
    },
    watchRpcs(rpcs) {
      rpcHealth = rpcs;
    },
    watchPlatforms(states) {
      platformStates = states;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
