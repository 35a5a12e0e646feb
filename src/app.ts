import type { Writable } from 'node:stream';
import type { ScheduledTask } from 'node-cron';
import type { CommandContext } from '../commands/command.ts';
import { createCommandGate, type CommandGate } from '../commands/commandGate.ts';
import { commands } from '../commands/registry.ts';
import { createAppPlatforms } from './appPlatforms.ts';
import type { Config } from './config/configSchema.ts';
import type { Env } from './config/env.ts';
import type { Logger } from './log/logger.ts';
import { assessHealth, type HealthReport } from './ops/health.ts';
import { createBotMetrics, type BotMetrics } from './ops/metrics.ts';
import type { PlatformStatus } from './ops/platformStatus.ts';
import type { ConnectedPlatform } from './vocabulary/platform.ts';
import { startOpsServer, type OpsServer } from './ops/opsServer.ts';
import { Poller } from './poller/poller.ts';
import { schedulePolling } from './poller/schedulePolling.ts';
import type { DiscordBot } from './platforms/discordBot.ts';
import type { Timers } from './platforms/platformSupervisor.ts';
import type { TelegramBot } from './platforms/telegramBot.ts';
import { collectSecrets, createSecretScrubber } from './log/redactSecrets.ts';
import { createFailoverRpc, type FailoverRpc } from './rpc/failoverRpc.ts';
import { metricHistoryOf, type HistoryStore } from './store/historyStore.ts';
import { openSqliteStore } from './store/sqliteStore.ts';
import { createSubscriptionRuntime, type SubscriptionRuntime } from './subscriptionRuntime.ts';

export interface App {
  readonly poller: Poller;
  readonly store: HistoryStore;
  readonly context: CommandContext;
  readonly telegram?: TelegramBot;
  /** The current Discord client's bot (a new one per connection attempt). */
  readonly discord?: DiscordBot | undefined;
  /** The connection state of each configured chat platform (also in /healthz and metis_bot_platform_up). */
  readonly platforms: Readonly<Partial<Record<ConnectedPlatform, PlatformStatus>>>;
  readonly rpcs: ReadonlyMap<number, FailoverRpc>;
  /** Subscriptions, alert rules, digests and the outbox worker. */
  readonly subscriptions: SubscriptionRuntime;
  /** The Prometheus metrics (served on /metrics when `http` is configured). */
  readonly metrics: BotMetrics;
  /** The rate limit and accounting every platform's commands go through (the console chat too). */
  readonly gate: CommandGate;
  /** The /healthz and /metrics endpoint, when `http` is configured. */
  readonly ops?: OpsServer;
  /** What /healthz answers. */
  health(): HealthReport;
  /** Starts the cron schedule (the first cycle is the caller's to run); does nothing once stopping. */
  startSchedule(): void;
  /**
   * Stops the schedule, then the platforms, lets a running cycle finish, closes the endpoint and the
   * database. Every step runs even when one before it failed; the first failure is rethrown. Idempotent.
   */
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly config: Config;
  readonly env: Env;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Counts every JSON-RPC request (tests, benchmarks, metrics). */
  readonly onRpcRequest?: (event: { chainId: number; url: string; method: string; ok: boolean }) => void;
  /** Where digests and alerts for the console chat are printed (default: standard output). */
  readonly consoleOutput?: Writable;
  /** Timers of the platforms' reconnect backoff and attempt timeouts (tests drive them by hand). */
  readonly platformTimers?: Timers;
  /** The draw for the backoff's jitter (default Math.random). */
  readonly random?: () => number;
}

