import { z } from 'zod';
import { didYouMean } from './didYouMean.ts';

/** Discord ids (applications, servers, channels) are snowflakes: 17–20 digits. */
const SNOWFLAKE = /^\d{17,20}$/;

/** The config file read when neither `--config` nor METIS_BOT_CONFIG names one. */
export const DEFAULT_CONFIG_FILE = 'config/default.yaml';

/** Secrets and switches from the environment, parsed once. Tokens never come from config files. */
const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{10,}$/, { error: 'TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters, as @BotFather gives it)' })
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z a-z 0-9 _ - (Telegram\'s rule for secret_token), e.g. from `openssl rand -hex 32`' })
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'TELEGRAM_API_ROOT must be a URL (http or https) such as http://127.0.0.1:8081' }).optional(),
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, { error: 'DISCORD_TOKEN does not look like a bot token (three dot-separated parts, from the Developer Portal: Bot → Reset Token)' })
    .optional(),
  DISCORD_APPLICATION_ID: z.string().regex(SNOWFLAKE, { error: 'DISCORD_APPLICATION_ID must be the Application ID (17–20 digits, Developer Portal → General Information)' }).optional(),
  DISCORD_GUILD_ID: z.string().regex(SNOWFLAKE, { error: 'DISCORD_GUILD_ID must be a server id (17–20 digits: right-click the server → Copy Server ID)' }).optional(),
  DISCORD_REST_API: z.url({ protocol: /^https?$/, error: 'DISCORD_REST_API must be a URL (http or https) such as http://127.0.0.1:8080/api' }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'LOG_LEVEL must be one of debug, info, warn, error, silent' }).default('info'),
  METIS_BOT_CONFIG: z.string().min(1).default(DEFAULT_CONFIG_FILE),
}).superRefine((env, ctx) => {
  if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'DISCORD_APPLICATION_ID is required with DISCORD_TOKEN (Developer Portal → General Information → Application ID)' });
  }
});

export type Env = z.output<typeof envSchema>;

const KNOWN_VARIABLES = Object.keys(envSchema.shape);

/**
 * Variables that look like a misspelling of one of ours while ours is unset (`TELEGRAM_BOT_TOKN`): left alone,
 * the bot would start without the platform and say nothing about why. Anything else in the environment is
 * none of our business (it may be referenced from the config as `${VAR}`), so only near misses count.
 */
function misspeltVariables(source: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(source).flatMap((name) => {
    if (KNOWN_VARIABLES.includes(name)) return [];
    const meant = didYouMean(name, KNOWN_VARIABLES);
    if (meant === undefined || source[meant] !== undefined) return [];
    return [`${name}: not a variable the bot reads (did you mean ${meant}? it is not set)`];
  });
}

/**
 * Parses the environment; empty strings count as unset (as in most .env files).
 * @returns the env, or the list of problems.
 */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): { env: Env } | { problems: string[] } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  const problems = [...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...misspeltVariables(cleaned)];
  if (result.success && problems.length === 0) return { env: result.data };
  return { problems };
}
