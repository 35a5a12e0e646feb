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
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CloseEvent,
  type Interaction,
} from 'discord.js';
import type { ArgumentValues, ChatInfo, CommandContext, CommandDefinition } from '../../commands/command.ts';
import { createCommandGate, type CommandGate } from '../../commands/commandGate.ts';
import { commandFailure } from '../../commands/failureReply.ts';
import { validateOption } from '../../commands/parseArguments.ts';
import { usageReply } from '../../commands/registry.ts';
import type { Reply } from '../shared/reply.ts';
import { UserError } from '../../commands/userError.ts';
import type { Logger } from '../log/logger.ts';
import { walkCauses } from '../shared/baseError.ts';
import { discordCommandsJson, registerCommands } from './discordCommands.ts';
import type { PlatformEvents } from './platformSupervisor.ts';
import { renderDiscord, type DiscordMessage } from './renderDiscord.ts';
import { stripControls } from '../../commands/echoUserText.ts';

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

/** Discord answers at most 25 autocomplete choices, each at most 100 characters. */
export const AUTOCOMPLETE_LIMIT = 25;

/**
 * The choices to offer while a user types: those starting with the typed text first, then those containing
 * it, case-insensitively; at most 25.
 */
export function autocompleteChoices(choices: readonly string[], typed: string): string[] {
  // Invisible and direction-changing characters typed along (U+202E, zero-width) must not hide a match.
  const wanted = stripControls(typed).trim().toLowerCase();
  const fits = choices.filter((c) => c.length >= 1 && c.length <= 100);
  const starts = fits.filter((c) => c.toLowerCase().startsWith(wanted));
  const contains = fits.filter((c) => !c.toLowerCase().startsWith(wanted) && c.toLowerCase().includes(wanted));
  return [...starts, ...contains].slice(0, AUTOCOMPLETE_LIMIT);
}

/**
 * Maps Discord's typed options to the command's arguments, through the same `validateOption` as the text
 * parser, so ranges and choices are checked in one place (Discord checks min/max too, but a stale
 * registration or a typed value that autocomplete did not offer still reaches us).
 * @throws UserError for an unknown option, a missing required one or a bad value.
 */
export function readInteractionArguments(
  command: CommandDefinition,
  options: readonly { readonly name: string; readonly value?: string | number | boolean | undefined | null }[],
  context: CommandContext,
): ArgumentValues {
  const values: Record<string, string | number> = {};
  for (const option of options) {
    const spec = command.options.find((o) => o.name === option.name);
    if (!spec) throw new UserError('unknown-option', { option: option.name.slice(0, 40) });
    if (option.value === undefined || option.value === null) continue;
    values[spec.name] = validateOption(spec, typeof option.value === 'boolean' ? String(option.value) : option.value, context);
  }
  for (const spec of command.options) {
    if (spec.required && values[spec.name] === undefined) throw new UserError('missing-argument', { option: spec.name });
  }
  return values;
}

const noMentions = { parse: [] };
const messageOptions = (m: DiscordMessage) => ({
  ...(m.content ? { content: m.content } : {}),
  embeds: m.embeds ? [...m.embeds] : [],
  ...(m.files ? { files: m.files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description.slice(0, 1024) })) } : {}),
  allowedMentions: noMentions,
});

/** Interaction tokens are secrets for 15 minutes: keep them out of logs. */
const redactUrl = (url: string) => url.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/?]+/, '$1…');

/** The refusal names the command, the channel it would change and the permission it needs. */
const manageChannelsReply = (command: CommandDefinition, channel: string): Reply => ({
  kind: 'usage',
  blocks: [{ kind: 'paragraph', parts: [`/${command.name} changes what ${channel} receives, so it needs the Manage Channels permission there, which you do not have.`] }],
});

/** `#name` of the interaction's channel where the client knows it. */
const channelLabel = (interaction: ChatInputCommandInteraction) =>
  interaction.channel && 'name' in interaction.channel && interaction.channel.name ? `#${interaction.channel.name}` : 'this channel';

/**
 * Sends a reply to a slash command: the first message as the interaction's reply (or the edit of a deferred
 * one), the rest as follow-ups. Usage replies are ephemeral (only the sender sees them). Nothing we send can
 * ping anyone.
 */
