import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { createCommandGate } from '../../commands/commandGate.ts';
import { commands, handleCommandText } from '../../commands/registry.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { renderTelegram } from '../../src/platforms/renderTelegramHtml.ts';
import { Api } from 'grammy';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegramBot.ts';
import { createTelegramSender } from '../../src/platforms/telegramSender.ts';
import { telegramKeyboard } from '../../src/platforms/telegramKeyboard.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { context as fixtureContext } from '../commands/snapshotFixture.ts';
import { startFakeBotApi, type FakeBotApi, type FakeCall } from '../fakes/fakeBotApi.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { storeWithHourlyReads } from '../helpers/sequencerHistory.ts';
import { subscriptionService } from '../helpers/subscriptionService.ts';

const SENTINEL = 9_999;
const GROUP = -100_777;
const ADMIN = 81;
const MEMBER = 82;
const ENGLISH_SET = 'This chat now gets answers, alerts and digests in English.';
const CHINESE_SET = '本聊天的回复、预警和摘要现在使用中文。';

/** A bot on the fake Bot API over `storage`, answering from `base` with the store's subscriptions; no rate limit. */
async function startBot(fake: FakeBotApi, storage: Storage, base: CommandContext = fixtureContext): Promise<TelegramBot> {
  const bot = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    commands,
    context: { ...base, subscriptions: subscriptionService(storage.subscriptions) },
    logger: silentLogger,
    gate: createCommandGate({ rateLimitPerMinute: 0 }),
    replyRetryAttempts: 0,
  });
  await bot.start();
  return bot;
}

/** Drives one fake Bot API: every update before a settle has been handled once it returns (grammY handles them in order). */
function driver(fake: FakeBotApi) {
  async function settle(): Promise<void> {
    fake.sendUserMessage({ chatId: SENTINEL, text: '/help' });
    await fake.nextMessageTo(SENTINEL);
  }
  return {
    settle,
    /** Sends a command and resolves with the bot's message in answer. */
    async type(chatId: number, text: string, more: { userId?: number; languageCode?: string } = {}) {
      fake.sendUserMessage({ chatId, text, ...more });
      return fake.nextMessageTo(chatId);
    },
    /** Presses a button; resolves with the calls the bot made for it (the sentinel's own left out). */
    async press(chatId: number, messageId: number, data: string, more: { userId?: number; languageCode?: string } = {}): Promise<FakeCall[]> {
      const since = fake.calls.length;
      fake.pressButton({ chatId, messageId, data, ...more });
      await settle();
      return fake.calls.slice(since).filter((c) => c.payload.chat_id !== SENTINEL && c.method !== 'getChatMember');
    },
  };
}

const methods = (calls: FakeCall[]) => calls.map((c) => c.method);
const answerOf = (calls: FakeCall[]) => calls.find((c) => c.method === 'answerCallbackQuery')!;

describe('Telegram keyboards from reply controls', () => {
  const reply = (controls: Reply['controls']): Reply => ({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['Pick one'] }], controls });

  it('GIVEN a buttons row and a select of seven THEN one row of buttons and the select as rows of at most three, each callback_data its encoded action', () => {
    const select = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => ({ label: x.toUpperCase(), command: `/apy ${x}` }));
    const keyboard = telegramKeyboard(reply([{ kind: 'buttons', actions: [{ label: '7 d', command: '/chart seMetis 7d', edit: true }] }, { kind: 'select', placeholder: 'Asset', actions: select }]).controls);
    expect(keyboard?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([['7 d'], ['A', 'B', 'C'], ['D', 'E', 'F'], ['G']]);
    expect(keyboard?.inline_keyboard[0]![0]).toEqual({ text: '7 d', callback_data: '1e/chart seMetis 7d' });
    for (const row of keyboard!.inline_keyboard) for (const b of row) expect(Buffer.byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
  });

  it('GIVEN a button whose command line does not fit in 64 bytes, or an empty label THEN it is left out, and a row left empty goes', () => {
    const long = { label: 'long', command: `/sequencers ${'x'.repeat(60)}` };
    expect(encodeAction(long)).toBeUndefined();
    const keyboard = telegramKeyboard(reply([{ kind: 'buttons', actions: [long, { label: ' ', command: '/apy' }] }, { kind: 'buttons', actions: [long, { label: 'ok', command: '/apy' }] }]).controls);
    expect(keyboard).toEqual({ inline_keyboard: [[{ text: 'ok', callback_data: '1n/apy' }]] });
    expect(telegramKeyboard(reply([{ kind: 'buttons', actions: [long] }]).controls)).toBeUndefined();
  });

  it('GIVEN a long reply with buttons THEN only its last message carries the keyboard', () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) => ({ kind: 'paragraph' as const, parts: [`${i} ${'x'.repeat(300)}`] }));
    const long: Reply = { kind: 'answer', blocks: paragraphs, controls: [{ kind: 'buttons', actions: [{ label: 'again', command: '/apy' }] }] };
    const out = renderTelegram(long);
    expect(out.length).toBeGreaterThan(1);
    expect(out.slice(0, -1).every((m) => m.keyboard === undefined)).toBe(true);
    expect(out.at(-1)?.keyboard).toEqual({ inline_keyboard: [[{ text: 'again', callback_data: '1n/apy' }]] });
  });
});

