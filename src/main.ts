import { parseArgs } from 'node:util';
import type { Config } from './config/configSchema.ts';
import { loadDotEnv } from './config/dotEnv.ts';
import { DEFAULT_CONFIG_FILE, parseEnv, type Env } from './config/env.ts';
import { ConfigError, loadConfig } from './config/loadConfig.ts';
import { createApp, type App } from './app.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { collectSecrets, createSecretScrubber } from './log/redactSecrets.ts';
import { EXIT_SHUTDOWN_FAILED, handleShutdown } from './ops/shutdown.ts';
import { runConsoleChat } from './platforms/consoleChat.ts';

/**
 * Exit codes: 2 for a config or environment the bot cannot start with, 1 for a start that failed, 3 for a
 * shutdown that did not finish within its deadline (or failed, or was forced by a second signal).
 */
export const EXIT_BAD_CONFIG = 2;
export const EXIT_START_FAILED = 1;
export { EXIT_SHUTDOWN_FAILED };

/**
 * Loads env and config, or prints every problem and exits with code 2. The config is read even when the
 * environment is wrong, so one start lists the problems of both.
 */
export function loadSettings(configOverride?: string): { env: Env; config: Config } {
  try {
    loadDotEnv();
  } catch (error) {
    process.stderr.write(`Environment: ${(error as Error).message}\n`);
    process.exit(EXIT_BAD_CONFIG);
  }
  const parsed = parseEnv(process.env);
  const file = configOverride ?? ('env' in parsed ? parsed.env.METIS_BOT_CONFIG : process.env.METIS_BOT_CONFIG || DEFAULT_CONFIG_FILE);
  let config: Config | undefined;
  let configError: ConfigError | undefined;
  try {
    config = loadConfig(file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    configError = error;
  }
  if ('problems' in parsed) process.stderr.write(`Environment: ${parsed.problems.length} problem(s)\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  if (configError) process.stderr.write(`Config ${configError.message}\n`);
  if ('problems' in parsed || !config) process.exit(EXIT_BAD_CONFIG);
  return { env: parsed.env, config };
}

/**
 * A start failure in words a person can act on. The errors a start stops on (StoreError, TelegramStartError,
 * DiscordStartError) say what to do in their message; anything else is shown as it is.
 */
export function explainStartFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the service until SIGTERM or SIGINT (or, in chat mode, the end of standard input), then stops it
 * through `App.stop()` within a 10 s deadline (see handleShutdown): exit 0 after a clean stop on a signal,
 * EXIT_SHUTDOWN_FAILED past the deadline. In chat mode the end of input stops the app and returns.
 */
export async function runService(p: { app: App; logger: Logger; chat: boolean; shutdownDeadlineMs?: number; onSignalsHandled?: () => void }): Promise<void> {
  const { app, logger } = p;
  const shutdown = handleShutdown({ stop: () => app.stop(), logger, ...(p.shutdownDeadlineMs !== undefined ? { deadlineMs: p.shutdownDeadlineMs } : {}) });
  // Only now does a Ctrl-C stop the app (and what it started) instead of killing the process outright.
  p.onSignalsHandled?.();

  logger.info('first poll cycle');
  await app.poller.runCycle().catch((error: unknown) => logger.error('poll cycle failed', { error }));
  app.startSchedule();
  if (p.chat) {
    await runConsoleChat({ input: process.stdin, output: process.stdout, context: app.context, logger, prompt: process.stdin.isTTY === true, gate: app.gate });
    await shutdown.run('end of input');
    shutdown.dispose();
  } else if (!app.telegram && !app.discord) {
    logger.warn('no TELEGRAM_BOT_TOKEN or DISCORD_TOKEN set: polling only (use `npm run chat` to ask questions on the console)');
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string' }, chat: { type: 'boolean', default: false } } });
  const { env, config } = loadSettings(values.config);
  const secrets = collectSecrets(env, config);
  const logger = createLogger({ level: env.LOG_LEVEL, secrets });
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
  let app: App;
  try {
    app = await createApp({ config, env, logger });
  } catch (error) {
    logger.error('cannot start', { error });
    process.stderr.write(`Cannot start: ${createSecretScrubber(secrets)(explainStartFailure(error))}\n`);
    process.exit(EXIT_START_FAILED);
  }
  await runService({ app, logger, chat: values.chat === true });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
