import { ButtonStyle, ComponentType, MessageFlags, PermissionFlagsBits, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { createCommandGate } from '../../commands/commandGate.ts';
import { commands } from '../../commands/registry.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createDiscordBot, type DiscordBot } from '../../src/platforms/discordBot.ts';
import { createDiscordChannelSender } from '../../src/platforms/discordChannelSender.ts';
import { discordComponents } from '../../src/platforms/discordComponents.ts';
import { renderDiscord } from '../../src/platforms/renderDiscord.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { context as fixtureContext } from '../commands/snapshotFixture.ts';
import { startFakeDiscord, type ComponentParams, type FakeDiscord, type InteractionParams, type Json, type RestCall } from '../fakes/fakeDiscord.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';
import { subscriptionService } from '../helpers/subscriptionService.ts';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const MANAGE = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
const CHANNEL = '300000000000000001';
const CHINESE_SET = '本聊天的回复、预警和摘要现在使用中文。';

let fake: FakeDiscord;
let bots: DiscordBot[];
let storages: Storage[];

async function startBot(storage: Storage, base: CommandContext = fixtureContext): Promise<DiscordBot> {
  const bot = createDiscordBot({
    token: fake.token,
    applicationId: fake.applicationId,
    restApi: fake.apiRoot,
    commands,
    context: { ...base, subscriptions: subscriptionService(storage.subscriptions) },
    logger: silentLogger,
    gate: createCommandGate({ rateLimitPerMinute: 0 }),
  });
  bots.push(bot);
  await bot.start();
  return bot;
}

/** The callback of an interaction, once the bot answered it: its type and data, and the message it made. */
async function callbackOf(interaction: { id: string }) {
  const call = await fake.waitFor((c: RestCall) => c.route === CALLBACK && c.path.startsWith(`/interactions/${interaction.id}/`));
  expect(call.status).toBe(204);
  const body = call.body as { type: number; data: Json };
  return { call, type: body.type, data: body.data, message: fake.messages.findLast((m) => m.interactionId === interaction.id)?.message };
}

const command = (params: InteractionParams) => callbackOf(fake.dispatchInteraction(params));
const press = (params: ComponentParams) => callbackOf(fake.pressComponent(params));
const isEphemeral = (data: Json) => (Number(data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
/** The words of an answer: its content, or its embeds' titles and descriptions. */
const words = (data: Json) => [String(data.content ?? ''), ...((data.embeds as Json[] | undefined) ?? []).flatMap((e) => [e.title, e.description].filter((x) => typeof x === 'string'))].join('\n');

beforeEach(async () => {
  fake = await startFakeDiscord();
  bots = [];
  storages = [];
});
afterEach(async () => {
  for (const bot of bots) await bot.stop();
  await fake.close();
  for (const s of storages) s.close();
});

const memoryStore = () => {
  const s = openSqliteStore(':memory:');
  storages.push(s);
  return s;
};

describe('Discord components from reply controls', () => {
  const reply = (controls: Reply['controls']): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['Pick one'] }], controls });

  it('GIVEN a buttons row and a select THEN an action row of Secondary buttons and a string select whose option values are the encoded actions', () => {
    const rows = discordComponents(reply([{ kind: 'buttons', actions: [{ label: '7 d', command: '/chart seMetis 7d', edit: true }] }, { kind: 'select', placeholder: 'Asset', actions: [{ label: 'seMetis', command: '/apy seMetis' }, { label: 'eMetis', command: '/apy eMetis' }] }]).controls);
    expect(rows).toEqual([
      { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: '7 d', custom_id: '1e/chart seMetis 7d' }] },
      { type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: 'menu:1', placeholder: 'Asset', options: [{ label: 'seMetis', value: '1n/apy seMetis' }, { label: 'eMetis', value: '1n/apy eMetis' }] }] },
    ]);
  });

  it('GIVEN more than Discord takes THEN 5 buttons a row, 25 options a menu, 5 rows, labels cut to 80, and buttons that do not encode left out', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `${'L'.repeat(100)}${i}`, command: `/apy a${i}` }));
    const rows = discordComponents(reply([{ kind: 'buttons', actions: [{ label: 'x', command: `/apy ${'y'.repeat(70)}` }, ...many(7)] }, { kind: 'select', placeholder: 'p', actions: many(30) }, ...Array.from({ length: 5 }, (_, k) => ({ kind: 'buttons' as const, actions: [{ label: `row ${k}`, command: `/apy r${k}` }] }))]).controls);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.components).toHaveLength(5);
    expect(rows[0]!.components.every((c) => c.type === ComponentType.Button && (c as { label: string }).label.length <= 80)).toBe(true);
    expect((rows[1]!.components[0] as { options: unknown[] }).options).toHaveLength(25);
    expect(rows.at(-1)!.components[0]).toMatchObject({ label: 'row 2' }); // rows past the fifth are left out
  });

  it('GIVEN a long reply with controls THEN only its last message carries them', () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) => ({ kind: 'paragraph' as const, parts: [`${i} ${'x'.repeat(1000)}`] }));
    const messages = renderDiscord({ kind: 'answer', blocks: paragraphs, controls: [{ kind: 'buttons', actions: [{ label: 'again', command: '/apy' }] }] });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.slice(0, -1).every((m) => m.components === undefined)).toBe(true);
    expect(messages.at(-1)?.components).toHaveLength(1);
  });

  it('GIVEN a channel post (an alert, a digest) with controls THEN the fake Discord takes its components', async () => {
    const bot = await startBot(memoryStore());
    const result = await createDiscordChannelSender(bot.client).send(CHANNEL, reply([{ kind: 'buttons', actions: [{ label: 'Language', command: '/lang' }] }]));
    expect(result).toEqual({ ok: true });
    expect(fake.messages.at(-1)?.message.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'Language', custom_id: '1n/lang' }] }]);
  });
});