describe('Telegram: pressing the buttons of /lang', () => {
  let fake: FakeBotApi;
  let storage: Storage;
  let bot: TelegramBot;
  let drive: ReturnType<typeof driver>;

  beforeAll(async () => {
    fake = await startFakeBotApi();
    fake.setAdmins(GROUP, { [ADMIN]: 'administrator', [MEMBER]: 'member' });
    storage = openSqliteStore(':memory:');
    bot = await startBot(fake, storage);
    drive = driver(fake);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    storage?.close();
  });

  it('GIVEN /lang in a private chat THEN its answer carries a button per language, each labelled in its own language', async () => {
    const sent = await drive.type(11, '/lang');
    expect(sent.plain).toBe("This chat's language: English. Admins can change it with the buttons or /lang en, /lang zh.");
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: 'English', callback_data: '1e/lang en' }, { text: '中文', callback_data: '1e/lang zh' }]] });
  });

  it('GIVEN a press of 中文 THEN the same message is edited into Chinese, the query answered without a pop-up, and the chat answers in Chinese after', async () => {
    const menu = await drive.type(12, '/lang');
    const calls = await drive.press(12, menu.message_id, '1e/lang zh');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(answerOf(calls).payload.text).toBeUndefined();
    const edited = fake.messagesTo(12).at(-1)!;
    expect(edited).toMatchObject({ method: 'editMessageText', message_id: menu.message_id, plain: CHINESE_SET });
    expect(edited.reply_markup).toBeUndefined(); // the answer has no buttons: the keyboard goes
    expect(storage.subscriptions.language('telegram', '12')).toBe('zh-CN');
    const again = await drive.type(12, '/lang');
    expect(again.plain).toBe('本聊天的语言：中文。管理员可以用按钮或 /lang en、/lang zh 更改。');
    expect(again.plain).not.toMatch(/\blang-[a-z]/);
  });

  it('GIVEN a press of the button that changes nothing THEN Telegram says "not modified", which is ignored: no new message, the query answered', async () => {
    const menu = await drive.type(13, '/lang');
    const calls = await drive.press(13, menu.message_id, '1e/lang');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(calls[1]!.status).toBe(400);
    expect(fake.messagesTo(13)).toHaveLength(1);
  });

  it('GIVEN a press without edit THEN the answer comes as a new message under the old one', async () => {
    const menu = await drive.type(14, '/lang');
    const calls = await drive.press(14, menu.message_id, '1n/lang en');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(fake.messagesTo(14).map((m) => [m.method, m.plain])).toEqual([['sendMessage', menu.plain], ['sendMessage', ENGLISH_SET]]);
  });

  it('GIVEN the message under the button is gone THEN the answer comes as a new message', async () => {
    const menu = await drive.type(15, '/lang');
    fake.failNext('editMessageText', { status: 400, description: 'Bad Request: message to edit not found' });
    const calls = await drive.press(15, menu.message_id, '1e/lang zh');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'editMessageText', 'sendMessage']);
    expect(fake.messagesTo(15).at(-1)).toMatchObject({ method: 'sendMessage', plain: CHINESE_SET });
  });

  it('GIVEN a private chat whose client is Chinese THEN it is answered in Chinese without /lang', async () => {
    const sent = await drive.type(16, '/lang', { languageCode: 'zh-hans' });
    expect(sent.plain).toBe('本聊天的语言：中文。管理员可以用按钮或 /lang en、/lang zh 更改。');
    expect(storage.subscriptions.language('telegram', '16')).toBeUndefined();
  });

  it('GIVEN a group THEN it stays English for a Chinese client; a member pressing 中文 is told privately and nothing changes; an admin’s press turns it Chinese', async () => {
    const menu = await drive.type(GROUP, '/lang', { userId: MEMBER, languageCode: 'zh' });
    expect(menu.plain).toContain("This chat's language: English.");

    const refused = await drive.press(GROUP, menu.message_id, '1e/lang zh', { userId: MEMBER, languageCode: 'zh' });
    expect(methods(refused)).toEqual(['answerCallbackQuery']);
    expect(answerOf(refused).payload).toMatchObject({ show_alert: true, text: expect.stringContaining("Only this group's admins can change") });
    expect(storage.subscriptions.language('telegram', String(GROUP))).toBeUndefined();
    expect(fake.messagesTo(GROUP)).toHaveLength(1);

    const typed = await drive.type(GROUP, '/lang zh', { userId: MEMBER });
    expect(typed.plain).toContain("Only this group's admins can change");
    expect(storage.subscriptions.language('telegram', String(GROUP))).toBeUndefined();

    const done = await drive.press(GROUP, menu.message_id, '1e/lang zh', { userId: ADMIN });
    expect(methods(done)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(fake.messagesTo(GROUP).at(-1)).toMatchObject({ method: 'editMessageText', message_id: menu.message_id, plain: CHINESE_SET });
    expect((await drive.type(GROUP, '/lang', { userId: MEMBER })).plain).toContain('本聊天的语言：中文');
  });

  it('GIVEN stale and forged data THEN each press gets a polite private answer, nothing is sent to the chat, and the bot keeps answering', async () => {
    const menu = await drive.type(17, '/lang');
    const cases: [string, RegExp][] = [
      ['0e/apy', /earlier version of the bot/],
      ['garbage', /does not work\. Please type the command/],
      ['1x/apy', /does not work\. Please type the command/],
      ['1e/no-such', /Unknown command|unknown command|no-such/i],
      [`1e/apy ${'x'.repeat(63)}`, /./],
    ];
    for (const [data, expected] of cases) {
      const calls = await drive.press(17, menu.message_id, data);
      expect(methods(calls), data).toEqual(['answerCallbackQuery']);
      expect(answerOf(calls).status, data).toBe(200);
      expect(answerOf(calls).payload, data).toMatchObject({ show_alert: true, text: expect.stringMatching(expected) });
      expect([...String(answerOf(calls).payload.text)].length).toBeLessThanOrEqual(200);
    }
    expect(fake.messagesTo(17)).toHaveLength(1);
    expect((await drive.type(17, '/lang')).plain).toContain("This chat's language");
  });

  it('GIVEN a stale button in a Chinese chat THEN the polite answer is in Chinese', async () => {
    const menu = await drive.type(18, '/lang', { languageCode: 'zh-CN' });
    const calls = await drive.press(18, menu.message_id, '0e/apy', { languageCode: 'zh-CN' });
    expect(answerOf(calls).payload).toMatchObject({ show_alert: true, text: '这个按钮来自机器人的旧版本，已经失效。请重新发送命令。' });
  });
});

