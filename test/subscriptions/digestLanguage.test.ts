import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAlert } from '../../src/alerts/openAlert.ts';
import { translator } from '../../src/i18n/translator.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { DigestScheduler } from '../../src/subscriptions/digestScheduler.ts';
import { digestBody, digestReply } from '../../src/subscriptions/digestReply.ts';
import { currentTimeZoneName } from '../../src/subscriptions/timeZoneName.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { NOW, snapshot } from '../commands/snapshotFixture.ts';
import { sqliteAlertEngine } from '../helpers/sqliteAlertEngine.ts';
import { LEAKED_ID, subscriptionChats } from './subscriptionChat.ts';

const zh = translator('zh-CN');
const open: OpenAlert[] = [{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'warning' }];
const commands = (reply: Reply) => (reply.controls ?? []).flatMap((c) => c.actions.map((a) => a.command));

describe('the daily digest in Chinese', () => {
  it('GIVEN a Chinese chat THEN every word is Chinese, the date as Chinese writes it; figures, units and names as in English', () => {
    const text = renderText(digestReply(digestBody(snapshot, NOW, zh), { nowMs: NOW, timeZone: 'Europe/Berlin' }, open, zh));
    expect(text).toBe(
      [
        '每日摘要 · 2027年1月15日 周五 · 09:00 EUROPE/BERLIN',
        '',
        '• Sequencer mining：名义 APY 17.08% · Δ24h ±0.00 pp · Δ7d —（历史不足 7 d）',
        '• seMetis <vault> & co：24 h APY 12.74% · Δ24h −0.01 pp · Δ7d —（历史不足 7 d）（数据过期：1 h 前读取）',
        '• eMetis/METIS：现价脱锚 −37 bps',
        '• 塔式杠杆：1.119× · Δ24h +0.0021×',
        '',
        '未解除的预警：depeg eMetis-METIS（警告）',
        '',
        '(数据：2 min 前读取，最旧的 1 h 前（seMetis <vault> & co）。Δ：24 h 和 7 d 内的变化，单位为百分点（pp）。)',
      ].join('\n'),
    );
    expect(text).not.toMatch(LEAKED_ID);
  });

  it('GIVEN no open alert THEN "none" in the language', () => {
    expect(renderText(digestReply(digestBody(snapshot, NOW, zh), { nowMs: NOW, timeZone: 'UTC' }, [], zh))).toContain('未解除的预警：无');
    expect(renderText(digestReply(digestBody(snapshot, NOW), { nowMs: NOW, timeZone: 'UTC' }, []))).toContain('Open alerts: none');
  });

  it('GIVEN a digest THEN its buttons are Change time (the picker) and Unsubscribe, each a new message, in the language', () => {
    const en = digestReply(digestBody(snapshot, NOW), { nowMs: NOW, timeZone: 'UTC' }, []);
    expect(en.controls).toEqual([
      {
        kind: 'buttons',
        actions: [
          { label: 'Change time', command: '/subscribe digest pick' },
          { label: 'Unsubscribe', command: '/unsubscribe digest' },
        ],
      },
    ]);
    const inChinese = digestReply(digestBody(snapshot, NOW, zh), { nowMs: NOW, timeZone: 'UTC' }, [], zh);
    expect(inChinese.controls![0]!.actions.map((a) => a.label)).toEqual(['更改时间', '取消订阅']);
    for (const a of inChinese.controls![0]!.actions) expect(encodeAction(a)).toBeDefined();
  });
});

