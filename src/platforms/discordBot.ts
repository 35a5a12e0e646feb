import { DiscordStartError, type DiscordStartProblem } from './discordStartError.ts';
import {
  Client,
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  HTTPError,
  type CloseEvent,
} from 'discord.js';
import type { CommandContext, CommandDefinition } from '../../commands/command.ts';
import { createCommandGate, type CommandGate } from '../../commands/commandGate.ts';
import type { Logger } from '../log/logger.ts';
import { walkCauses } from '../vocabulary/baseError.ts';
import { discordCommandsJson, registerCommands } from './discordCommands.ts';
import { handleDiscordInteractions, noMentions } from './discordInteractions.ts';
import type { PlatformEvents } from './platformSupervisor.ts';

export interface DiscordOptions {
  readonly token: string;
  readonly applicationId: string;
  /** Register the commands in this server only (instant; for development). Global when absent. */
  readonly guildId?: string;
  /** REST through a proxy (DISCORD_REST_API), e.g. http://127.0.0.1:8080/api; discord.js appends /v10. */
  readonly restApi?: string;
  readonly commands: readonly CommandDefinition[];
  readonly context: CommandContext;
  readonly logger: Logger;
  /**
   * Commands that may need more than Discord's 3 s to answer: acknowledged at once ("thinking…") and edited
   * when the answer is ready. Ours answer from memory, so none is slow today.
   */
  readonly slowCommands?: readonly string[];
  /** Rate limit and accounting of commands (the app's, shared by every platform); a default one when absent. */
  readonly gate?: CommandGate;
  /**
   * Told when the gateway connection drops and comes back (discord.js reconnects by itself), and when Discord
   * closes it for good (a token reset: 4004), after the start.
   */
  readonly events?: PlatformEvents;
}

