import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/registry.ts';
import { usageLine } from '../../commands/command.ts';
import { subscriptionMenu } from '../../commands/subscriptionMenu.ts';
import { english } from '../../src/i18n/translator.ts';
import { NOW, snapshot } from '../commands/snapshotFixture.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Action, Reply } from '../../src/vocabulary/reply.ts';
import { LEAKED_ID, subscriptionChats } from './subscriptionChat.ts';

const actions = (reply: Reply): Action[] => (reply.controls ?? []).flatMap((c) => c.actions);
const commandsOf = (reply: Reply): string[] => actions(reply).map((a) => a.command);
const ZH = { languageTag: 'zh-CN' } as const;
const MEMBER = { chatId: '-100', kind: 'group', userId: '7', admin: false } as const;
const ONE_ASSET = ['/subscribe alerts sequencer', '/subscribe alerts seMetis', '/subscribe alerts eMetis-METIS', '/subscribe alerts tower', '/subscribe alerts sequencers'];

describe('/subscribe alone: the subscription menu', () => {
  let chats: ReturnType<typeof subscriptionChats>;
  beforeEach(() => (chats = subscriptionChats()));
  afterEach(() => chats.close());

  it('GIVEN a chat with nothing THEN it says both are off, offers the digest picker, all alerts and one asset, and no Unsubscribe…', () => {
    const reply = chats.reply('/subscribe');
    expect(reply.kind).toBe('answer');
    expect(chats.say('/subscribe')).toBe(
      'SUBSCRIPTIONS IN THIS CHAT\n\n• Daily digest: off\n• Alerts: off\n\n(Choose below, or type /subscribe digest [HH:MM] [timezone] or /subscribe alerts [asset …].)',
    );
    expect(reply.controls?.map((c) => c.kind)).toEqual(['buttons', 'select']);
    const [buttons, select] = reply.controls!;
    expect(buttons!.actions).toEqual([
      { label: 'Daily digest', command: '/subscribe digest pick', edit: true },
      { label: 'All alerts', command: '/subscribe alerts', edit: true },
    ]);
    expect(select!.kind === 'select' && select!.placeholder).toBe('Alerts for one asset…');
    expect(select!.actions.map((a) => a.command)).toEqual(ONE_ASSET);
    expect(select!.actions.map((a) => a.label)).toEqual(['sequencer', 'seMetis', 'eMetis-METIS', 'tower', 'sequencers']);
    for (const a of actions(reply)) expect(encodeAction(a), a.command).toBeDefined();
    // A menu changes nothing, not even the saved language.
    expect(chats.subscriptions.forChat('telegram', '42')).toEqual([]);
    expect(chats.subscriptions.language('telegram', '42')).toBeUndefined();
  });

  it('GIVEN each button THEN its command answers as typed: the time picker, or the confirmation of what it says', () => {
    const picker = chats.reply('/subscribe digest pick');
    expect(commandsOf(picker)).toContain('/subscribe digest 09:00 UTC');
    expect(chats.say('/subscribe alerts')).toBe('Subscribed: alerts for every source. /alerts shows the rules; /unsubscribe alerts to stop.');
    for (const command of ONE_ASSET) {
      const name = command.split(' ')[2]!;
      expect(chats.say(command), command).toBe(`Subscribed: alerts for ${name}. /alerts shows the rules; /unsubscribe alerts to stop.`);
      expect(chats.subscriptions.forChat('telegram', '42').find((s) => s.kind === 'alerts')?.assets, command).toEqual([name]);
    }
  });

  it('GIVEN a digest and alerts THEN the menu shows each with what it is, and Unsubscribe… leads to the choice', () => {
    chats.say('/subscribe digest 07:15 Asia/Tokyo');
    chats.say('/subscribe alerts seMetis tower');
    const text = chats.say('/subscribe');
    expect(text).toContain('• Daily digest: on, at 07:15 Asia/Tokyo\n• Alerts: on, for seMetis, tower');
    const reply = chats.reply('/subscribe');
    expect(reply.controls?.at(-1)).toEqual({ kind: 'buttons', actions: [{ label: 'Unsubscribe…', command: '/unsubscribe pick', edit: true }] });
    // The digest's own zone carries into the picker.
    expect(commandsOf(chats.reply('/subscribe digest pick'))).toContain('/subscribe digest 09:00 Asia/Tokyo');
    chats.say('/unsubscribe digest');
    expect(chats.say('/subscribe')).toContain('• Daily digest: off\n• Alerts: on, for seMetis, tower');
  });

  it('GIVEN a failed delivery turned them off THEN the menu says why; and a sequencer beside everything reads as such', () => {
    chats.say('/subscribe alerts');
    chats.subscriptions.deactivateChat('telegram', '42', '403 Forbidden: bot was blocked by the user', NOW - 3_600_000);
    expect(chats.say('/subscribe')).toContain('• Alerts: off\n\nAlerts was turned off on 15 Jan 07:00 UTC because Telegram answered 403: bot was blocked by the user.');
    chats.subscriptions.subscribe({ platform: 'telegram', chatId: '42', kind: 'alerts', assets: ['all', 'sequencer:2'] }, NOW);
    expect(chats.say('/subscribe')).toContain('• Alerts: on, for every source, sequencer:2');
    expect(chats.say('/subscribe')).not.toContain('turned off');
  });

  it('GIVEN more assets than a select holds, or a name too long for a button THEN the select keeps 23 that fit, and the tower and the sequencers', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...snapshot.sources[1]!, id: `vault${i}`, token: undefined }));
    const long = { ...snapshot.sources[1]!, id: 'x'.repeat(60), token: undefined };
    const menu = subscriptionMenu(english, { ...snapshot, sources: [long, ...many] }, [], NOW);
    const select = menu.controls!.find((c) => c.kind === 'select')!;
    expect(select.actions).toHaveLength(25);
    expect(select.actions[0]!.command).toBe('/subscribe alerts vault0');
    expect(select.actions.slice(-3).map((a) => a.label)).toEqual(['vault22', 'tower', 'sequencers']);
    for (const a of select.actions) expect(encodeAction(a), a.command).toBeDefined();
  });

  it('GIVEN a Chinese chat THEN the menu and its buttons are Chinese, commands and names as typed', () => {
    chats.say('/subscribe digest 08:00 Asia/Shanghai', ZH);
    const text = chats.say('/subscribe', ZH);
    expect(text).toBe(
      '本聊天的订阅\n\n• 每日摘要：已开启，每天 08:00（Asia/Shanghai）\n• 预警：已关闭\n\n(请在下方选择，或输入 /subscribe digest [HH:MM] [timezone] 或 /subscribe alerts [asset …]。)',
    );
    expect(text).not.toMatch(LEAKED_ID);
    const reply = chats.reply('/subscribe', ZH);
    expect(reply.controls!.map((c) => (c.kind === 'select' ? c.placeholder : c.actions.map((a) => a.label).join(' | ')))).toEqual(['每日摘要 | 全部预警', '单个资产的预警…', '取消订阅…']);
    expect(chats.say('/subscribe alerts', ZH)).toBe('已订阅：预警，范围：全部数据源。/alerts 查看规则；/unsubscribe alerts 可取消。');
    expect(chats.say('/subscribe', ZH)).toContain('• 预警：已开启，范围：全部数据源');
  });

  it('GIVEN a non-admin in a group THEN the menu is refused as every change is, in a usage answer (private when pressed)', () => {
    expect(chats.reply('/subscribe', MEMBER).kind).toBe('usage');
    expect(chats.say('/subscribe', MEMBER)).toBe("Only this group's admins can change this group's subscriptions and alert settings; anyone can read them with /alerts.");
    expect(chats.reply('/unsubscribe pick', MEMBER).kind).toBe('usage');
    expect(chats.reply('/subscribe', { ...MEMBER, admin: true }).kind).toBe('answer');
  });

  it('GIVEN the typed forms THEN they work as before: a word without digest or alerts still asks for kind', () => {
    expect(chats.say('/subscribe 08:00')).toBe(`kind is missing.\nUsage: ${usageLine(findCommand('subscribe')!)}`);
    expect(chats.reply('/subscribe wobble').kind).toBe('usage');
    expect(chats.say('/subscribe digest')).toBe('Subscribed: the daily digest at 09:00 UTC. /unsubscribe digest to stop.');
    expect(usageLine(findCommand('subscribe')!)).toBe('/subscribe · /subscribe digest [HH:MM|pick] [timezone] · /subscribe alerts [asset …] · /subscribe alerts sequencer <name>');
  });
});

