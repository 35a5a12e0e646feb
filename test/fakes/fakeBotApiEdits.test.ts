import { Api, GrammyError, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from './fakeBotApi.ts';

const CHAT = 4242;
const keyboard = (data: string) => ({ inline_keyboard: [[{ text: 'Next', callback_data: data }]] });

async function refusal(p: Promise<unknown>): Promise<GrammyError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  return error;
}

describe('fake Bot API: edits in place and inline keyboards', () => {
  let fake: FakeBotApi;
  let api: Api;
  beforeAll(async () => {
    fake = await startFakeBotApi();
    api = new Api(fake.token, { apiRoot: fake.apiRoot });
  });
  afterAll(() => fake?.close());

  it('GIVEN a photo THEN editMessageMedia replaces its picture, caption and keyboard; the same again is "not modified"', async () => {
    const first = await api.sendPhoto(CHAT, new InputFile(Buffer.from([1, 2, 3]), 'a.png'), { caption: '<b>7 d</b>', parse_mode: 'HTML', reply_markup: keyboard('1e/chart x 30d') });
    const media = () => ({ type: 'photo' as const, media: new InputFile(Buffer.from([4, 5, 6]), 'b.png'), caption: '<b>30 d</b>', parse_mode: 'HTML' as const });
    await api.editMessageMedia(CHAT, first.message_id, media(), { reply_markup: keyboard('1e/chart x 7d') });
    const edit = fake.messagesTo(CHAT).at(-1)!;
    expect(edit).toMatchObject({ method: 'editMessageMedia', message_id: first.message_id, caption: '<b>30 d</b>', plain: '30 d', reply_markup: keyboard('1e/chart x 7d') });
    expect((edit.photo as Buffer).equals(Buffer.from([4, 5, 6]))).toBe(true);
    expect((await refusal(api.editMessageMedia(CHAT, first.message_id, media(), { reply_markup: keyboard('1e/chart x 7d') }))).description).toMatch(/message is not modified/);
  });

  it('GIVEN a text message THEN editMessageMedia is refused (text cannot become a picture), and editMessageText of a photo too', async () => {
    const text = await api.sendMessage(CHAT, 'words');
    const photo = await api.sendPhoto(CHAT, new InputFile(Buffer.from([7]), 'c.png'));
    expect((await refusal(api.editMessageMedia(CHAT, text.message_id, { type: 'photo', media: new InputFile(Buffer.from([8]), 'd.png') }))).description).toMatch(/no media in the message/);
    expect((await refusal(api.editMessageText(CHAT, photo.message_id, 'other'))).description).toMatch(/no text in the message/);
    expect((await refusal(api.editMessageText(CHAT, 9_999, 'other'))).description).toMatch(/message to edit not found/);
  });

  it('GIVEN editMessageReplyMarkup THEN only the keyboard changes; the same keyboard again is "not modified"', async () => {
    const sent = await api.sendMessage(CHAT, 'menu', { reply_markup: keyboard('1n/apy') });
    await api.editMessageReplyMarkup(CHAT, sent.message_id, { reply_markup: keyboard('1n/apy seMetis') });
    expect(fake.messagesTo(CHAT).at(-1)).toMatchObject({ method: 'editMessageReplyMarkup', message_id: sent.message_id, plain: 'menu', reply_markup: keyboard('1n/apy seMetis') });
    expect((await refusal(api.editMessageReplyMarkup(CHAT, sent.message_id, { reply_markup: keyboard('1n/apy seMetis') }))).description).toMatch(/not modified/);
  });

  it('GIVEN a keyboard with an empty text or callback_data of 0 or 65 bytes THEN 400 like Telegram; 64 bytes pass', async () => {
    expect((await refusal(api.sendMessage(CHAT, 'x', { reply_markup: { inline_keyboard: [[{ text: ' ', callback_data: '1n/apy' }]] } }))).error_code).toBe(400);
    expect((await refusal(api.sendMessage(CHAT, 'x', { reply_markup: keyboard('') }))).description).toMatch(/BUTTON_DATA_INVALID/);
    expect((await refusal(api.sendMessage(CHAT, 'x', { reply_markup: keyboard(`1n/${'a'.repeat(62)}`) }))).description).toMatch(/BUTTON_DATA_INVALID/);
    await expect(api.sendMessage(CHAT, 'x', { reply_markup: keyboard(`1n/${'a'.repeat(61)}`) })).resolves.toBeDefined();
  });

  it('GIVEN a press with a language THEN the callback_query names the presser with that language_code, on the stored message', async () => {
    const sent = await api.sendMessage(CHAT, 'menu', { reply_markup: keyboard('1n/apy') });
    fake.pressButton({ chatId: CHAT, messageId: sent.message_id, data: '1n/apy', userId: 77, languageCode: 'zh-hans' });
    const updates = await api.getUpdates({ timeout: 0 });
    const press = updates.at(-1)!.callback_query!;
    expect(press.from).toMatchObject({ id: 77, language_code: 'zh-hans' });
    expect(press.message).toMatchObject({ message_id: sent.message_id, chat: { id: CHAT } });
    expect(press.data).toBe('1n/apy');
    await api.answerCallbackQuery(press.id, { text: 'ok', show_alert: true });
    expect((await refusal(api.answerCallbackQuery(press.id))).description).toMatch(/query is too old/);
  });
});
