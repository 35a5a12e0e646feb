import { ApplicationCommandOptionType, PermissionFlagsBits, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { assetNames } from '../../commands/assetNames.ts';
import { commandDescription, type CommandDefinition } from '../../commands/command.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { commands } from '../../commands/registry.ts';
import { commandsMatch, discordCommandJson, discordCommandsJson, registerCommands, type CommandShape } from '../../src/platforms/discordCommands.ts';

/** A command with every kind of option, as a later /alert might look (no messages: its descriptions are the message ids). */
const alertCommand: CommandDefinition = {
  name: 'alert',
  requiresManageChannels: true,
  options: [
    { name: 'asset', type: 'string', choices: (c) => assetNames(c.snapshot()) },
    { name: 'bps', type: 'integer', required: true, min: 1, max: 5000 },
    { name: 'ltv', type: 'number', min: 0, max: 0.95 },
  ],
  run: () => ({ kind: 'answer', blocks: [] }),
};

/** What Discord answers for commands we PUT: ids, version and its own defaults, `required: false` left out. */
function asDiscordReturnsIt(json: readonly CommandShape[]): CommandShape[] {
  return json.map((c, i) => ({
    ...c,
    id: `12345678901234567${i}`,
    application_id: '100000000000000001',
    version: '1300000000000000000',
    default_member_permissions: c.default_member_permissions ?? null,
    dm_permission: true,
    contexts: null,
    integration_types: [0],
    nsfw: false,
    ...(c.options ? { options: c.options.map(({ required, ...o }) => ({ ...o, ...(required ? { required } : {}) })) } : {}),
  }));
}

describe('discordCommandJson', () => {
  it('GIVEN the registry THEN every command keeps its name and its English and Chinese descriptions, and /apy asset is an autocompleted string', () => {
    const json = discordCommandsJson(commands);
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const [i, c] of json.entries()) {
      expect(c.type).toBe(1);
      // Each at most 100 characters in each language, so nothing was cut.
      expect(c.description).toBe(commandDescription(english, commands[i]!));
      expect(c.description_localizations).toEqual({ 'zh-CN': commandDescription(translator('zh-CN'), commands[i]!) });
      for (const text of [c.description, c.description_localizations!['zh-CN']!, ...(c.options ?? []).flatMap((o) => [o.description, o.description_localizations!['zh-CN']!])]) {
        expect(text.length, text).toBeLessThanOrEqual(100);
        expect(text, 'a message is missing').not.toMatch(/^cmd-/);
      }
      // Commands that change what a channel receives are hidden from members without Manage Channels.
      const changesChannel = c.name === 'subscribe' || c.name === 'unsubscribe';
      expect(c.default_member_permissions, c.name).toBe(changesChannel ? PermissionFlagsBits.ManageChannels.toString() : undefined);
    }
    expect(json.find((c) => c.name === 'apy')?.options).toEqual([
      { name: 'asset', description: 'Source or token, e.g. seMetis', description_localizations: { 'zh-CN': '来源或代币，例如 seMetis' }, type: ApplicationCommandOptionType.String, autocomplete: true },
    ]);
  });

  it('GIVEN number and integer ranges, a required option after optional ones and Manage Channels THEN Discord gets them typed, required first', () => {
    expect(discordCommandJson(alertCommand)).toEqual({
      type: 1,
      name: 'alert',
      description: 'cmd-alert',
      description_localizations: { 'zh-CN': 'cmd-alert' },
      default_member_permissions: PermissionFlagsBits.ManageChannels.toString(),
      options: [
        { name: 'bps', description: 'cmd-alert-bps', description_localizations: { 'zh-CN': 'cmd-alert-bps' }, type: ApplicationCommandOptionType.Integer, required: true, min_value: 1, max_value: 5000 },
        { name: 'asset', description: 'cmd-alert-asset', description_localizations: { 'zh-CN': 'cmd-alert-asset' }, type: ApplicationCommandOptionType.String, autocomplete: true },
        { name: 'ltv', description: 'cmd-alert-ltv', description_localizations: { 'zh-CN': 'cmd-alert-ltv' }, type: ApplicationCommandOptionType.Number, min_value: 0, max_value: 0.95 },
      ],
    });
    expect(discordCommandJson(alertCommand).default_member_permissions).toBe('16');
  });

  it('GIVEN a name Discord refuses THEN it throws at once, naming it', () => {
    expect(() => discordCommandJson({ ...alertCommand, name: 'Alert' })).toThrow(/"Alert"/);
    expect(() => discordCommandJson({ ...alertCommand, options: [{ name: 'two words', type: 'string' }] })).toThrow(/"two words"/);
  });
});

describe('commandsMatch', () => {
  const desired = discordCommandsJson([...commands, alertCommand]);

  it('GIVEN what Discord returns for our JSON, in another order THEN it matches (ids, versions and defaults ignored)', () => {
    expect(commandsMatch(desired, asDiscordReturnsIt(desired).reverse())).toBe(true);
  });

  it('GIVEN any difference we set THEN it does not match', () => {
    const returned = asDiscordReturnsIt(desired);
    const change = (i: number, patch: Partial<CommandShape>) => returned.map((c, j) => (j === i ? { ...c, ...patch } : c));
    expect(commandsMatch(desired, change(0, { description: 'old text' }))).toBe(false);
    expect(commandsMatch(desired, change(0, { description_localizations: { 'zh-CN': '旧的说明' } }))).toBe(false);
    expect(commandsMatch(desired, change(desired.length - 1, { default_member_permissions: null }))).toBe(false);
    expect(commandsMatch(desired, returned.slice(1))).toBe(false);
    const alert = returned.at(-1)!;
    const widened = { ...alert, options: alert.options!.map((o) => (o.name === 'bps' ? { ...o, max_value: 10_000 } : o)) };
    expect(commandsMatch(desired, [...returned.slice(0, -1), widened])).toBe(false);
    const reordered = { ...alert, options: [...alert.options!].reverse() };
    expect(commandsMatch(desired, [...returned.slice(0, -1), reordered])).toBe(false);
  });
});

describe('registerCommands', () => {
  function stubRest(current: unknown[]) {
    const calls: { method: string; route: string; body?: unknown }[] = [];
    return {
      calls,
      rest: {
        get: async (route: string) => {
          calls.push({ method: 'GET', route });
          return current;
        },
        put: async (route: string, options?: { body?: unknown }) => {
          calls.push({ method: 'PUT', route, body: options?.body });
          return options?.body;
        },
      },
    };
  }

  it('GIVEN Discord has other commands THEN it overwrites them all in one PUT and says it wrote', async () => {
    const { rest, calls } = stubRest([]);
    expect(await registerCommands({ rest: rest as never, applicationId: '100000000000000001', commands })).toBe(true);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toEqual([`GET ${Routes.applicationCommands('100000000000000001')}`, `PUT ${Routes.applicationCommands('100000000000000001')}`]);
    expect(calls[1]!.body).toEqual(discordCommandsJson(commands));
  });

  it('GIVEN Discord already has them, in a guild THEN it only reads the guild list', async () => {
    const { rest, calls } = stubRest(asDiscordReturnsIt(discordCommandsJson(commands)));
    expect(await registerCommands({ rest: rest as never, applicationId: '100000000000000001', guildId: '200000000000000001', commands })).toBe(false);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toEqual([`GET ${Routes.applicationGuildCommands('100000000000000001', '200000000000000001')}`]);
  });
});