describe('/unsubscribe pick: what to stop, one button each', () => {
  let chats: ReturnType<typeof subscriptionChats>;
  beforeEach(() => {
    chats = subscriptionChats();
    chats.say('/subscribe digest 08:00 Europe/Berlin');
    chats.say('/subscribe alerts');
  });
  afterEach(() => chats.close());

  it('GIVEN a digest and alerts THEN it lists them and offers Digest, Alerts, Both and Back, changing nothing itself', () => {
    const reply = chats.reply('/unsubscribe pick');
    expect(chats.say('/unsubscribe pick')).toBe(
      'What should this chat stop receiving? Or type /unsubscribe digest, /unsubscribe alerts or /unsubscribe all.\n\n• Daily digest: on, at 08:00 Europe/Berlin\n• Alerts: on, for every source',
    );
    expect(reply.controls).toEqual([
      {
        kind: 'buttons',
        actions: [
          { label: 'Digest', command: '/unsubscribe digest', edit: true },
          { label: 'Alerts', command: '/unsubscribe alerts', edit: true },
          { label: 'Both', command: '/unsubscribe all', edit: true },
        ],
      },
      { kind: 'buttons', actions: [{ label: '‹ Back', command: '/subscribe', edit: true }] },
    ]);
    for (const a of actions(reply)) expect(encodeAction(a), a.command).toBeDefined();
    expect(chats.subscriptions.forChat('telegram', '42').filter((s) => s.active)).toHaveLength(2);
  });

  it('GIVEN each button THEN it stops only what its label says', () => {
    expect(chats.say('/unsubscribe digest')).toBe('Unsubscribed: digest.');
    expect(chats.subscriptions.forChat('telegram', '42').filter((s) => s.active).map((s) => s.kind)).toEqual(['alerts']);
    expect(chats.say('/unsubscribe pick')).toContain('• Daily digest: off\n• Alerts: on, for every source');
    expect(chats.say('/unsubscribe alerts')).toBe('Unsubscribed: alerts.');
    chats.say('/subscribe digest');
    chats.say('/subscribe alerts tower');
    expect(chats.say('/unsubscribe all')).toBe('Unsubscribed: digest and alerts.');
    expect(chats.subscriptions.forChat('telegram', '42').filter((s) => s.active)).toEqual([]);
  });

  it('GIVEN nothing on THEN it says so with Back only, and the typed /unsubscribe alone still stops both', () => {
    expect(chats.say('/unsubscribe')).toBe('Unsubscribed: digest and alerts.');
    expect(chats.say('/unsubscribe pick')).toBe('This chat has no subscription. /subscribe shows what it can receive.');
    expect(commandsOf(chats.reply('/unsubscribe pick'))).toEqual(['/subscribe']);
    expect(usageLine(findCommand('unsubscribe')!)).toBe('/unsubscribe [digest|alerts|all|pick]');
  });

  it('GIVEN a Chinese chat THEN the choice is Chinese', () => {
    const text = chats.say('/unsubscribe pick', ZH);
    expect(text).toBe('本聊天要停止接收哪一项？也可以输入 /unsubscribe digest、/unsubscribe alerts 或 /unsubscribe all。\n\n• 每日摘要：已开启，每天 08:00（Europe/Berlin）\n• 预警：已开启，范围：全部数据源');
    expect(actions(chats.reply('/unsubscribe pick', ZH)).map((a) => a.label)).toEqual(['摘要', '预警', '两者', '‹ 返回']);
    expect(chats.say('/unsubscribe alerts', ZH)).toBe('已取消订阅：预警。');
    chats.say('/unsubscribe', ZH);
    expect(chats.say('/unsubscribe pick', ZH)).toBe('本聊天没有任何订阅。/subscribe 可查看可订阅的内容。');
  });
});