describe('Telegram: a chart window button edits the picture into another', () => {
  let fake: FakeBotApi;
  let history: ReturnType<typeof storeWithHourlyReads>;
  let bot: TelegramBot;
  let drive: ReturnType<typeof driver>;

  beforeAll(async () => {
    fake = await startFakeBotApi();
    history = storeWithHourlyReads();
    bot = await startBot(fake, history, sequencerChartContext(history));
    drive = driver(fake);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    history?.close();
  });

  it('GIVEN a chart photo and a press for another window THEN editMessageMedia puts the new picture, caption and keyboard on the same message', async () => {
    const chart = await drive.type(21, '/chart sequencers');
    expect(chart.method).toBe('sendPhoto');
    const calls = await drive.press(21, chart.message_id, '1e/chart sequencers 30d');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'editMessageMedia']);
    const edit = fake.messagesTo(21).at(-1)!;
    expect(edit).toMatchObject({ method: 'editMessageMedia', message_id: chart.message_id });
    expect(edit.plain).toContain('last 30 d');
    expect(Buffer.isBuffer(edit.photo) && !(edit.photo as Buffer).equals(chart.photo as Buffer)).toBe(true);
    const expected = handleCommandText('/chart sequencers 30d', sequencerChartContext(history))!;
    expect(edit.reply_markup).toEqual(telegramKeyboard(expected.controls));
  });

  it('GIVEN a text answer pressed under the picture THEN Telegram cannot edit one into the other: it comes as a new message', async () => {
    const chart = await drive.type(22, '/chart sequencers');
    const calls = await drive.press(22, chart.message_id, '1e/lang');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(fake.messagesTo(22).at(-1)?.plain).toContain("This chat's language: English.");
  });
});

