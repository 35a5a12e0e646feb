import type { CommandContext } from '../commands/command.ts';
import type { CommandGate } from '../commands/commandGate.ts';
import { commands } from '../commands/registry.ts';
import type { Config } from './config/configSchema.ts';
import type { Env } from './config/env.ts';
import type { MessageSender } from './delivery/messageSender.ts';
import type { Logger } from './log/logger.ts';
import { PlatformStatus } from './ops/platformStatus.ts';
import type { ConnectedPlatform } from './vocabulary/platform.ts';
// Platforms are imported when their token is set: discord.js and grammY cost ~60 MB of memory unused.
import type { DiscordBot } from './platforms/discordBot.ts';
import { DiscordStartError } from './platforms/discordStartError.ts';
import { createPlatformSupervisor, type PlatformSupervisor, type Timers } from './platforms/platformSupervisor.ts';
import type { TelegramBot } from './platforms/telegramBot.ts';

/** The outbox sender for a started Telegram bot (loaded with it). */
async function createTelegramOutbox(env: Env, config: Config) {
  const { createOutboxApi, createTelegramSender } = await import('./platforms/telegramSender.ts');
  const api = createOutboxApi({ token: env.TELEGRAM_BOT_TOKEN ?? '', timeoutSeconds: config.delivery.sendTimeout, ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}) });
  return createTelegramSender(api, config.delivery.telegram);
}

/** The outbox sender for Discord, posting through `rest` (loaded with discord.js). */
async function createDiscordOutbox(rest: Pick<DiscordBot['client']['rest'], 'post'>) {
  const [{ createDiscordOutboxSender }, { createDiscordChannelSender }] = await Promise.all([
    import('./platforms/discordOutboxSender.ts'),
    import('./platforms/discordChannelSender.ts'),
  ]);
  return createDiscordOutboxSender(createDiscordChannelSender(rest));
}

/** The chat platforms of the app, each under a supervisor that reconnects it, with its status and outbox sender. */
export interface AppPlatforms {
  readonly telegram?: TelegramBot;
  /** The current Discord client's bot (a new one per connection attempt). */
  discord(): DiscordBot | undefined;
  /** The connection state of each configured platform. */
  readonly platforms: Readonly<Partial<Record<ConnectedPlatform, PlatformStatus>>>;
  readonly supervisors: readonly PlatformSupervisor[];
  /** The outbox sender of each platform, parking its messages while the platform is not up. */
  readonly senders: Partial<Record<ConnectedPlatform, MessageSender>>;
}

/** What the platforms are built from; `onUp` is told when one comes up (again). */
export interface AppPlatformOptions {
  readonly config: Config;
  readonly env: Env;
  readonly logger: Logger;
  readonly now: () => number;
  readonly context: CommandContext;
  readonly gate: CommandGate;
  /** Scrubs secrets out of what a platform's status reports. */
  readonly scrub: (text: string) => string;
  readonly timers?: Timers;
  readonly random?: () => number;
  readonly onUp: () => void;
}

/**
 * Telegram and/or Discord, each when its token is set: created, under a supervisor, not yet started (the
 * caller starts the supervisors).
 * @throws when DISCORD_TOKEN is set without DISCORD_APPLICATION_ID, or webhook mode without TELEGRAM_WEBHOOK_SECRET.
 */
export async function createAppPlatforms(options: AppPlatformOptions): Promise<AppPlatforms> {
  const { config, env, logger, now, context, gate, scrub } = options;
  const platforms: Partial<Record<ConnectedPlatform, PlatformStatus>> = {};
  const supervisors: PlatformSupervisor[] = [];
  const senders: Partial<Record<ConnectedPlatform, MessageSender>> = {};
  const supervision = {
    logger,
    now,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
  const statusOf = (platform: ConnectedPlatform) => {
    const status = new PlatformStatus(platform, now, scrub);
    // Up again: the outbox sends what waited for it now, not at its next idle look.
    status.onChange((state) => state === 'up' && options.onUp());
    platforms[platform] = status;
    return status;
  };
  /** A sender that waits (parks its messages) while its platform is not up. */
  const whileUp = (sender: MessageSender, status: PlatformStatus): MessageSender => ({ ...sender, available: () => status.state === 'up' });

  let telegram: TelegramBot | undefined;
  if (env.TELEGRAM_BOT_TOKEN) {
    const { createTelegramBot, describeTelegramError, isTelegramRejection } = await import('./platforms/telegramBot.ts');
    const status = statusOf('telegram');
    // The config loader refuses webhook mode without its URL and TELEGRAM_WEBHOOK_SECRET; a config built
    // otherwise must not fall back to polling behind the operator's back.
    const webhook = config.telegram.mode === 'webhook' ? config.telegram.webhook : undefined;
    if (webhook && !env.TELEGRAM_WEBHOOK_SECRET) throw new Error('telegram.mode is webhook but TELEGRAM_WEBHOOK_SECRET is not set: set it to a long random string (A-Z a-z 0-9 _ -).');
    const supervisor: PlatformSupervisor = createPlatformSupervisor({
      ...supervision,
      status,
      label: 'Telegram',
      connect: (signal) => bot.start(signal),
      disconnect: () => bot.stop(),
      isRejected: isTelegramRejection,
      describe: describeTelegramError,
      rejectedHint: 'set a new TELEGRAM_BOT_TOKEN from @BotFather and restart',
    });
    const bot = createTelegramBot({
      token: env.TELEGRAM_BOT_TOKEN,
      ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}),
      commands,
      context,
      logger,
      gate,
      now,
      events: supervisor,
      ...(webhook && env.TELEGRAM_WEBHOOK_SECRET ? { webhook: { ...webhook, secret: env.TELEGRAM_WEBHOOK_SECRET } } : {}),
    });
    telegram = bot;
    supervisors.push(supervisor);
    senders.telegram = whileUp(await createTelegramOutbox(env, config), status);
  }

  // One discord.js client per attempt: a destroyed client does not log in again.
  let discord: DiscordBot | undefined;
  if (env.DISCORD_TOKEN) {
    if (!env.DISCORD_APPLICATION_ID) {
      throw new Error('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: copy the Application ID from the Developer Portal (General Information).');
    }
    const { createDiscordBot, describeDiscordError } = await import('./platforms/discordBot.ts');
    const status = statusOf('discord');
    const discordOptions = {
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
      ...(env.DISCORD_REST_API ? { restApi: env.DISCORD_REST_API } : {}),
      commands,
      context,
      logger,
      gate,
    };
    const supervisor: PlatformSupervisor = createPlatformSupervisor({
      ...supervision,
      status,
      label: 'Discord',
      connect: async () => {
        discord = createDiscordBot({ ...discordOptions, events: supervisor });
        await discord.start();
      },
      disconnect: async () => discord?.stop(),
      isRejected: (error) => error instanceof DiscordStartError,
      describe: describeDiscordError,
      rejectedHint: 'set a new DISCORD_TOKEN (Developer Portal → Bot → Reset Token) and restart',
    });
    supervisors.push(supervisor);
    // Posts through whichever client is current.
    const rest = { post: (...args: Parameters<DiscordBot['client']['rest']['post']>) => (discord ? discord.client.rest.post(...args) : Promise.reject(new Error('Discord is not connected'))) };
    senders.discord = whileUp(await createDiscordOutbox(rest), status);
  }
  return { ...(telegram ? { telegram } : {}), discord: () => discord, platforms, supervisors, senders };
}