describe('Discord: pressing the buttons of /lang', () => {
  it('GIVEN /lang and a press of 中文 by a member with Manage Channels THEN the message is updated into Chinese, and the channel answers in Chinese after', async () => {
    const storage = memoryStore();
    await startBot(storage);
    const menu = await command({ name: 'lang' });
    expect(menu.type).toBe(4);
    expect(menu.data.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'English', custom_id: '1e/lang en' }, { type: 2, style: 2, label: '中文', custom_id: '1e/lang zh' }] }]);

    const pressed = await press({ kind: 'button', messageId: String(menu.message!.id), customId: '1e/lang zh', permissions: MANAGE });
    expect(pressed.type).toBe(7); // UPDATE_MESSAGE
    expect(words(pressed.data)).toContain(CHINESE_SET);
    expect(pressed.data.components).toEqual([]);
    expect(fake.latestMessage(String(menu.message!.id))?.components).toEqual([]);
    expect(storage.subscriptions.language('discord', CHANNEL)).toBe('zh-CN');
    expect(words((await command({ name: 'lang' })).data)).toContain('本聊天的语言：中文');
  });

  it('GIVEN a member without Manage Channels THEN the press is answered privately and nothing changes; a typed /lang zh is refused too', async () => {
    const storage = memoryStore();
    await startBot(storage);
    const menu = await command({ name: 'lang', locale: 'zh-CN' });
    expect(words(menu.data)).toContain("This chat's language: English."); // a channel follows no member's client
    const refused = await press({ kind: 'button', messageId: String(menu.message!.id), customId: '1e/lang zh' });
    expect(refused.type).toBe(4);
    expect(isEphemeral(refused.data)).toBe(true);
    expect(words(refused.data)).toContain('Only members with the Manage Channels permission can change');
    expect(storage.subscriptions.language('discord', CHANNEL)).toBeUndefined();
    expect(fake.latestMessage(String(menu.message!.id))?.components).toHaveLength(1);
    const typed = await command({ name: 'lang', options: [{ name: 'language', value: 'zh' }] });
    expect(isEphemeral(typed.data)).toBe(true);
    expect(storage.subscriptions.language('discord', CHANNEL)).toBeUndefined();
  });

  it('GIVEN a DM whose client is Chinese THEN it is answered in Chinese without /lang, and its own buttons work (a DM is the user’s own)', async () => {
    const storage = memoryStore();
    await startBot(storage);
    const menu = await command({ name: 'lang', guildId: null, locale: 'zh-CN' });
    expect(words(menu.data)).toContain('本聊天的语言：中文');
    const pressed = await press({ kind: 'button', messageId: String(menu.message!.id), customId: '1e/lang en', locale: 'zh-CN' });
    expect(pressed.type).toBe(7);
    expect(words(pressed.data)).toContain('This chat now gets answers, alerts and digests in English.');
  });

  it('GIVEN a press without edit on a menu THEN the answer is a new public reply', async () => {
    const bot = await startBot(memoryStore());
    const posted = (await bot.client.rest.post(Routes.channelMessages(CHANNEL), {
      body: { content: 'menu', components: [{ type: 1, components: [{ type: 3, custom_id: 'menu:0', options: [{ label: 'Language', value: '1n/lang' }] }] }] },
    })) as Json;
    const pressed = await press({ kind: 'select', messageId: String(posted.id), customId: 'menu:0', values: ['1n/lang'] });
    expect(pressed.type).toBe(4);
    expect(isEphemeral(pressed.data)).toBe(false);
    expect(words(pressed.data)).toContain("This chat's language: English.");
  });

  it('GIVEN buttons from an earlier version and forged data THEN each press is answered privately and politely, and the bot keeps answering', async () => {
    const bot = await startBot(memoryStore());
    const data = ['0e/apy', 'garbage', '1x/apy', '1e/no-such', `1e/apy ${'x'.repeat(63)}`];
    const posted = (await bot.client.rest.post(Routes.channelMessages(CHANNEL), {
      body: { content: 'old', components: [{ type: 1, components: data.map((id, i) => ({ type: 2, style: 2, label: `b${i}`, custom_id: id })) }] },
    })) as Json;
    const expected = [/earlier version of the bot/, /does not work/, /does not work/, /no-such/i, /./];
    for (const [i, id] of data.entries()) {
      const answer = await press({ kind: 'button', messageId: String(posted.id), customId: id });
      expect(answer.type, id).toBe(4);
      expect(isEphemeral(answer.data), id).toBe(true);
      expect(words(answer.data), id).toMatch(expected[i]!);
    }
    expect(words((await command({ name: 'lang' })).data)).toContain("This chat's language");
  });

  it('GIVEN a stale button in a Chinese channel THEN the polite answer is in Chinese', async () => {
    const storage = memoryStore();
    storage.subscriptions.setLanguage('discord', CHANNEL, 'zh-CN');
    const bot = await startBot(storage);
    const posted = (await bot.client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'old', components: [{ type: 1, components: [{ type: 2, style: 2, label: 'old', custom_id: '0e/apy' }] }] } })) as Json;
    const answer = await press({ kind: 'button', messageId: String(posted.id), customId: '0e/apy' });
    expect(words(answer.data)).toBe('这个按钮来自机器人的旧版本，已经失效。请重新发送命令。');
  });

  it('GIVEN /lang answered, the bot stopped and a new one started on the same store THEN the old message’s button works', async () => {
    const storage = memoryStore();
    const first = await startBot(storage);
    const menu = await command({ name: 'lang', guildId: null });
    await first.stop();
    bots.splice(bots.indexOf(first), 1);
    await startBot(storage);
    const pressed = await press({ kind: 'button', messageId: String(menu.message!.id), customId: '1e/lang zh' });
    expect(pressed.type).toBe(7);
    expect(words(pressed.data)).toContain(CHINESE_SET);
  });
});

