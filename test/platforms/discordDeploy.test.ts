import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import { discordCommandsJson } from '../../src/platforms/discordCommands.ts';
import { deployDiscordCommands } from '../../src/platforms/discordDeploy.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

let fake: FakeDiscord;

async function deploy(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await deployDiscordCommands({ source: env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await fake.close();
});

describe('npm run discord:deploy', () => {
  it('GIVEN the env THEN it registers the commands once and then says they are up to date', async () => {
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_REST_API: fake.apiRoot };
    expect(await deploy(env)).toEqual({ code: 0, out: `Slash commands updated (global): ${commands.map((c) => `/${c.name}`).join(' ')}`, err: '' });
    expect(fake.registeredCommands()?.map((c) => c.name)).toEqual(discordCommandsJson(commands).map((c) => c.name));
    expect(await deploy(env)).toMatchObject({ code: 0, out: expect.stringMatching(/^Slash commands already up to date \(global\)/) as unknown });
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('GIVEN DISCORD_GUILD_ID THEN it registers in that server', async () => {
    const guild = fake.guilds[0]!.id;
    const result = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: guild, DISCORD_REST_API: fake.apiRoot });
    expect(result.out).toMatch(new RegExp(`^Slash commands updated \\(server ${guild}\\)`));
    expect(fake.registeredCommands(guild)).toHaveLength(commands.length);
  });

  it('GIVEN no application id, or a malformed token THEN exit code 2 naming the variable', async () => {
    const missing = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_REST_API: fake.apiRoot });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('DISCORD_APPLICATION_ID is required with DISCORD_TOKEN');
    const malformed = await deploy({ DISCORD_TOKEN: 'hunter2', DISCORD_APPLICATION_ID: fake.applicationId });
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('DISCORD_TOKEN does not look like a bot token');
    expect(fake.calls).toHaveLength(0);
  });

  it('GIVEN a token Discord rejects THEN exit code 1 and a clear message', async () => {
    const result = await deploy({ DISCORD_TOKEN: 'd3Jvbmc.dG9rZW4.bm90LXRoZS1yaWdodC1vbmU', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_REST_API: fake.apiRoot });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
  });
});
