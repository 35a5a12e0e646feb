import { GatewayIntentBits, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetNames } from '../../commands/assetNames.ts';
import type { CommandContext, CommandDefinition } from '../../commands/command.ts';
import { commands, runCommand, usageReply } from '../../commands/registry.ts';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { UserError } from '../../commands/userError.ts';
import { createLogger } from '../../src/log/logger.ts';
import { explainStartFailure } from '../../src/main.ts';
import { autocompleteChoices, createDiscordBot, DiscordStartError, type DiscordBot, type DiscordOptions } from '../../src/platforms/discordBot.ts';
import { discordCommandsJson } from '../../src/platforms/discordCommands.ts';
import { renderDiscord } from '../../src/platforms/renderDiscord.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeDiscord, type FakeDiscord, type InteractionParams, type Json, type RestCall } from '../fakes/fakeDiscord.ts';

/** A Manage Channels command with typed options, as a later /alert might look. */
const alertCommand: CommandDefinition = {
  name: 'alert',
  requiresManageChannels: true,
  options: [
    { name: 'bps', type: 'integer', required: true, min: 1, max: 5000 },
    { name: 'asset', type: 'string', choices: (c) => assetNames(c.snapshot()) },
  ],
  run: (args) => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: [`Alert at ${String(args.bps)} bps for ${String(args.asset ?? 'every asset')}.`] }] }),
};
const testCommands = [...commands, alertCommand];
const testContext: CommandContext = { ...context, commands: () => testCommands };

const CALLBACK = 'POST /interactions/:id/:token/callback';
const MANAGE = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

