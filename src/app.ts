import type { ScheduledTask } from 'node-cron';
import type { CommandContext } from '../commands/command.ts';
import { commands } from '../commands/registry.ts';
import type { Config } from './config/configSchema.ts';
import type { Env } from './config/env.ts';
import type { Logger } from './log/logger.ts';
import { Poller } from './poller/poller.ts';
import { schedulePolling } from './poller/schedulePolling.ts';
import { createDiscordBot, type DiscordBot } from './platforms/discordBot.ts';
import { createTelegramBot, type TelegramBot } from './platforms/telegramBot.ts';
import { createFailoverRpc, type FailoverRpc } from './rpc/failoverRpc.ts';
import type { HistoryStore } from './store/historyStore.ts';
import { openSqliteStore } from './store/sqliteStore.ts';

export interface App {
  readonly poller: Poller;
  readonly store: HistoryStore;
  readonly context: CommandContext;
  readonly telegram?: TelegramBot;
  readonly discord?: DiscordBot;
  readonly rpcs: ReadonlyMap<number, FailoverRpc>;
  /** Starts the cron schedule (the first cycle is the caller's to run). */
  startSchedule(): void;
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly config: Config;
  readonly env: Env;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
  /** Counts every JSON-RPC request (tests, benchmarks, metrics). */
  readonly onRpcRequest?: (event: { chainId: number; url: string; method: string; ok: boolean }) => void;
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
  const rpcs = new Map(
    config.chains.map((chain) => [
      chain.id,
      createFailoverRpc({
        chainId: chain.id,
        urls: chain.rpc,
        timeoutMs: config.rpc.timeout * 1000,
        now,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.onRpcRequest ? { onRequest: options.onRpcRequest } : {}),
      }),
    ]),
  );
  const poller = new Poller({ config, store, rpcs, logger, now });
  const context: CommandContext = { snapshot: () => poller.snapshot(), now, commands: () => commands };

  let telegram: TelegramBot | undefined;
  if (env.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramBot({
      token: env.TELEGRAM_BOT_TOKEN,
      ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}),
      commands,
      context,
      logger,
    });
    try {
      await telegram.start();
    } catch (error) {
      store.close();
      throw error;
    }
  }

  let discord: DiscordBot | undefined;
  if (env.DISCORD_TOKEN) {
    try {
      if (!env.DISCORD_APPLICATION_ID) throw new Error('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: copy the Application ID from the Developer Portal (General Information).');
      discord = createDiscordBot({
        token: env.DISCORD_TOKEN,
        applicationId: env.DISCORD_APPLICATION_ID,
        ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
        ...(env.DISCORD_REST_API ? { restApi: env.DISCORD_REST_API } : {}),
        commands,
        context,
        logger,
      });
      await discord.start();
    } catch (error) {
      await discord?.stop().catch(() => {});
      await telegram?.stop();
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
    ...(telegram ? { telegram } : {}),
    ...(discord ? { discord } : {}),
    startSchedule() {
      task ??= schedulePolling(config.poll.schedule, poller, logger);
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
      await telegram?.stop();
      await discord?.stop();
      // Let a running cycle write what it read before the database closes.
      if (poller.busy) await poller.runCycle().catch(() => {});
      store.close();
    },
  };
}
