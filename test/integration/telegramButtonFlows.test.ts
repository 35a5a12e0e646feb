import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { localTime } from '../../src/subscriptions/localTime.ts';
import type { FakeBotApi } from '../fakes/fakeBotApi.ts';
import type { SentMessage } from '../fakes/botApi/types.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

const CHAT = 7171;
const OTHER = 7272;
const CYCLE = 300;

interface Button {
  readonly text: string;
  readonly callback_data: string;
}

/** The inline keyboard of a sent message, flattened. */
const buttonsOf = (sent: SentMessage): Button[] => ((sent.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

/**
 * Every flow a person can do by pressing instead of typing, through the whole app on a devnet (real grammY, the
 * fake Bot API): each press carries only the button's data, as Telegram sends it.
 */
describe('button flows on Telegram, through the app on a devnet', () => {
  let bot: DevnetApp;
  let devnet: Devnet;
  let telegram: FakeBotApi;
  let app: App;
  let wall = 1_700_000_000_000;

  async function cycle(): Promise<void> {
    await devnet.scenario.advance(CYCLE);
    wall += CYCLE * 1000;
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  /** Sends a command; the bot's answer (alerts and digests pushed before it are delivered by then: cycles drain). */
  async function ask(text: string): Promise<SentMessage> {
    const before = telegram.messagesTo(CHAT).length;
    telegram.sendUserMessage({ chatId: CHAT, text });
    await waitUntil(() => telegram.messagesTo(CHAT).length > before, { what: `an answer to ${text}`, timeoutMs: 5_000 });
    return telegram.messagesTo(CHAT)[before]!;
  }

  /** Presses the button labelled `label` (or matching it) under `message`; the call that answered it. */
  async function press(message: SentMessage, label: string | RegExp, method: 'editMessageText' | 'editMessageMedia' | 'sendMessage'): Promise<SentMessage> {
    const button = buttonsOf(message).find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
    if (!button) throw new Error(`no button ${String(label)} under: ${buttonsOf(message).map((b) => b.text).join(', ')}`);
    const since = telegram.calls.length;
    telegram.pressButton({ chatId: CHAT, messageId: message.message_id, data: button.callback_data });
    await telegram.waitForCall((c) => c.method === 'answerCallbackQuery', 10_000, since);
    await telegram.waitForCall((c) => c.method === method && c.status === 200, 10_000, since);
    return telegram.messagesTo(CHAT).at(-1)!;
  }

  beforeAll(async () => {
    bot = await startDevnetApp({ platforms: ['telegram'], databaseFile: true, now: () => wall });
    ({ devnet, telegram, app } = bot);
    await app.poller.runCycle();
    await cycle();
  }, 120_000);

  afterAll(() => bot?.stop());

  it('GIVEN /apy THEN an asset button turns the overview into its detail on the same message, and Back turns it back', async () => {
    const overview = await ask('/apy');
    expect(buttonsOf(overview).map((b) => b.text)).toContain('seMetis');
    const detail = await press(overview, 'seMetis', 'editMessageText');
    expect(detail.message_id).toBe(overview.message_id);
    expect(detail.plain).toMatch(/^ENKI seMetis\n/);
    const back = await press(detail, /All yields/, 'editMessageText');
    expect(back.message_id).toBe(overview.message_id);
    expect(back.plain).toMatch(/^Metis yields\n/);
  });

  it('GIVEN /chart of a pool THEN the 30d button puts the 30-day picture on the same message, its button marked', async () => {
    const chart = await ask('/chart eMetis-METIS');
    expect(chart.method, chart.plain).toBe('sendPhoto');
    expect(buttonsOf(chart).map((b) => b.text)).toEqual(expect.arrayContaining(['· 7d ·', '30d', '90d']));
    const month = await press(chart, '30d', 'editMessageMedia');
    expect(month.message_id).toBe(chart.message_id);
    expect(buttonsOf(month).map((b) => b.text)).toEqual(expect.arrayContaining(['7d', '· 30d ·', '90d']));
  });

  it('GIVEN an alert THEN Mute 24 h silences that rule on that source for this chat, and Unsubscribe stops the alerts', async () => {
    expect((await ask('/subscribe alerts eMetis')).plain).toContain('Subscribed: alerts for eMetis');
    // Another chat with the same subscription, that mutes nothing: it shows what the muted chat misses.
    telegram.sendUserMessage({ chatId: OTHER, text: '/subscribe alerts eMetis' });
    await telegram.nextMessageTo(OTHER);
    await devnet.scenario.setDepeg('v2EMetisWmetis', -80);
    await cycle();
    await cycle();
    const alert = telegram.messagesTo(CHAT).filter((m) => m.plain.includes('Depeg warning'))[0]!;
    expect(buttonsOf(alert).map((b) => b.text)).toEqual(['Mute 24 h', 'Unsubscribe']);

    const muted = await press(alert, 'Mute 24 h', 'sendMessage');
    expect(muted.message_id).not.toBe(alert.message_id);
    expect(app.subscriptions.subscriptions.mutes('telegram', String(CHAT), wall).map((m) => m.rule)).toEqual(['depeg']);
    // Worse while muted: the escalation does not come to this chat.
    await devnet.scenario.setDepeg('v2EMetisWmetis', -400);
    await cycle();
    await cycle();
    const escalated = (chat: number) => telegram.messagesTo(chat).filter((m) => /Depeg (critical|escalated)/.test(m.plain));
    expect(escalated(OTHER)).toHaveLength(1);
    expect(escalated(CHAT)).toEqual([]);

    const stopped = await press(alert, 'Unsubscribe', 'sendMessage');
    expect(stopped.plain).toContain('Unsubscribed: alerts');
    expect(app.subscriptions.subscriptions.forChat('telegram', String(CHAT)).find((s) => s.kind === 'alerts')?.active).toBe(false);
    await devnet.scenario.setDepeg('v2EMetisWmetis', 0);
  }, 60_000);

  it('GIVEN a digest THEN Change time opens a picker of times, and a time turns the picker into the confirmation', async () => {
    expect((await ask('/subscribe digest 08:30 Europe/Berlin')).plain).toContain('08:30 Europe/Berlin');
    let t = wall + 60_000;
    while (localTime(t, 'Europe/Berlin').minutes !== 8 * 60 + 30) t += 60_000;
    expect(app.subscriptions.digests.tick(t)).toBe(1);
    await app.subscriptions.worker.drain();
    const digest = telegram.messagesTo(CHAT).filter((m) => m.plain.includes('Daily digest'))[0]!;
    expect(buttonsOf(digest).map((b) => b.text)).toEqual(['Change time', 'Unsubscribe']);

    const picker = await press(digest, 'Change time', 'sendMessage');
    expect(buttonsOf(picker).map((b) => b.text)).toEqual(expect.arrayContaining(['06:00', '21:00']));
    const confirmed = await press(picker, '21:00', 'editMessageText');
    expect(confirmed.message_id).toBe(picker.message_id);
    expect(confirmed.plain).toContain('21:00 Europe/Berlin');
    expect(app.subscriptions.subscriptions.forChat('telegram', String(CHAT)).find((s) => s.kind === 'digest')?.digestTime).toBe('21:00');
  }, 60_000);
});