/**
 * Builds the service from a validated config: store, one failover RPC per chain, the poller, the command
 * context, and Telegram and/or Discord when their tokens are set. Nothing here waits on the network except
 * each platform's first connection attempt (at most 20 s, side by side): one that cannot be reached is
 * logged, shown as down in /healthz and retried in the background while everything else runs.
 * @throws when a platform rejects its token (and for a bad store or port).
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, env, logger } = options;
  const now = options.now ?? Date.now;
  const store = openSqliteStore(config.store.path);
  const metrics = createBotMetrics({ processMetrics: config.http !== undefined });
  const rpcs = new Map(
    config.chains.map((chain) => [
      chain.id,
      createFailoverRpc({
        chainId: chain.id,
        urls: chain.rpc,
        timeoutMs: config.rpc.timeout * 1000,
        now,
        onRequest: (event) => {
          metrics.rpcRequest(event);
          options.onRpcRequest?.(event);
        },
      }),
    ]),
  );
  const poller = new Poller({ config, store, rpcs, logger, now, onCycle: (report) => metrics.cycleDone(report), afterCycle: (snapshot) => subscriptions.afterCycle(snapshot) });
  const subscriptions = createSubscriptionRuntime({
    config,
    store,
    logger,
    now,
    snapshot: () => poller.snapshot(),
    observer: metrics,
    ...(options.consoleOutput ? { consoleOutput: options.consoleOutput } : {}),
  });
  metrics.watchSnapshot(() => poller.snapshot(), now);
  metrics.watchRpcs(rpcs);
  const gate = createCommandGate({ rateLimitPerMinute: config.commands.rateLimitPerMinute, observer: metrics, now });
  const context: CommandContext = { snapshot: () => poller.snapshot(), now, commands: () => commands, history: metricHistoryOf(store), subscriptions: subscriptions.service };

  // A platform that cannot even be built (DISCORD_TOKEN without DISCORD_APPLICATION_ID) leaves nothing open.
  const { telegram, discord, platforms, supervisors, senders } = await createAppPlatforms({
    config,
    env,
    logger,
    now,
    context,
    gate,
    // Secrets out of what /healthz shows (grammY's errors can carry the request URL, token included).
    scrub: createSecretScrubber(collectSecrets(env, config)),
    ...(options.platformTimers ? { timers: options.platformTimers } : {}),
    ...(options.random ? { random: options.random } : {}),
    onUp: () => subscriptions.worker.kick(),
  }).catch((error: unknown) => {
    store.close();
    throw error;
  });
  metrics.watchPlatforms(() => Object.fromEntries(Object.entries(platforms).map(([name, status]) => [name, status.state])));
  subscriptions.attach(senders);

  let stopping: Promise<void> | undefined;
  const platformReports = () => Object.fromEntries(Object.entries(platforms).map(([name, status]) => [name, status.report()]));
  const health = () =>
    assessHealth({
      snapshot: poller.snapshot(),
      now: now(),
      maxCycleAgeSeconds: config.http?.maxCycleAge ?? config.poll.staleAfter,
      stopping: stopping !== undefined,
      ...(supervisors.length > 0 ? { platforms: platformReports() } : {}),
    });
  const stopPlatforms = () => Promise.all(supervisors.map((s) => s.stop().catch(() => {})));
  let ops: OpsServer | undefined;
  if (config.http) {
    try {
      const routes = telegram?.webhook ? [telegram.webhook] : [];
      ops = await startOpsServer({ host: config.http.host, port: config.http.port, health, metrics: () => metrics.render(), logger, routes });
    } catch (error) {
      await subscriptions.stop().catch(() => {});
      store.close();
      throw error;
    }
  }

  // The first attempts, side by side. A platform that cannot be reached is retried in the background; only
  // a rejected token stops the start (exit 1 in main), as it will not come right by itself.
  const firstAttempts = await Promise.allSettled(supervisors.map((s) => s.start()));
  const refused = firstAttempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
  if (refused) {
    await stopPlatforms();
    await subscriptions.stop().catch(() => {});
    await ops?.close().catch(() => {});
    store.close();
    throw refused.reason;
  }

  let task: ScheduledTask | undefined;
  return {
    poller,
    store,
    context,
    rpcs,
    subscriptions,
    metrics,
    gate,
    health,
    ...(ops ? { ops } : {}),
    ...(telegram ? { telegram } : {}),
    get discord() {
      return discord();
    },
    platforms,
    startSchedule() {
      if (stopping) return;
      task ??= schedulePolling(config.poll.schedule, poller, logger);
      subscriptions.startDigestSchedule();
    },
    stop() {
      stopping ??= (async () => {
        const failures: unknown[] = [];
        const step = async (work: () => unknown) => {
          try {
            await work();
          } catch (error) {
            failures.push(error);
          }
        };
        await step(async () => {
          await task?.stop();
          await task?.destroy();
        });
        // The outbox worker first: sends in flight are answered and recorded while the platforms still run.
        await step(() => subscriptions.stop());
        await Promise.all(supervisors.map((supervisor) => step(() => supervisor.stop())));
        // Let a running cycle write what it read before the database closes.
        if (poller.busy) await poller.runCycle().catch(() => {});
        await step(() => ops?.close());
        await step(() => store.close());
        if (failures.length > 0) throw failures[0];
      })();
      return stopping;
    },
  };
}