/** What a reader sees of escaped markdown: inline-code ticks, escapes and bold markers gone. */
const visible = (markdown: string) =>
  markdown
    .replace(/(?<!\\)`([^`\n]+)`/g, '$1')
    .replace(/\\([^A-Za-z0-9\s])/g, '$1')
    .replace(/\*\*/g, '');

let fake: FakeDiscord;
let bots: DiscordBot[];
let logs: Json[];

async function startBot(overrides: Partial<DiscordOptions> = {}): Promise<DiscordBot> {
  const bot = createDiscordBot({
    token: fake.token,
    applicationId: fake.applicationId,
    restApi: fake.apiRoot,
    commands: testCommands,
    context: testContext,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Json) }),
    ...overrides,
  });
  bots.push(bot);
  await bot.start();
  return bot;
}

/** Dispatches an interaction and resolves with Discord's record of its callback. */
async function ask(params: InteractionParams) {
  const interaction = fake.dispatchInteraction(params);
  const callback = await fake.waitFor((c) => c.route === CALLBACK && c.path.startsWith(`/interactions/${interaction.id}/`));
  expect(callback.status).toBe(204);
  return { interaction, callback, body: callback.body as { type: number; data: Json } };
}

/** The reply the command gives through the text path, rendered the Discord way. */
function expected(command: string, words: string[] = []): { reply: Reply; data: Json } {
  const reply = runCommand(testCommands.find((c) => c.name === command)!, words, testContext);
  const [first] = renderDiscord(reply);
  return { reply, data: { ...(first?.content ? { content: first.content } : {}), embeds: first?.embeds ?? [] } };
}

const isEphemeral = (data: Json) => ((Number(data.flags ?? 0) & MessageFlags.Ephemeral) !== 0);
const puts = () => fake.calls.filter((c: RestCall) => c.method === 'PUT');

beforeEach(async () => {
  fake = await startFakeDiscord();
  bots = [];
  logs = [];
});

afterEach(async () => {
  for (const bot of bots) await bot.stop();
  await fake.close();
});

describe('Discord bot against a fake Discord', () => {
  it('GIVEN a start THEN it identifies with the Guilds intent only and registers the commands generated from the definitions', async () => {
    await startBot();
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(puts()[0]?.body).toEqual(discordCommandsJson(testCommands));
    expect(fake.registeredCommands()?.map((c) => c.name)).toEqual(testCommands.map((c) => c.name));
  });

  it('GIVEN a restart with the same commands THEN it reads them and does not PUT again; a change is written once', async () => {
    await startBot();
    await bots.pop()!.stop();
    await startBot();
    expect(puts()).toHaveLength(1);
    expect(fake.calls.filter((c) => c.route === 'GET /applications/:app/commands')).toHaveLength(2);

    await bots.pop()!.stop();
    await startBot({ commands: commands });
    expect(puts()).toHaveLength(2);
    expect(puts()[1]?.body).toEqual(discordCommandsJson(commands));
  });

  it('GIVEN DISCORD_GUILD_ID THEN the commands are registered in that server', async () => {
    const guildId = fake.guilds[0]!.id;
    await startBot({ guildId });
    expect(puts().map((c) => c.path)).toEqual([`/applications/${fake.applicationId}/guilds/${guildId}/commands`]);
    expect(fake.registeredCommands(guildId)).toHaveLength(testCommands.length);
    expect(fake.registeredCommands()).toBeUndefined();
  });

  it('GIVEN /apy, /status and /help THEN each is answered publicly with the embed of the same reply, pinging no one', async () => {
    await startBot();
    for (const name of ['apy', 'status', 'help']) {
      const { body } = await ask({ name });
      const { reply, data } = expected(name);
      expect(body.type).toBe(4);
      expect(body.data).toMatchObject(data);
      expect(isEphemeral(body.data)).toBe(false);
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
      // and a reader sees every paragraph and list item of the reply
      const description = visible(String((body.data.embeds as Json[])[0]?.description ?? ''));
      for (const block of reply.blocks) {
        if (block.kind === 'paragraph') expect(description).toContain(plainText(block.parts));
        if (block.kind === 'list') for (const item of block.items) expect(description).toContain(plainText(item));
      }
    }
    expect(fake.messages.map((m) => m.kind)).toEqual(['reply', 'reply', 'reply']);
  });

  it('GIVEN an interaction from a server the bot has left, or a DM THEN it is still answered, no crash', async () => {
    await startBot();
    for (const guildId of ['999999999999999999', null]) {
      const { body } = await ask({ name: 'status', guildId });
      expect(body.type).toBe(4);
      expect(body.data).toMatchObject(expected('status').data);
    }
  });

  it('GIVEN /apy with an asset typed in another case THEN that source is described', async () => {
    await startBot();
    const { body } = await ask({ name: 'apy', options: [{ name: 'asset', value: 'SEMETIS' }] });
    expect(body.data).toMatchObject(expected('apy', ['seMetis']).data);
    expect((body.data.embeds as Json[])[0]?.title).toBe('seMetis \\<vault> & co');
  });

  it('GIVEN an unknown asset or a number out of range THEN an ephemeral usage reply, worded as on every platform', async () => {
    await startBot();
    const unknown = await ask({ name: 'apy', options: [{ name: 'asset', value: 'doge' }] });
    expect(unknown.body.type).toBe(4);
    expect(isEphemeral(unknown.body.data)).toBe(true);
    expect(unknown.body.data.content).toBe(expected('apy', ['doge']).data.content);
    expect(visible(String(unknown.body.data.content))).toMatch(/^Unknown asset "doge"\. Known: .*\nUsage: \/apy \[asset\]$/);

    const range = await ask({ name: 'alert', options: [{ name: 'bps', value: 9999 }], permissions: MANAGE });
    expect(isEphemeral(range.body.data)).toBe(true);
    expect(range.body.data.content).toBe(expected('alert', ['bps=9999']).data.content);
    expect(String(range.body.data.content)).toContain('bps must be between 1 and 5,000, not 9,999.');
    expect(range.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a command Discord still shows but we no longer define THEN an ephemeral explanation', async () => {
    await startBot();
    const { body } = await ask({ name: 'retired' });
    const words = renderDiscord(usageReply(new UserError('unknown-command', { command: '/retired' }), undefined, testContext))[0]?.content;
    expect(isEphemeral(body.data)).toBe(true);
    expect(body.data.content).toBe(words);
    expect(visible(String(words))).toContain('Unknown command /retired.');
  });

  it('GIVEN a Manage Channels command THEN in a server only members with that permission get an answer; a DM is the user\'s own', async () => {
    await startBot();
    const member = await ask({ name: 'alert', options: [{ name: 'bps', value: 50 }] });
    expect(isEphemeral(member.body.data)).toBe(true);
    expect(visible(String(member.body.data.content))).toContain('/alert changes what #yields receives, so it needs the Manage Channels permission there');

    const dm = await ask({ name: 'alert', options: [{ name: 'bps', value: 50 }], guildId: null });
    expect(isEphemeral(dm.body.data)).toBe(false);
    expect((dm.body.data.embeds as Json[])[0]?.description).toBe('Alert at 50 bps for every asset.');

    const admin = await ask({ name: 'alert', options: [{ name: 'bps', value: 50 }, { name: 'asset', value: 'semetis' }], permissions: MANAGE });
    expect(isEphemeral(admin.body.data)).toBe(false);
    expect((admin.body.data.embeds as Json[])[0]?.description).toBe('Alert at 50 bps for seMetis.');
  });

  it('GIVEN a user typing an asset THEN autocomplete offers the matching names, at most 25', async () => {
    await startBot();
    const names = assetNames(testContext.snapshot());
    for (const typed of ['se', 'METIS', '', 'zzz']) {
      const { body } = await ask({ kind: 'autocomplete', name: 'apy', options: [{ name: 'asset', value: typed, focused: true }] });
      expect(body.type).toBe(8);
      const offered = (body.data.choices as { name: string; value: string }[]).map((c) => c.value);
      const wanted = typed.toLowerCase();
      // every name containing what was typed, those starting with it first
      expect([...offered].sort()).toEqual(names.filter((n) => n.toLowerCase().includes(wanted)).sort());
      const firstInner = offered.findIndex((n) => !n.toLowerCase().startsWith(wanted));
      if (firstInner >= 0) expect(offered.slice(firstInner).some((n) => n.toLowerCase().startsWith(wanted))).toBe(false);
    }
    expect(names.length).toBeGreaterThan(1);
    expect(autocompleteChoices(Array.from({ length: 40 }, (_, i) => `asset${i}`), 'asset')).toHaveLength(25);
    // A right-to-left override or a zero-width space typed along does not hide the match.
    expect(autocompleteChoices(['seMetis', 'eMetis', 'artMetis'], '\u202Ese\u200BM')).toEqual(['seMetis']);
  });

  it('GIVEN a slow command THEN it is deferred at once and the answer edits the deferred reply', async () => {
    await startBot({ slowCommands: ['status'] });
    const { interaction, body } = await ask({ name: 'status' });
    expect(body.type).toBe(5);
    const edit = await fake.waitFor((c) => c.route === 'PATCH /webhooks/:app/:token/messages/:message' && c.path.includes(interaction.token));
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject(expected('status').data);
    expect((edit.body as Json).allowed_mentions).toEqual({ parse: [] });

    // a mistake is found before deferring, so it stays private
    const mistake = await ask({ name: 'status', options: [{ name: 'extra', value: 'x' }] });
    expect(mistake.body.type).toBe(4);
    expect(isEphemeral(mistake.body.data)).toBe(true);
  });

  it('GIVEN a command that throws THEN the user gets a private apology with a reference, the error is logged with it and the bot goes on', async () => {
    const boom: CommandDefinition = { name: 'boom', options: [], run: () => { throw new Error('kaput'); } };
    await startBot({ commands: [...testCommands, boom] });
    const { body } = await ask({ name: 'boom' });
    expect(isEphemeral(body.data)).toBe(true);
    const content = String(body.data.content);
    expect(content).toMatch(/^Something went wrong answering that; it has been logged with the reference `[0-9a-f]{8}`\.$/);
    expect(content).not.toContain('kaput');
    const ref = /`(\w+)`/.exec(content)?.[1];
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'command handler failed', command: 'boom', ref, error: expect.objectContaining({ message: 'kaput' }) }));
    expect((await ask({ name: 'help' })).body.type).toBe(4);
  });

  it('GIVEN a reply Discord refuses THEN the refusal is logged without the interaction token, and the bot goes on', async () => {
    await startBot();
    const interaction = fake.dispatchInteraction({ name: 'help' });
    // Both the answer and the apology are refused; the client sees the fault only after this line runs.
    fake.failNext(`POST /interactions/${interaction.id}/${interaction.token}/callback`, { status: 400, code: 50035, message: 'Invalid Form Body', times: 2 });
    await fake.waitFor(() => fake.responsesTo(interaction).filter((c) => c.status === 400).length === 2);
    const logged = JSON.stringify(logs);
    expect(logged).toContain('Discord refused a call');
    expect(logged).not.toContain(interaction.token);
    expect((await ask({ name: 'help' })).body.type).toBe(4);
  });
});

describe('the gateway connection', () => {
  it('GIVEN a short heartbeat interval THEN the client beats and the fake acknowledges', async () => {
    await fake.close();
    fake = await startFakeDiscord({ heartbeatIntervalMs: 25 });
    await startBot();
    const beat = await fake.waitForFrame((f) => f.direction === 'in' && f.op === 1);
    const ack = await fake.waitForFrame((f) => f.direction === 'out' && f.op === 11 && f.index > beat.index);
    expect(ack.connection).toBe(beat.connection);
    expect(fake.frames.filter((f) => f.direction === 'out' && f.t === 'READY')).toHaveLength(1);
  });
});

describe('Discord start failures', () => {
  it('GIVEN a wrong token THEN start rejects with a clear error (REST answers 401)', async () => {
    const bot = createDiscordBot({ token: 'd3Jvbmc.dG9rZW4.bm90LXRoZS1yaWdodC1vbmU', applicationId: fake.applicationId, restApi: fake.apiRoot, commands, context, logger: createLogger({ level: 'silent' }) });
    const error = await bot.start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordStartError);
    expect((error as DiscordStartError).problem).toBe('token-rejected');
    expect(explainStartFailure(error)).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
    expect(fake.calls.map((c) => `${c.route} ${c.status}`)).toEqual(['GET /gateway/bot 401']);
    expect(puts()).toHaveLength(0);
  });

  it('GIVEN a token the gateway refuses (close 4004) THEN the same clear error', async () => {
    await fake.close();
    fake = await startFakeDiscord({ identifyCloseCode: 4004 });
    const bot = createDiscordBot({ token: fake.token, applicationId: fake.applicationId, restApi: fake.apiRoot, commands, context, logger: createLogger({ level: 'silent' }) });
    await expect(bot.start()).rejects.toThrow(/^Discord rejected DISCORD_TOKEN/);
    expect(fake.identifies).toHaveLength(0);
  });

  it('GIVEN DISCORD_APPLICATION_ID of another application THEN start rejects naming both ids, before registering anything', async () => {
    const bot = createDiscordBot({ token: fake.token, applicationId: '999999999999999999', restApi: fake.apiRoot, commands, context, logger: createLogger({ level: 'silent' }) });
    await expect(bot.start()).rejects.toThrow(`DISCORD_APPLICATION_ID 999999999999999999 is not the application of DISCORD_TOKEN (${fake.applicationId})`);
    expect(fake.calls.filter((c) => c.route.includes('/commands'))).toHaveLength(0);
  });
});
