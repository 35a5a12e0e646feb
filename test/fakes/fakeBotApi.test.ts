import { Bot, GrammyError, HttpError, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from './fakeBotApi.ts';
import { escapeHtml, parseTelegramHtml } from './telegramHtml.ts';

const CHAT = 4242;

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

async function asGrammyError(p: Promise<unknown>): Promise<GrammyError> {
  const err = await rejectionOf(p);
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

describe('fake Bot API driven by a real grammY bot (long polling)', () => {
  let fake: FakeBotApi;
  let bot: Bot;
  let polling: Promise<void> | undefined;
  const middlewareErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeBotApi({ recordGetUpdates: true });
    bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command('ping', (ctx) => ctx.reply(`<b>pong</b> ${escapeHtml('& <ok>')}`, { parse_mode: 'HTML' }));
    bot.command('admin', async (ctx) => {
      const m = await ctx.getChatMember(ctx.from?.id ?? 0);
      await ctx.reply(`status: ${m.status}`);
    });
    bot.command('menu', (ctx) =>
      ctx.reply('pick one', { reply_markup: { inline_keyboard: [[{ text: 'Yield', callback_data: 'yield' }]] } }),
    );
    bot.callbackQuery('yield', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'ok' });
      await ctx.editMessageText('<i>yield: 4.2%</i>', { parse_mode: 'HTML' });
    });
    bot.catch((err) => {
      middlewareErrors.push(err);
    });
    await bot.api.setMyCommands([
      { command: 'ping', description: 'Check the bot is alive' },
      { command: 'menu', description: 'Show the menu' },
    ]);
    await new Promise<void>((resolve, reject) => {
      polling = bot.start({ drop_pending_updates: false, timeout: 30, onStart: () => resolve() });
      polling.catch(reject);
    });
  });

  afterAll(async () => {
    if (bot.isRunning()) await bot.stop();
    await polling;
    await fake.close();
  });

  it('initialises: getMe, deleteWebhook(drop_pending_updates=false), then a held getUpdates', async () => {
    const calls = fake.calls;
    expect(calls.some((c) => c.method === 'getMe' && c.status === 200)).toBe(true);
    const del = calls.find((c) => c.method === 'deleteWebhook');
    expect(del?.payload).toEqual({ drop_pending_updates: false });
    await fake.waitForPoll();
    expect(fake.heldPolls).toBe(1);
    const poll = await fake.waitForCall((c) => c.method === 'getUpdates', 1_000, 0);
    expect(poll.payload).toMatchObject({ timeout: 30, allowed_updates: [] });
    expect(fake.calls.filter((c) => c.method === 'getUpdates').at(-1)?.status).toBe(102); // held right now
    expect(bot.botInfo.username).toBe('metis_yield_test_bot');
  });

  it('records setMyCommands and serves them back through getMyCommands', async () => {
    const call = await fake.waitForCall((c) => c.method === 'setMyCommands', 1_000, 0);
    expect(call.payload.commands).toEqual([
      { command: 'ping', description: 'Check the bot is alive' },
      { command: 'menu', description: 'Show the menu' },
    ]);
    expect(fake.getCommands()?.map((c) => (c as { command: string }).command)).toEqual(['ping', 'menu']);
    const fromApi = await bot.api.getMyCommands();
    expect(fromApi.map((c) => c.command)).toEqual(['ping', 'menu']);
    const err = await asGrammyError(bot.api.setMyCommands([{ command: 'Ping', description: 'x' }]));
    expect(err.description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('/ping wakes the held getUpdates and the HTML reply arrives (no sleeps)', async () => {
    await fake.waitForPoll();
    const mark = fake.calls.length;
    const updateId = fake.sendUserMessage({ chatId: CHAT, text: '/ping', username: 'alice' });
    expect(updateId).toBeGreaterThan(0);
    // timeout 5 s << long-poll timeout 30 s: passes only if the held request is answered when the update is queued
    const call = await fake.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === CHAT, 5_000, mark);
    expect(call.status).toBe(200);
    expect(call.payload.parse_mode).toBe('HTML');
    expect(call.payload.text).toBe('<b>pong</b> &amp; &lt;ok&gt;');
    const msg = await fake.nextMessageTo(CHAT);
    expect(msg.plain).toBe('pong & <ok>');
    expect(msg.entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    expect(msg.message_id).toBe(2); // the user's /ping was message 1 in this chat
    // the update was delivered with a bot_command entity and confirmed by the next poll's offset
    const delivered = fake.calls.find(
      (c) => c.method === 'getUpdates' && Array.isArray(c.result) && c.result.some((u) => (u as { update_id: number }).update_id === updateId),
    );
    const update = (delivered?.result as Array<{ message: { entities: unknown } }>)[0];
    expect(update?.message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 5 }]);
    await fake.waitForCall((c) => c.method === 'getUpdates' && c.payload.offset === updateId + 1, 5_000, mark);
    expect(fake.pendingUpdates).toBe(0);
    expect(middlewareErrors).toEqual([]);
  });

  it('getChatMember answers from the admin map', async () => {
    const group = -1001234;
    fake.setAdmins(group, { 7: 'creator', 8: 'administrator' });
    fake.sendUserMessage({ chatId: group, userId: 7, text: '/admin@metis_yield_test_bot', chatTitle: 'Metis' });
    expect((await fake.nextMessageTo(group)).text).toBe('status: creator');
    fake.sendUserMessage({ chatId: group, userId: 9, text: '/admin' });
    expect((await fake.nextMessageTo(group)).text).toBe('status: member');
    const admins = await bot.api.getChatAdministrators(group);
    expect(admins.map((a) => a.status).sort()).toEqual(['administrator', 'creator']);
    const chat = await bot.api.getChat(group);
    expect(chat).toMatchObject({ id: group, type: 'supergroup', title: 'Metis' });
  });

  it('inline button: callback_query → answerCallbackQuery + editMessageText', async () => {
    fake.sendUserMessage({ chatId: CHAT, text: '/menu' });
    const menu = await fake.nextMessageTo(CHAT);
    expect(menu.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Yield', callback_data: 'yield' }]] });
    const mark = fake.calls.length;
    fake.pressButton({ chatId: CHAT, messageId: menu.message_id, data: 'yield' });
    await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.status === 200, 5_000, mark);
    const edit = await fake.waitForCall((c) => c.method === 'editMessageText', 5_000, mark);
    expect(edit.status).toBe(200);
    expect(fake.messagesTo(CHAT).at(-1)).toMatchObject({ method: 'editMessageText', message_id: menu.message_id, plain: 'yield: 4.2%' });
    // same content again → "message is not modified", like Telegram
    const err = await asGrammyError(bot.api.editMessageText(CHAT, menu.message_id, '<i>yield: 4.2%</i>', { parse_mode: 'HTML' }));
    expect(err.description).toMatch(/^Bad Request: message is not modified/);
  });

  it('a 429 with retry_after surfaces as GrammyError with parameters.retry_after', async () => {
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    const err = await asGrammyError(bot.api.sendMessage(CHAT, 'hello'));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBe(1);
    expect(err.description).toBe('Too Many Requests: retry after 1');
    // the fault was one-shot
    const ok = await bot.api.sendMessage(CHAT, 'hello again');
    expect(ok.text).toBe('hello again');
  });

  it('failNext times + chatId, and connection reset → HttpError', async () => {
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user', times: 2, chatId: 77 });
    expect((await asGrammyError(bot.api.sendMessage(77, 'a'))).error_code).toBe(403);
    expect((await bot.api.sendMessage(78, 'other chat unaffected')).chat.id).toBe(78);
    expect((await asGrammyError(bot.api.sendMessage(77, 'b'))).error_code).toBe(403);
    expect((await bot.api.sendMessage(77, 'c')).text).toBe('c');

    fake.failNext('sendChatAction', { kind: 'reset' });
    const err = await rejectionOf(bot.api.sendChatAction(CHAT, 'typing'));
    expect(err).toBeInstanceOf(HttpError);
    expect(await bot.api.sendChatAction(CHAT, 'typing')).toBe(true);
  });

  it('bad HTML and over-long text answer 400 like the real API', async () => {
    const unclosed = await asGrammyError(bot.api.sendMessage(CHAT, '<b>APY 4%', { parse_mode: 'HTML' }));
    expect(unclosed.error_code).toBe(400);
    expect(unclosed.description).toBe("Bad Request: can't parse entities: Can't find end tag corresponding to start tag b");
    const lt = await asGrammyError(bot.api.sendMessage(CHAT, 'ratio < 1.02', { parse_mode: 'HTML' }));
    expect(lt.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 6');
    const amp = await asGrammyError(bot.api.sendMessage(CHAT, 'LST & LRT', { parse_mode: 'HTML' }));
    expect(amp.description).toMatch(/^Bad Request: can't parse entities: Unescaped "&" at byte offset 4/);
    const div = await asGrammyError(bot.api.sendMessage(CHAT, '<div>x</div>', { parse_mode: 'HTML' }));
    expect(div.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "div" at byte offset 0');
    const long = await asGrammyError(bot.api.sendMessage(CHAT, 'x'.repeat(4097)));
    expect(long.description).toBe('Bad Request: message is too long');
    // 4096 characters after entity parsing is fine even though the markup is longer
    const ok = await bot.api.sendMessage(CHAT, `<b>${'y'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    expect(ok.text?.length).toBe(4096);
    const badData = await asGrammyError(
      bot.api.sendMessage(CHAT, 'k', { reply_markup: { inline_keyboard: [[{ text: 'k', callback_data: 'z'.repeat(65) }]] } }),
    );
    expect(badData.description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('sendPhoto uploads multipart: bytes and caption are stored', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0x0d, 0x0a, 0x2d, 0x2d, 4]);
    const msg = await bot.api.sendPhoto(CHAT, new InputFile(bytes, 'chart.png'), {
      caption: '<b>TVL</b> chart',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Open', url: 'https://example.org' }]] },
    });
    expect(msg.caption).toBe('TVL chart');
    expect(msg.photo?.length).toBeGreaterThan(0);
    const s = fake.sent.at(-1);
    expect(s?.method).toBe('sendPhoto');
    expect(Buffer.isBuffer(s?.photo) && s.photo.equals(bytes)).toBe(true);
    expect(s?.caption).toBe('<b>TVL</b> chart');
    expect(s?.parse_mode).toBe('HTML');
    expect(s?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Open', url: 'https://example.org' }]] });
    const call = fake.calls.at(-1);
    expect(call?.payload.chat_id).toBe(CHAT); // multipart string coerced back to a number
    expect(Object.values(call?.files ?? {})[0]?.filename).toBe('chart.png');
  });

  it('deleteMessage, wrong token (401) and unknown method (404)', async () => {
    const m = await bot.api.sendMessage(CHAT, 'temp');
    expect(await bot.api.deleteMessage(CHAT, m.message_id)).toBe(true);
    const gone = await asGrammyError(bot.api.deleteMessage(CHAT, m.message_id));
    expect(gone.description).toBe('Bad Request: message to delete not found');

    const intruder = new Bot('999:WRONG', { client: { apiRoot: fake.apiRoot } });
    const unauthorized = await asGrammyError(intruder.api.getMe());
    expect(unauthorized.error_code).toBe(401);
    expect(unauthorized.description).toBe('Unauthorized');

    const raw = bot.api.raw as unknown as Record<string, (p: object) => Promise<unknown>>;
    const notFound = await asGrammyError(raw.fooBar?.({}) ?? Promise.resolve());
    expect(notFound.error_code).toBe(404);
    expect(notFound.description).toBe('Not Found: method not found');
  });

  it('bot.stop() returns promptly and the held getUpdates is released', async () => {
    await fake.waitForPoll();
    const started = Date.now();
    await bot.stop();
    await polling;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.heldPolls).toBe(0);
    // grammY aborts the held poll, then confirms the offset with a non-blocking getUpdates(limit: 1)
    const last = fake.calls.filter((c) => c.method === 'getUpdates').at(-1);
    expect(last?.payload).toMatchObject({ limit: 1 });
    expect(last?.status).toBe(200);
  });
});

describe('long polling semantics (raw HTTP)', () => {
  let fake: FakeBotApi;
  beforeAll(async () => {
    fake = await startFakeBotApi();
  });
  afterAll(async () => {
    await fake.close();
  });

  const call = async (method: string, body: object = {}): Promise<{ status: number; json: { ok: boolean; result?: unknown; error_code?: number; description?: string } }> => {
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as { ok: boolean; result?: unknown } };
  };
  const ids = (r: unknown): number[] => (r as Array<{ update_id: number }>).map((u) => u.update_id);

  it('offset confirms, limit caps, timeout 0 answers at once', async () => {
    const a = fake.sendUserMessage({ chatId: 1, text: 'a' });
    const b = fake.sendUserMessage({ chatId: 1, text: 'b' });
    const c = fake.sendUserMessage({ chatId: 1, text: 'c' });
    expect(ids((await call('getUpdates', { limit: 2 })).json.result)).toEqual([a, b]);
    expect(ids((await call('getUpdates', {})).json.result)).toEqual([a, b, c]); // not confirmed yet
    expect(ids((await call('getUpdates', { offset: b + 1 })).json.result)).toEqual([c]);
    expect(fake.pendingUpdates).toBe(1);
    expect(ids((await call('getUpdates', { offset: c + 1 })).json.result)).toEqual([]);
    expect(fake.pendingUpdates).toBe(0);
  });

  it('a held poll is answered by a new update, and times out with []', async () => {
    const held = call('getUpdates', { timeout: 30 });
    await fake.waitForPoll();
    const id = fake.pushUpdate({ message: { message_id: 99, date: 0, chat: { id: 5, type: 'private', first_name: 'x' }, text: 'hi' } });
    expect(ids((await held).json.result)).toEqual([id]);
    await call('getUpdates', { offset: id + 1 });
    const t0 = Date.now();
    const empty = await call('getUpdates', { timeout: 1 });
    expect(empty.json.result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('a second concurrent getUpdates terminates the first with 409', async () => {
    const first = call('getUpdates', { timeout: 30 });
    await fake.waitForPoll();
    const second = call('getUpdates', { timeout: 0 });
    const r1 = await first;
    expect(r1.status).toBe(409);
    expect(r1.json.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    expect((await second).status).toBe(200);
  });

  it('chat_member updates are only delivered when asked for in allowed_updates', async () => {
    const id = fake.pushUpdate({ chat_member: { chat: { id: -5, type: 'group', title: 'g' } } });
    expect((await call('getUpdates', { allowed_updates: [] })).json.result).toEqual([]);
    expect(ids((await call('getUpdates', { allowed_updates: ['chat_member'] })).json.result)).toEqual([id]);
    await call('getUpdates', { offset: id + 1, allowed_updates: [] });
  });

  it('close() answers a held getUpdates with [] immediately', async () => {
    const other = await startFakeBotApi();
    const held = fetch(`${other.apiRoot}/bot${other.token}/getUpdates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeout: 50 }),
    });
    await other.waitForPoll();
    const t0 = Date.now();
    await other.close();
    const res = await held;
    expect(await res.json()).toEqual({ ok: true, result: [] });
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe('rate limits', () => {
  it('per-chat, per-group and global limits answer 429 and count violations', async () => {
    const fake = await startFakeBotApi({ limits: { perChatPerSecond: 1, perGroupPerMinute: 2, globalPerSecond: 5 } });
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    try {
      await bot.api.sendMessage(1, 'first');
      const e1 = await asGrammyError(bot.api.sendMessage(1, 'second within a second'));
      expect(e1.error_code).toBe(429);
      expect(e1.parameters.retry_after).toBe(1);
      expect(fake.violations).toBe(1);
      expect(fake.violationLog[0]).toMatchObject({ kind: 'chat', chatId: 1 });

      await bot.api.sendMessage(-100, 'g1');
      await bot.api.sendMessage(2, 'p2'); // other chats are unaffected
      const e2 = await asGrammyError(bot.api.sendMessage(-100, 'g2 within a second'));
      expect(fake.violationLog.at(-1)?.kind).toBe('chat');
      expect(e2.error_code).toBe(429);

      await bot.api.sendMessage(3, 'p3');
      await bot.api.sendMessage(4, 'p4'); // 5 accepted sends in this second: 1, -100, 2, 3, 4
      const e3 = await asGrammyError(bot.api.sendMessage(6, 'over the global limit'));
      expect(e3.error_code).toBe(429);
      expect(fake.violationLog.at(-1)?.kind).toBe('global');
      expect(fake.violations).toBe(3);
    } finally {
      await fake.close();
    }
  });

  it('per-group per-minute limit reports a retry_after in the minute window', async () => {
    const fake = await startFakeBotApi({ limits: { perGroupPerMinute: 2 } });
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    try {
      await bot.api.sendMessage(-200, 'a');
      await bot.api.sendMessage(-200, 'b');
      const e = await asGrammyError(bot.api.sendMessage(-200, 'c'));
      expect(e.parameters.retry_after).toBeGreaterThan(50);
      expect(e.parameters.retry_after).toBeLessThanOrEqual(60);
      expect(fake.violationLog).toMatchObject([{ kind: 'group', chatId: -200 }]);
    } finally {
      await fake.close();
    }
  });
});

describe('Telegram HTML parser port', () => {
  const err = (html: string): string | undefined => {
    const r = parseTelegramHtml(html);
    return r.ok ? undefined : r.error;
  };

  it('accepts the allowed tags and decodes entities', () => {
    const r = parseTelegramHtml(
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
        '<span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><a href="https://x.org/?a=1&amp;b=2">l</a>' +
        '<code>c</code><pre>p</pre><pre><code class="language-ts">t</code></pre><blockquote>q</blockquote>' +
        '<blockquote expandable>x</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>' +
        ' &lt;&gt;&amp;&quot;&#65;&#x42;',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe('bsieunskdpqlcptqx👍 <>&"AB');
    expect(r.entities.find((e) => e.type === 'text_link')?.url).toBe('https://x.org/?a=1&b=2');
    expect(r.entities.find((e) => e.type === 'pre' && e.language === 'ts')).toMatchObject({ offset: 14, length: 1 });
    expect(r.entities.find((e) => e.type === 'expandable_blockquote')).toMatchObject({ offset: 16, length: 1 });
    expect(r.entities.find((e) => e.type === 'custom_emoji')).toMatchObject({ offset: 17, length: 2 });
  });

  it('counts offsets in UTF-16 and byte offsets in UTF-8', () => {
    const r = parseTelegramHtml('é😀<b>x</b>');
    expect(r.ok && r.entities).toEqual([{ type: 'bold', offset: 3, length: 1 }]);
    expect(err('é<x>')).toBe('Unsupported start tag "x" at byte offset 2');
  });

  it('reports errors with Telegram wording', () => {
    expect(err('<b>x</i>')).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(err('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(err('1<2')).toBe('Unclosed start tag at byte offset 1');
    expect(err('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(err('<a href=>x</a>')).toBeUndefined();
    expect(err('<b>x</>')).toBeUndefined(); // an empty end tag closes the innermost one
    expect(err('a > b')).toBeUndefined(); // '>' needs no escaping
    expect(err('AT&T')).toMatch(/^Unescaped "&" at byte offset 2/);
    expect(parseTelegramHtml('AT&T', { strictAmpersand: false })).toEqual({ ok: true, text: 'AT&T', entities: [] });
  });
});
