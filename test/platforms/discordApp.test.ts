import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { parseEnv } from '../../src/config/env.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { envFrom, fakePlatformEnv } from '../helpers/fakePlatformEnv.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { DiscordStartError } from '../../src/platforms/discordBot.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

let fake: FakeDiscord;
const config = () => loadConfig('config/devnet.yaml', { METIS_BOT_DB: join(mkdtempSync(join(tmpdir(), 'discord-app-')), 'bot.db') });

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await fake.close();
});

describe('createApp with Discord', () => {
  it('GIVEN only DISCORD_TOKEN THEN Discord starts without Telegram, answers from the app context and stops with the app', async () => {
    const app = await createApp({
      config: config(),
      env: fakePlatformEnv({ discord: fake }),
      logger: silentLogger,
    });
    try {
      expect(app.discord).toBeDefined();
      expect(app.telegram).toBeUndefined();
      expect(fake.identifies).toHaveLength(1);
      const interaction = fake.dispatchInteraction({ name: 'status' });
      const callback = await fake.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
      expect((callback.body as { type: number }).type).toBe(4);
    } finally {
      await app.stop();
    }
    expect(app.discord?.client.isReady()).toBe(false);
  });

  it('GIVEN a token Discord rejects THEN createApp rejects with the clear error', async () => {
    const start = createApp({
      config: config(),
      env: envFrom({ DISCORD_TOKEN: 'd3Jvbmc.dG9rZW4.bm90LXRoZS1yaWdodC1vbmU', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_REST_API: fake.apiRoot }),
      logger: silentLogger,
    });
    await expect(start).rejects.toBeInstanceOf(DiscordStartError);
  });

  it('GIVEN DISCORD_TOKEN without DISCORD_APPLICATION_ID THEN the environment is refused before anything starts', () => {
    expect(parseEnv({ DISCORD_TOKEN: fake.token })).toEqual({
      problems: ['DISCORD_APPLICATION_ID: DISCORD_APPLICATION_ID is required with DISCORD_TOKEN (Developer Portal → General Information → Application ID)'],
    });
    expect(parseEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: '42', DISCORD_REST_API: 'not a url' })).toMatchObject({
      problems: [expect.stringContaining('DISCORD_APPLICATION_ID must be the Application ID'), expect.stringContaining('DISCORD_REST_API must be a URL')],
    });
  });
});