/** Gateway close codes after which Discord will not take the connection back: the token or a setting is wrong. */
const REFUSING_CLOSE_CODES: ReadonlySet<number> = new Set([
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

/** The error for a gateway closed with one of the refusing codes. */
function gatewayRefusal(code: number, when: 'at start' | 'while running', cause?: unknown): DiscordStartError {
  if (code === GatewayCloseCodes.AuthenticationFailed) {
    return new DiscordStartError('token-rejected', `Discord rejected DISCORD_TOKEN (gateway closed ${when}: 4004 Authentication failed): copy the bot token again from the Developer Portal (Bot → Reset Token).`, { cause });
  }
  return new DiscordStartError('gateway-refused', `Discord closed the gateway ${when} with ${code} ${GatewayCloseCodes[code] ?? ''} and will not take it back: check the intents and the discord.js version.`, { cause });
}

/** A failure in a few words, never a URL (interaction tokens travel in them). */
export function describeDiscordError(error: unknown): string {
  if (error instanceof DiscordStartError) return error.message;
  if (error instanceof DiscordAPIError) return `${error.status} ${String(error.code)}: ${error.message}`;
  if (error instanceof HTTPError) return `${error.status} ${error.message}`;
  if (error instanceof Error) {
    // A network failure's code (ECONNRESET) sits on the error or one of its causes.
    const code = walkCauses(error, (e): e is { code: string } => typeof (e as { code?: unknown }).code === 'string')?.code;
    return `${error.message}${code !== undefined && !error.message.includes(code) ? ` (${code})` : ''}`;
  }
  return String(error);
}

export interface DiscordBot {
  /**
   * Logs in, waits until the gateway is ready and registers the slash commands (only when they changed).
   * A bot is started once; make a new one to start again.
   * @throws DiscordStartError when Discord rejects the token or the application id does not match it, or
   *   closes the gateway for good; anything else (network, 5xx) may pass with time.
   */
  start(): Promise<void>;
  /** Closes the gateway connection. */
  stop(): Promise<void>;
  readonly client: Client;
}

/** How long the start waits for the slash commands to be registered before going on without them. */
const REGISTRATION_WAIT_MS = 10_000;

/**
 * The Discord adapter (discord.js, gateway with the Guilds intent only: slash commands need no message
 * content): the client's lifecycle (login, checks, command registration, reconnect events); the interactions
 * are answered by handleDiscordInteractions.
 */
export function createDiscordBot(options: DiscordOptions): DiscordBot {
  const { logger } = options;
  discordCommandsJson(options.commands); // a name Discord would refuse throws here, not at registration
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noMentions,
    ...(options.restApi ? { rest: { api: options.restApi } } : {}),
  });
  handleDiscordInteractions(client, {
    commands: options.commands,
    context: options.context,
    logger,
    slowCommands: new Set(options.slowCommands ?? []),
    gate: options.gate ?? createCommandGate(),
  });
  client.on(Events.Error, (error) => logger.error('Discord client error', { error }));
  client.on(Events.ShardError, (error, shardId) => logger.warn('Discord gateway error', { error, shardId }));

  let started = false;
  return {
    client,
    async start() {
      if (started) throw new Error('this Discord bot was started already; create a new one');
      started = true;
      let closeCode: number | undefined;
      const onDisconnect = (event: CloseEvent) => {
        closeCode = event.code;
      };
      client.on(Events.ShardDisconnect, onDisconnect);
      // Listen before logging in: the client is ready only after every guild has arrived, after login resolves.
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(options.token);
        await ready;
      } catch (error) {
        const rejected = (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) || (error instanceof DiscordAPIError && error.status === 401);
        if (rejected) {
          throw new DiscordStartError('token-rejected', 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token).', { cause: error });
        }
        if (closeCode !== undefined && REFUSING_CLOSE_CODES.has(closeCode)) throw gatewayRefusal(closeCode, 'at start', error);
        throw error;
      } finally {
        client.off(Events.ShardDisconnect, onDisconnect);
      }

      const actual = client.application?.id;
      if (actual !== options.applicationId) {
        await client.destroy();
        throw new DiscordStartError(
          'wrong-application',
          `DISCORD_APPLICATION_ID ${options.applicationId} is not the application of DISCORD_TOKEN (${actual ?? 'unknown'}): use the Application ID from the Developer Portal's General Information page.`,
        );
      }

      const events = options.events;
      if (events) {
        // discord.js resumes or re-identifies by itself; only a refusing close code ends the connection.
        client.on(Events.ShardDisconnect, (event) => events.lost(REFUSING_CLOSE_CODES.has(event.code) ? gatewayRefusal(event.code, 'while running') : new Error(`gateway closed with ${event.code}`)));
        client.on(Events.ShardReconnecting, () => events.trouble(new Error('gateway connection lost; discord.js reconnects')));
        client.on(Events.ShardResume, () => events.recovered());
        client.on(Events.ShardReady, () => events.recovered());
      }

      // The commands are registered in the background after a bounded wait: a rate-limited PUT (discord.js
      // waits out 429s) must not hold up the start, nor make the supervisor take a live connection for a dead one.
      const registration = (async () => {
        try {
          const written = await registerCommands({
            rest: client.rest,
            applicationId: options.applicationId,
            ...(options.guildId ? { guildId: options.guildId } : {}),
            commands: options.commands,
          });
          logger.info(written ? 'Discord slash commands registered' : 'Discord slash commands up to date', { scope: options.guildId ? `guild ${options.guildId}` : 'global', count: options.commands.length });
        } catch (error) {
          // Like Telegram's command list: the bot still answers commands registered before.
          logger.warn('could not register the Discord slash commands', {
            error,
            ...(error instanceof DiscordAPIError ? { status: error.status, code: error.code } : {}),
            ...(options.guildId ? { hint: 'is the bot in DISCORD_GUILD_ID, invited with the applications.commands scope?' } : {}),
          });
        }
      })();
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), REGISTRATION_WAIT_MS).unref()));
      if ((await Promise.race([registration, slow])) === 'slow') logger.info('Discord slash commands: still registering in the background', { waitedSeconds: REGISTRATION_WAIT_MS / 1000 });
      clearTimeout(timer);
      logger.info('Discord bot ready', { user: client.user?.tag, guilds: client.guilds.cache.size });
    },
    async stop() {
      await client.destroy();
    },
  };
}


export { DiscordStartError, type DiscordStartProblem };
// Kept importable from here, where the tests and the fuzzer look for them.
export { autocompleteChoices } from './autocompleteChoices.ts';
export { readInteractionArguments } from './readInteractionArguments.ts';