describe('the digest buttons and the time picker, run as typed', () => {
  let chats: ReturnType<typeof subscriptionChats>;
  beforeEach(() => (chats = subscriptionChats()));
  afterEach(() => chats.close());

  it('GIVEN a digest in Buenos Aires THEN Change time shows six times in its zone, the current one marked, each setting its time in place', () => {
    chats.say('/subscribe digest 09:00 America/Buenos_Aires');
    const picker = chats.reply('/subscribe digest pick');
    expect(renderText(picker)).toBe("Pick the daily digest's time (America/Argentina/Buenos_Aires); or type /subscribe digest HH:MM America/Argentina/Buenos_Aires.");
    const actions = picker.controls!.flatMap((c) => c.actions);
    expect(actions.map((a) => a.label)).toEqual(['06:00', '08:00', '· 09:00 ·', '12:00', '18:00', '21:00']);
    expect(actions.every((a) => a.edit === true && encodeAction(a) !== undefined)).toBe(true);
    expect(actions[4]!.command).toBe('/subscribe digest 18:00 America/Argentina/Buenos_Aires');
    expect(chats.say(actions[4]!.command)).toBe('Subscribed: the daily digest at 18:00 America/Argentina/Buenos_Aires. /unsubscribe digest to stop.');
    const digest = chats.subscriptions.forChat('telegram', '42').find((s) => s.kind === 'digest' && s.active)!;
    expect([digest.digestTime, digest.timeZone]).toEqual(['18:00', 'America/Argentina/Buenos_Aires']);
  });

  it('GIVEN no digest yet, or a zone typed THEN the picker uses the default zone, or the one typed', () => {
    expect(commands(chats.reply('/subscribe digest pick'))[0]).toBe('/subscribe digest 06:00 UTC');
    expect(commands(chats.reply('/subscribe digest PICK asia/calcutta'))[0]).toBe('/subscribe digest 06:00 Asia/Kolkata');
    expect(chats.reply('/subscribe digest pick Mars/Olympus').kind).toBe('usage');
  });

  it('GIVEN every zone the runtime knows THEN every picker button fits Telegram’s 64 bytes', () => {
    const zones = new Set(Intl.supportedValuesOf('timeZone').map(currentTimeZoneName));
    for (const zone of zones) {
      for (const command of commands(chats.reply(`/subscribe digest pick ${zone}`))) expect(encodeAction({ command, edit: true }), command).toBeDefined();
    }
  });

  it('GIVEN a Chinese chat THEN the picker and the digest’s Unsubscribe answer in Chinese', () => {
    chats.subscriptions.setLanguage('telegram', '42', 'zh-CN');
    chats.say('/subscribe digest 08:00 Asia/Shanghai');
    expect(chats.say('/subscribe digest pick')).toBe('请选择每日摘要的发送时间（Asia/Shanghai）；也可以输入 /subscribe digest HH:MM Asia/Shanghai。');
    expect(chats.say('/subscribe digest 21:00 Asia/Shanghai')).toBe('已订阅：每日摘要，每天 21:00（Asia/Shanghai）发送。/unsubscribe digest 可取消。');
    expect(chats.say('/unsubscribe digest')).toBe('已取消订阅：摘要。');
  });
});

describe('the digest scheduler: each chat in its language', () => {
  it('GIVEN chats in English, Chinese and with no choice at one time THEN each digest comes in its chat’s language', () => {
    const chats = subscriptionChats();
    const { store, subscriptions, outbox, engine } = sqliteAlertEngine(chats.config, chats.store);
    const digests = new DigestScheduler({ subscriptions, outbox, engine, snapshot: () => snapshot, transaction: (work) => store.transaction(work), logger: silentLogger });
    const at = Date.UTC(2027, 0, 15, 8, 0);
    for (const chatId of ['en', 'zh', 'none', 'zh2']) subscriptions.subscribe({ platform: 'telegram', chatId, kind: 'digest', digestTime: '08:00', timeZone: 'UTC' }, at - 86_400_000);
    subscriptions.setLanguage('telegram', 'en', 'en');
    subscriptions.setLanguage('telegram', 'zh', 'zh-CN');
    subscriptions.setLanguage('telegram', 'zh2', 'zh-CN');
    expect(digests.tick(at)).toBe(4);
    const titles = new Map(outbox.due(Number.MAX_SAFE_INTEGER, 10).map((m) => [m.chatId, renderText(m.reply).split('\n')[0]]));
    expect(Object.fromEntries(titles)).toEqual({
      en: 'DAILY DIGEST · FRI 15 JAN 2027 · 08:00 UTC',
      zh: '每日摘要 · 2027年1月15日 周五 · 08:00 UTC',
      zh2: '每日摘要 · 2027年1月15日 周五 · 08:00 UTC',
      none: 'DAILY DIGEST · FRI 15 JAN 2027 · 08:00 UTC',
    });
    const zhRow = outbox.due(Number.MAX_SAFE_INTEGER, 10).find((m) => m.chatId === 'zh')!;
    expect(commands(zhRow.reply)).toEqual(['/subscribe digest pick', '/unsubscribe digest']);
    chats.close();
  });
});
