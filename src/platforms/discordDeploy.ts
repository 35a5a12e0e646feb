import { DiscordAPIError, REST } from 'discord.js';
import { commands } from '../../commands/registry.ts';
import { parseEnv } from '../config/env.ts';
import { registerCommands } from './discordCommands.ts';

/** Exit codes, as in main.ts: 2 for an environment we cannot work with, 1 when Discord said no. */
const EXIT_BAD_ENV = 2;
const EXIT_FAILED = 1;

function explain(error: unknown): string {
  if (error instanceof DiscordAPIError && error.status === 401) {
    return 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token).';
  }
  if (error instanceof DiscordAPIError && error.status === 403) {
    return `Discord refused (403 ${error.message}): is DISCORD_APPLICATION_ID the application of this token, and is the bot in DISCORD_GUILD_ID, invited with the applications.commands scope?`;
  }
  if (error instanceof DiscordAPIError) return `Discord refused the registration (${error.status} ${String(error.code)}): ${error.message}`;
  return `Could not reach Discord: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * `npm run discord:deploy`: makes Discord's slash commands equal our definitions, writing only when they
 * differ, and says which happened. The bot does the same at every start; this is for CI or a first setup.
 * @returns the process exit code.
 */
export async function deployDiscordCommands(p: {
  source: Readonly<Record<string, string | undefined>>;
  out: (line: string) => void;
  err: (line: string) => void;
}): Promise<number> {
  const parsed = parseEnv(p.source);
  if ('problems' in parsed) {
    p.err(`Environment: ${parsed.problems.length} problem(s)\n${parsed.problems.map((x) => `  - ${x}`).join('\n')}`);
    return EXIT_BAD_ENV;
  }
  const { env } = parsed;
  if (!env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) {
    p.err('discord:deploy needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DISCORD_GUILD_ID, DISCORD_REST_API).');
    return EXIT_BAD_ENV;
  }
  const rest = new REST(env.DISCORD_REST_API ? { api: env.DISCORD_REST_API } : {}).setToken(env.DISCORD_TOKEN);
  const scope = env.DISCORD_GUILD_ID ? `server ${env.DISCORD_GUILD_ID}` : 'global';
  try {
    const written = await registerCommands({
      rest,
      applicationId: env.DISCORD_APPLICATION_ID,
      ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
      commands,
    });
    const names = commands.map((c) => `/${c.name}`).join(' ');
    p.out(written ? `Slash commands updated (${scope}): ${names}` : `Slash commands already up to date (${scope}): ${names}`);
    return 0;
  } catch (error) {
    p.err(explain(error));
    return EXIT_FAILED;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await deployDiscordCommands({
    source: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
