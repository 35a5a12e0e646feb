import type { Writable } from 'node:stream';
import type { ScheduledTask } from 'node-cron';
import type { CommandContext } from '../commands/command.ts';
import { createCommandGate, type CommandGate } from '../commands/commandGate.ts';
import { commands } from '../commands/registry.ts';
import type { Config } from './config/configSchema.ts';
import type { Env } from './config/env.ts';
import type { Logger } from './log/logger.ts';
import { assessHealth, type HealthReport } from './ops/health.ts';
import { createBotMetrics, type BotMetrics } from './ops/metrics.ts';
import { startOpsServer, type OpsServer } from './ops/opsServer.ts';
import { Poller } from './poller/poller.ts';
import { schedulePolling } from './poller/schedulePolling.ts';
// Platforms are imported when their token is set: discord.js and grammY cost ~60 MB of memory unused.
import type { DiscordBot } from './platforms/discordBot.ts';
import type { TelegramBot } from './platforms/telegramBot.ts';
import { createFailoverRpc, type FailoverRpc } from './rpc/failoverRpc.ts';
import type { HistoryStore } from './store/historyStore.ts';
import { openSqliteStore } from './store/sqliteStore.ts';
import { createSubscriptionRuntime, type SubscriptionRuntime } from './subscriptions/subscriptionRuntime.ts';

export interface App {
  readonly poller: Poller;
  readonly store: HistoryStore;
  readonly context: CommandContext;
  readonly telegram?: TelegramBot;
  readonly discord?: DiscordBot;
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

/** The outbox sender for a started Telegram bot (loaded with it). */
async function createTelegramOutbox(env: Env, config: Config) {
  const { createOutboxApi, createTelegramSender } = await import('./platforms/telegramSender.ts');
  const api = createOutboxApi({ token: env.TELEGRAM_BOT_TOKEN ?? '', timeoutSeconds: config.delivery.sendTimeout, ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}) });
  return createTelegramSender(api, config.delivery.telegram);
}

/** The outbox sender for a started Discord bot (loaded with it). */
async function createDiscordOutbox(discord: DiscordBot) {
  const [{ createDiscordOutboxSender }, { createDiscordChannelSender }] = await Promise.all([
    import('./platforms/discordOutboxSender.ts'),
    import('./platforms/discordChannelSender.ts'),
  ]);
  return createDiscordOutboxSender(createDiscordChannelSender(discord.client));
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
}

/**
 * Builds the service from a validated config: store, one failover RPC per chain, the poller, the command
 * context, and Telegram and/or Discord when their tokens are set. Nothing here waits on the network except
 * the platforms' start.
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
  const context: CommandContext = { snapshot: () => poller.snapshot(), now, commands: () => commands, history: { metricSeries: store.metricSeries.bind(store) }, subscriptions: subscriptions.service };

  let telegram: TelegramBot | undefined;
  let telegramSender: Awaited<ReturnType<typeof createTelegramOutbox>> | undefined;
  if (env.TELEGRAM_BOT_TOKEN) {
    const { createTelegramBot } = await import('./platforms/telegramBot.ts');
    telegram = createTelegramBot({
      token: env.TELEGRAM_BOT_TOKEN,
      ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}),
      commands,
      context,
      logger,
      gate,
    });
    try {
      await telegram.start();
      telegramSender = await createTelegramOutbox(env, config);
    } catch (error) {
      store.close();
      throw error;
    }
  }

  let discord: DiscordBot | undefined;
  let discordSender: Awaited<ReturnType<typeof createDiscordOutbox>> | undefined;
  if (env.DISCORD_TOKEN) {
    try {
      const { createDiscordBot } = await import('./platforms/discordBot.ts');
      if (!env.DISCORD_APPLICATION_ID) throw new Error('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: copy the Application ID from the Developer Portal (General Information).');
      discord = createDiscordBot({
        token: env.DISCORD_TOKEN,
        applicationId: env.DISCORD_APPLICATION_ID,
        ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
        ...(env.DISCORD_REST_API ? { restApi: env.DISCORD_REST_API } : {}),
        commands,
        context,
        logger,
        gate,
      });
      await discord.start();
      discordSender = await createDiscordOutbox(discord);
    } catch (error) {
      await discord?.stop().catch(() => {});
      await telegram?.stop();
      store.close();
      throw error;
    }
  }

  subscriptions.attach({
    ...(telegramSender ? { telegram: telegramSender } : {}),
    ...(discordSender ? { discord: discordSender } : {}),
  });

  let stopping: Promise<void> | undefined;
  const health = () =>
    assessHealth({ snapshot: poller.snapshot(), now: now(), maxCycleAgeSeconds: config.http?.maxCycleAge ?? config.poll.staleAfter, stopping: stopping !== undefined });
  let ops: OpsServer | undefined;
  if (config.http) {
    try {
      ops = await startOpsServer({ host: config.http.host, port: config.http.port, health, metrics: () => metrics.render(), logger });
    } catch (error) {
      await subscriptions.stop().catch(() => {});
      await discord?.stop().catch(() => {});
      await telegram?.stop().catch(() => {});
      store.close();
      throw error;
    }
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
    ...(discord ? { discord } : {}),
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
        await Promise.all([step(() => telegram?.stop()), step(() => discord?.stop())]);
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
