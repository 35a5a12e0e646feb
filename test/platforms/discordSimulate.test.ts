import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, handleCommandText } from '../../commands/registry.ts';
import { commandDescription } from '../../commands/command.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createDiscordBot, readInteractionArguments, type DiscordBot } from '../../src/platforms/discordBot.ts';
import { discordCommandJson } from '../../src/platforms/discordCommands.ts';
import { renderDiscord } from '../../src/platforms/renderDiscord.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeDiscord, type FakeDiscord, type InteractionParams, type Json } from '../fakes/fakeDiscord.ts';

const simulate = commands.find((c) => c.name === 'simulate')!;
const leverage = commands.find((c) => c.name === 'leverage')!;

describe('/simulate and /leverage as Discord slash commands', () => {
  it('GIVEN /simulate THEN typed options: amount an optional NUMBER with its range (without it, the amount buttons), integers, ranges, autocompleted strings', () => {
    const { String: Text, Number: NumberType, Integer } = ApplicationCommandOptionType;
    expect(discordCommandJson(simulate).options).toEqual([
      { name: 'amount', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: NumberType, min_value: 0.000001, max_value: 1e12 },
      { name: 'duration', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: Text, autocomplete: true },
      { name: 'strategy', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: Text, autocomplete: true },
      { name: 'mode', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: Text, autocomplete: true },
      { name: 'compound', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: Text, autocomplete: true },
      { name: 'ltv', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: NumberType, min_value: 0, max_value: 1 },
      { name: 'loops', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: Integer, min_value: 0, max_value: 20 },
      { name: 'borrow', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: NumberType, min_value: 0, max_value: 1 },
      { name: 'lt', description: expect.any(String), description_localizations: { 'zh-CN': expect.any(String) }, type: NumberType, min_value: 0, max_value: 1 },
    ]);
    expect(discordCommandJson(leverage)).toEqual({ type: 1, name: 'leverage', description: commandDescription(english, leverage), description_localizations: { 'zh-CN': commandDescription(translator('zh-CN'), leverage) } });
  });

  it('GIVEN typed values THEN the same arguments as the text, checked by the same ranges (the open ends too)', () => {
    const typed = readInteractionArguments(
      simulate,
      [{ name: 'amount', value: 1000 }, { name: 'duration', value: '6m' }, { name: 'strategy', value: 'semetis' }, { name: 'mode', value: 'loop' }, { name: 'ltv', value: 0.7 }, { name: 'loops', value: 3 }, { name: 'borrow', value: 0.045 }],
      context,
    );
    expect(simulate.run(typed, context)).toEqual(handleCommandText('/simulate 1000 6m seMetis loop ltv=0.7 loops=3 borrow=4.5%', context));
    expect(() => readInteractionArguments(simulate, [{ name: 'amount', value: 0 }], context)).toThrow(expect.objectContaining({ identifier: 'out-of-range' }));
    expect(() => readInteractionArguments(simulate, [{ name: 'amount', value: 10 }, { name: 'ltv', value: 1 }], context)).toThrow(expect.objectContaining({ identifier: 'out-of-range' }));
    expect(() => readInteractionArguments(simulate, [{ name: 'amount', value: 10 }, { name: 'duration', value: '11y' }], context)).toThrow(expect.objectContaining({ identifier: 'invalid-value' }));
  });
});

describe('/simulate and /leverage through discord.js against a local Discord', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = createDiscordBot({ token: fake.token, applicationId: fake.applicationId, restApi: fake.apiRoot, commands, context, logger: silentLogger });
    await bot.start();
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  async function ask(params: InteractionParams) {
    const interaction = fake.dispatchInteraction(params);
    const callback = await fake.waitFor((c) => c.route === 'POST /interactions/:id/:token/callback' && c.path.startsWith(`/interactions/${interaction.id}/`));
    return callback.body as { type: number; data: Json };
  }

  it('GIVEN the registration THEN Discord holds the typed /simulate options', () => {
    const registered = fake.registeredCommands()?.find((c) => c.name === 'simulate') as { options: Json[] } | undefined;
    expect(registered?.options.find((o) => o.name === 'amount')).toMatchObject({ type: ApplicationCommandOptionType.Number, min_value: 0.000001, max_value: 1e12 });
    expect(registered?.options.find((o) => o.name === 'amount')).not.toHaveProperty('required', true);
  });

  it('GIVEN typed options THEN the embed of the same reply as on Telegram and the console', async () => {
    const body = await ask({
      name: 'simulate',
      options: [{ name: 'amount', value: 1000 }, { name: 'duration', value: '1y' }, { name: 'mode', value: 'loop' }, { name: 'ltv', value: 0.7 }, { name: 'loops', value: 3 }, { name: 'borrow', value: 0.045 }],
    });
    const [first] = renderDiscord(handleCommandText('/simulate 1000 1y loop ltv=0.7 loops=3 borrow=4.5%', context)!);
    expect(body.data.embeds).toEqual(first?.embeds);
    expect(JSON.stringify(body.data.embeds)).toContain('2.533 × 12.71%');

    const tower = await ask({ name: 'leverage' });
    expect(tower.data.embeds).toEqual(renderDiscord(handleCommandText('/leverage', context)!)[0]?.embeds);
  });

  it('GIVEN a value out of range THEN the usage line, only to the sender', async () => {
    const body = await ask({ name: 'simulate', options: [{ name: 'amount', value: 1000 }, { name: 'ltv', value: 1 }] });
    expect(Number(body.data.flags ?? 0) & MessageFlags.Ephemeral).not.toBe(0);
    expect(JSON.stringify(body.data)).toContain('ltv must be at least 0 and less than 1, not 1.');
  });

  it('GIVEN a user typing a duration or a strategy THEN autocomplete offers suggestions and the strategies', async () => {
    const duration = await ask({ kind: 'autocomplete', name: 'simulate', options: [{ name: 'amount', value: 1000 }, { name: 'duration', value: 'y', focused: true }] });
    expect((duration.data.choices as { value: string }[]).map((c) => c.value)).toEqual(['1y', '2y', '5y', '10y']);
    const strategy = await ask({ kind: 'autocomplete', name: 'simulate', options: [{ name: 'amount', value: 1000 }, { name: 'strategy', value: '', focused: true }] });
    expect((strategy.data.choices as { value: string }[]).map((c) => c.value)).toEqual(['sequencer', 'seMetis']);
  });
});
