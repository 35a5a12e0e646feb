import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import { translator } from '../../src/i18n/translator.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import { createDiscordBot, type DiscordBot } from '../../src/platforms/discordBot.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegramBot.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord, type Json } from '../fakes/fakeDiscord.ts';
import { subscriptionService } from '../helpers/subscriptionService.ts';

const zh = translator('zh-CN');
const en = translator('en');

describe('command menus per language, as the platforms hold them', () => {
  let telegram: FakeBotApi;
  let discord: FakeDiscord;
  let telegramBot: TelegramBot;
  let discordBot: DiscordBot;

  beforeAll(async () => {
    [telegram, discord] = await Promise.all([startFakeBotApi(), startFakeDiscord()]);
    telegramBot = createTelegramBot({ token: telegram.token, apiRoot: telegram.apiRoot, commands, context, logger: silentLogger });
    discordBot = createDiscordBot({ token: discord.token, applicationId: discord.applicationId, restApi: discord.apiRoot, commands, context, logger: silentLogger });
    await Promise.all([telegramBot.start(), discordBot.start()]);
  });
  afterAll(async () => {
    await telegramBot?.stop();
    await discordBot?.stop();
    await telegram?.close();
    await discord?.close();
  });

  it('GIVEN Telegram THEN the default menu is English and the zh menu Chinese, for every command', () => {
    expect(telegram.getCommands()).toEqual(commands.map((c) => ({ command: c.name, description: en(`cmd-${c.name}`) })));
    expect(telegram.getCommands(undefined, 'zh')).toEqual(commands.map((c) => ({ command: c.name, description: zh(`cmd-${c.name}`) })));
    expect(telegram.getCommands(undefined, 'zh')!.every((c) => !/\bcmd-/.test((c as { description: string }).description))).toBe(true);
  });

  it('GIVEN Discord THEN each command and option is described in English with its zh-CN localization', () => {
    const registered = discord.registeredCommands()!;
    for (const c of commands) {
      const stored = registered.find((r) => r.name === c.name)!;
      expect(stored.description).toBe(en(`cmd-${c.name}`));
      expect(stored.description_localizations).toEqual({ 'zh-CN': zh(`cmd-${c.name}`) });
      for (const o of c.options) {
        const option = (stored.options as Json[]).find((x) => x.name === o.name)!;
        expect(option.description_localizations, `${c.name} ${o.name}`).toEqual({ 'zh-CN': zh(`cmd-${c.name}-${o.name}`) });
      }
    }
  });
});

describe('the console shows a reply’s buttons as the commands they run', () => {
  let storage: Storage;
  beforeAll(() => {
    storage = openSqliteStore(':memory:');
  });
  afterAll(() => storage?.close());

  it('GIVEN /lang, /lang zh, /lang THEN the buttons line follows each menu, in the chat’s language', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const withStore = { ...context, subscriptions: subscriptionService(storage.subscriptions) };
    await runConsoleChat({ input: Readable.from(['/lang\n', '/lang zh\n', '/lang\n']), output, context: withStore, logger: silentLogger });
    expect(printed).toContain("This chat's language: English. Admins can change it with the buttons or /lang en, /lang zh.\n\nButtons: [English] /lang en · [中文] /lang zh\n\n");
    expect(printed).toContain('本聊天的回复、预警和摘要现在使用中文。\n\n本聊天的语言');
    expect(printed).toContain('本聊天的语言：中文。管理员可以用按钮或 /lang en、/lang zh 更改。\n\n按钮：[English] /lang en · [中文] /lang zh\n\n');
    expect(printed).not.toMatch(/\b(button|lang)-[a-z]/);
  });
});
