import { z } from 'zod';

/** Secrets and switches from the environment, parsed once. Tokens never come from config files. */
const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{10,}$/, { error: 'TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters, as @BotFather gives it)' })
    .optional(),
  TELEGRAM_API_ROOT: z.url({ error: 'TELEGRAM_API_ROOT must be a URL such as http://127.0.0.1:8081' }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  METIS_BOT_CONFIG: z.string().min(1).default('config/default.yaml'),
});

export type Env = z.output<typeof envSchema>;

/**
 * Parses the environment; empty strings count as unset (as in most .env files).
 * @returns the env, or the list of problems.
 */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): { env: Env } | { problems: string[] } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return { env: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}