async function sendReply(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const ephemeral = reply.kind === 'usage';
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const [first, ...rest] = renderDiscord(reply);
  if (!first) return;
  if (interaction.deferred && !interaction.replied) {
    if (ephemeral) {
      // A deferred reply is public and cannot become ephemeral: replace it with a private follow-up.
      await interaction.deleteReply();
      await interaction.followUp({ ...messageOptions(first), ...flags });
    } else await interaction.editReply(messageOptions(first));
  } else if (interaction.replied) {
    await interaction.followUp({ ...messageOptions(first), ...flags });
  } else {
    await interaction.reply({ ...messageOptions(first), ...flags });
  }
  for (const m of rest) await interaction.followUp({ ...messageOptions(m), ...flags });
}

/**
 * The context for one interaction: the channel (digests and alerts go there), the member, and whether they
 * may change its settings (Manage Channels; in a DM, yes).
 */
function discordCommandContext(interaction: ChatInputCommandInteraction, base: CommandContext): CommandContext {
  const inGuild = interaction.guildId !== null;
  const admin = !inGuild || interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true;
  const chat: ChatInfo = { platform: 'discord', chatId: interaction.channelId, userId: interaction.user.id, kind: inGuild ? 'group' : 'private', isAdmin: () => admin };
  return { ...base, chat };
}

/**
 * The Discord adapter (discord.js, gateway with the Guilds intent only: slash commands need no message
 * content). It only translates: typed options in, the neutral reply rendered as embeds out. One catch logs
 * whatever fails; nothing a user or Discord does can stop the process.
 */
export function createDiscordBot(options: DiscordOptions): DiscordBot {
  const { logger, context } = options;
  discordCommandsJson(options.commands); // a name Discord would refuse throws here, not at registration
  const byName = new Map(options.commands.map((c) => [c.name, c]));
  const slow = new Set(options.slowCommands ?? []);
  const gate = options.gate ?? createCommandGate();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: noMentions,
    ...(options.restApi ? { rest: { api: options.restApi } } : {}),
  });

  /** The reply to a slash command (sent by the caller, after the command gate). */
  async function answerCommand(interaction: ChatInputCommandInteraction): Promise<Reply> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      // Discord only sends commands we registered; this is one removed since, still cached in the client.
      const error = new UserError('unknown-command', { command: `/${interaction.commandName.slice(0, 40)}` });
      return usageReply(error, undefined, context);
    }
    // default_member_permissions hides the command in servers, but server admins can override that per role:
    // check again. A DM is the user's own chat, as a private chat is on Telegram.
    if (command.requiresManageChannels && interaction.inGuild() && !interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels)) {
      return manageChannelsReply(command, channelLabel(interaction));
    }
    let reply: Reply;
    try {
      const args = readInteractionArguments(command, interaction.options.data, context);
      if (slow.has(command.name)) await interaction.deferReply();
      reply = command.run(args, discordCommandContext(interaction, context));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reply = usageReply(error, command, context);
    }
    return reply;
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const request = { platform: 'discord' as const, userId: interaction.user.id, command: interaction.commandName, answerEveryRefusal: true };
    const reply = await gate.serve(request, () => answerCommand(interaction));
    if (reply) await sendReply(interaction, reply);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const spec = byName.get(interaction.commandName)?.options.find((o) => o.name === focused.name);
    const offered = spec?.type === 'string' ? (spec.choices ?? spec.suggestions) : undefined;
    const choices = offered ? autocompleteChoices(offered(context), String(focused.value)) : [];
    await interaction.respond(choices.map((c) => ({ name: c, value: c })));
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) await onAutocomplete(interaction);
    else if (interaction.isChatInputCommand()) await onCommand(interaction);
  }

  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch(async (error: unknown) => {
      const failure = commandFailure();
      const fields = { command: 'commandName' in interaction ? interaction.commandName : undefined, interaction: interaction.id, ref: failure.ref };
      if (error instanceof DiscordAPIError || error instanceof HTTPError) {
        // A 5xx arrives as HTTPError, without a JSON error code; both carry the URL with the interaction token.
        const code = error instanceof DiscordAPIError ? error.code : undefined;
        logger.warn('Discord refused a call', { ...fields, status: error.status, code, method: error.method, url: redactUrl(error.url), error: error.message });
      } else logger.error('command handler failed', { ...fields, error });
      if (interaction.isChatInputCommand()) await sendReply(interaction, failure.reply).catch(() => {});
    });
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