describe('Discord: a chart window button updates the picture', () => {
  it('GIVEN a chart message and a press for another window THEN UPDATE_MESSAGE carries the new embed, its picture as the only attachment, and the components', async () => {
    const history = storeWithHourlyReads();
    storages.push(history);
    const bot = await startBot(history, sequencerChartContext(history));
    const chart = await command({ name: 'chart', options: [{ name: 'name', value: 'sequencers' }] });
    expect(chart.type).toBe(4);
    const posted = (await bot.client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'window', components: [{ type: 1, components: [{ type: 2, style: 2, label: '30 d', custom_id: '1e/chart sequencers 30d' }] }] } })) as Json;
    const pressed = await press({ kind: 'button', messageId: String(posted.id), customId: '1e/chart sequencers 30d' });
    expect(pressed.type).toBe(7);
    expect(pressed.call.files?.map((f) => f.filename)).toHaveLength(1);
    expect(pressed.call.files?.[0]?.data.subarray(1, 4).toString()).toBe('PNG');
    const embed = (pressed.data.embeds as Json[])[0]!;
    expect(String((embed.image as Json).url)).toMatch(/^attachment:\/\//);
    expect(pressed.data.attachments).toEqual([expect.objectContaining({ id: '0' })]);
    expect(pressed.data.content).toBe('');
  });
});

describe('Discord: a press whose command fails', () => {
  it('GIVEN a press whose command throws THEN the member gets the failure reply with its reference, ephemeral, never the error', async () => {
    const broken: CommandContext = {
      ...fixtureContext,
      snapshot: () => {
        throw new Error('the figures are gone');
      },
    };
    const bot = await startBot(memoryStore(), broken);
    const posted = (await bot.client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'menu', components: [{ type: 1, components: [{ type: 2, style: 2, label: 'APY', custom_id: '1n/apy' }] }] } })) as Json;
    const answer = await press({ kind: 'button', messageId: String(posted.id), customId: '1n/apy' });
    expect(answer.type).toBe(4);
    expect(isEphemeral(answer.data)).toBe(true);
    expect(words(answer.data)).toMatch(/Something went wrong answering that; it has been logged with the reference `[0-9a-f]{8}`\./);
    expect(words(answer.data)).not.toContain('the figures are gone');
  });
});