describe('Telegram: a restart between sending and pressing', () => {
  let dir: string;
  let fake: FakeBotApi;
  afterEach(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN /lang answered, the bot stopped and a new one started on the same store THEN the old message’s button works', async () => {
    dir = mkdtempSync(join(tmpdir(), 'buttons-restart-'));
    fake = await startFakeBotApi();
    const path = join(dir, 'bot.db');
    let storage = openSqliteStore(path);
    let bot = await startBot(fake, storage);
    const menu = await driver(fake).type(31, '/lang');
    await bot.stop();
    storage.close();

    storage = openSqliteStore(path);
    bot = await startBot(fake, storage);
    const calls = await driver(fake).press(31, menu.message_id, '1e/lang zh');
    expect(methods(calls)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(fake.messagesTo(31).at(-1)).toMatchObject({ method: 'editMessageText', message_id: menu.message_id, plain: CHINESE_SET });
    await bot.stop();
    storage.close();
    const reopened = openSqliteStore(path);
    expect(reopened.subscriptions.language('telegram', '31')).toBe('zh-CN');
    reopened.close();
  });
});

describe('Telegram: a press whose command fails, and the outbox', () => {
  let fake: FakeBotApi;
  let storage: Storage;
  let bot: TelegramBot;
  beforeAll(async () => {
    fake = await startFakeBotApi();
    storage = openSqliteStore(':memory:');
    const broken: CommandContext = {
      ...fixtureContext,
      snapshot: () => {
        throw new Error('the figures are gone');
      },
    };
    bot = await startBot(fake, storage, broken);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    storage?.close();
  });

  it('GIVEN a press whose command throws THEN the presser gets the failure reply with its reference privately, never the error, and the bot keeps answering', async () => {
    const drive = driver(fake);
    const menu = await drive.type(41, '/lang');
    const calls = await drive.press(41, menu.message_id, '1n/apy');
    expect(methods(calls)).toEqual(['answerCallbackQuery']);
    expect(answerOf(calls).payload).toMatchObject({ show_alert: true, text: expect.stringMatching(/^Something went wrong answering that; it has been logged with the reference [0-9a-f]{8}\.$/) });
    expect(JSON.stringify(calls)).not.toContain('the figures are gone');
    expect((await drive.type(41, '/lang')).plain).toContain("This chat's language");
  });

  it('GIVEN an outbox message with controls THEN its keyboard is sent with it', async () => {
    const sender = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }), { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const alert: Reply = { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['seMetis depeg −120 bps'] }], controls: [{ kind: 'buttons', actions: [{ label: 'Mute 24 h', command: '/alerts mute depeg seMetis 24h' }] }] };
    expect(await sender.send('42', alert)).toEqual({ ok: true });
    expect(fake.messagesTo(42).at(-1)?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Mute 24 h', callback_data: '1n/alerts mute depeg seMetis 24h' }]] });
  });
});
