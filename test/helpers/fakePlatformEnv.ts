import { parseEnv, type Env } from '../../src/config/env.ts';
import type { FakeBotApi } from '../fakes/fakeBotApi.ts';
import type { FakeDiscord } from '../fakes/fakeDiscord.ts';

/** The environment variables that point the bot at the local fakes (either or both). */
export function fakePlatformVars(p: { telegram?: FakeBotApi; discord?: FakeDiscord }): Record<string, string> {
  return {
    ...(p.telegram ? { TELEGRAM_BOT_TOKEN: p.telegram.token, TELEGRAM_API_ROOT: p.telegram.apiRoot } : {}),
    ...(p.discord ? { DISCORD_TOKEN: p.discord.token, DISCORD_APPLICATION_ID: p.discord.applicationId, DISCORD_REST_API: p.discord.apiRoot } : {}),
  };
}

/** Parses variables as the bot does at start; a test with a bad environment fails loudly here. */
export function envFrom(vars: Record<string, string>): Env {
  const parsed = parseEnv(vars);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.env;
}

/** The parsed environment for a bot talking to the given fakes, plus any extra variables. */
export function fakePlatformEnv(p: { telegram?: FakeBotApi; discord?: FakeDiscord }, extra: Record<string, string> = {}): Env {
  return envFrom({ ...fakePlatformVars(p), ...extra });
}
