import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import { translator } from '../../src/i18n/translator.ts';
import type { Subscription } from '../../src/store/subscriptionStore.ts';
import { deactivationNotice } from '../../src/subscriptions/deactivationNotice.ts';
import { config, source, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';
import { LEAKED_ID, subscriptionChats } from './subscriptionChat.ts';

const ZH_PRIVATE = { languageTag: 'zh-hans' } as const;
const GROUP = { chatId: '-100', kind: 'group', userId: '7' } as const;

describe('/subscribe and /unsubscribe in the chat language', () => {
  let chats: ReturnType<typeof subscriptionChats>;
  beforeEach(() => (chats = subscriptionChats()));
  afterEach(() => chats.close());

  it('GIVEN a private chat whose client is Chinese THEN /subscribe answers in Chinese and saves zh-CN for later alerts and digests', () => {
    expect(chats.subscriptions.language('telegram', '42')).toBeUndefined();
    const text = chats.say('/subscribe digest 08:00 Asia/Shanghai', ZH_PRIVATE);
    expect(text).toBe('已订阅：每日摘要，每天 08:00（Asia/Shanghai）发送。/unsubscribe digest 可取消。');
    expect(chats.subscriptions.language('telegram', '42')).toBe('zh-CN');
    // Saved: a later message without the client's tag (an alert, a digest, a command from elsewhere) is still Chinese.
    expect(chats.say('/subscribe alerts')).toBe('已订阅：预警，范围：全部数据源。/alerts 查看规则；/unsubscribe alerts 可取消。');
    expect(chats.say('/unsubscribe digest')).toBe('已取消订阅：摘要。');
    expect(chats.say('/unsubscribe digest')).toBe('本聊天没有订阅摘要。');
    expect(chats.say('/unsubscribe')).toBe('已取消订阅：摘要和预警。');
    expect(chats.say('/unsubscribe')).toBe('本聊天没有任何订阅。');
  });

  it('GIVEN an English client THEN the English answers are as before, and English is saved', () => {
    expect(chats.say('/subscribe digest 07:15 Asia/Tokyo', { languageTag: 'en-GB' })).toBe('Subscribed: the daily digest at 07:15 Asia/Tokyo. /unsubscribe digest to stop.');
    expect(chats.subscriptions.language('telegram', '42')).toBe('en');
    expect(chats.say('/subscribe alerts eMetis-METIS')).toBe('Subscribed: alerts for eMetis-METIS. /alerts shows the rules; /unsubscribe alerts to stop.');
    expect(chats.say('/unsubscribe alerts')).toBe('Unsubscribed: alerts.');
    expect(chats.say('/unsubscribe alerts')).toBe('This chat had no alerts subscription.');
    expect(chats.say('/unsubscribe')).toBe('Unsubscribed: digest and alerts.');
    expect(chats.say('/unsubscribe')).toBe('This chat had no subscription.');
  });

  it('GIVEN a language chosen with /lang THEN /subscribe keeps it, whatever the client says', () => {
    chats.subscriptions.setLanguage('telegram', '42', 'en');
    expect(chats.say('/subscribe alerts', ZH_PRIVATE)).toContain('Subscribed: alerts for every source.');
    expect(chats.subscriptions.language('telegram', '42')).toBe('en');
  });

  it('GIVEN a group THEN /subscribe never saves one member’s client language, and a failed command saves nothing', () => {
    expect(chats.say('/subscribe alerts', { ...GROUP, languageTag: 'zh-CN' })).toContain('Subscribed: alerts for every source.');
    expect(chats.subscriptions.language('telegram', '-100')).toBeUndefined();
    expect(chats.reply('/subscribe digest 25:99', ZH_PRIVATE).kind).toBe('usage');
    expect(chats.subscriptions.language('telegram', '42')).toBeUndefined();
  });

  it('GIVEN a non-admin in a group THEN every change is refused in the chat’s language, and nothing changes', () => {
    const member = { ...GROUP, admin: false };
    const english = "Only this group's admins can change this group's subscriptions and alert settings; anyone can read them with /alerts.";
    expect(chats.say('/subscribe alerts', member)).toBe(english);
    chats.subscriptions.setLanguage('telegram', '-100', 'zh-CN');
    for (const line of ['/subscribe alerts', '/subscribe digest pick', '/unsubscribe', '/alerts set depeg-warning 60', '/alerts reset', '/alerts mute depeg eMetis-METIS', '/alerts unmute']) {
      const reply = chats.reply(line, member);
      expect(reply.kind, line).toBe('usage');
      expect(chats.say(line, member), line).toBe('只有本群的管理员才能更改本群的订阅和预警设置；任何人都可以用 /alerts 查看。');
    }
    expect(chats.subscriptions.forChat('telegram', '-100')).toEqual([]);
    expect(chats.subscriptions.mutes('telegram', '-100', 0)).toEqual([]);
    // Reading stays open to everyone.
    expect(chats.say('/alerts', member)).toContain('本聊天的预警');
  });

  it('GIVEN a Telegram channel or a Discord channel THEN the refusal names who may change it', () => {
    chats.subscriptions.setLanguage('discord', 'c1', 'zh-CN');
    expect(chats.say('/subscribe alerts', { platform: 'discord', chatId: 'c1', kind: 'group', admin: false })).toBe('只有拥有“管理频道”权限的成员才能更改本频道的订阅和预警设置；任何人都可以用 /alerts 查看。');
    expect(chats.say('/subscribe alerts', { platform: 'discord', chatId: 'c2', kind: 'group', admin: false })).toBe(
      "Only members with the Manage Channels permission can change this channel's subscriptions and alert settings; anyone can read them with /alerts.",
    );
    expect(chats.say('/subscribe alerts', { chatId: '-200', kind: 'channel', admin: false })).toBe("Only this channel's admins can change this channel's subscriptions and alert settings; anyone can read them with /alerts.");
  });

  it('GIVEN no store THEN the command says subscriptions are not available, in the language', () => {
    const context = { ...chats.contextOf(ZH_PRIVATE), subscriptions: undefined, t: translator('zh-CN') };
    expect(renderText(handleCommandText('/subscribe alerts', context)!)).toBe('此处不支持订阅。');
  });
});

describe('why a failed delivery turned the subscriptions off', () => {
  const now = Date.UTC(2026, 11, 9);
  const off = (kind: 'alerts' | 'digest', reason: string): Subscription => ({
    id: kind === 'alerts' ? 1 : 2,
    platform: 'telegram',
    chatId: '42',
    kind,
    assets: [],
    active: false,
    createdAt: 0,
    deactivated: { at: Date.UTC(2026, 11, 2, 14, 5), reason },
  }) as Subscription;

  it('GIVEN both turned off by a block THEN English as before, and Chinese with the platform’s own words kept', () => {
    const both = [off('digest', '403 Forbidden: bot was blocked by the user'), off('alerts', '403 Forbidden: bot was blocked by the user')];
    expect(deactivationNotice(both, now)).toBe('Alerts and digest were turned off on 2 Dec 14:05 UTC because Telegram answered 403: bot was blocked by the user. To turn them back on: /subscribe alerts, /subscribe digest.');
    const zh = deactivationNotice(both, now, translator('zh-CN'))!;
    expect(zh).toBe('预警和摘要已于 2 Dec 14:05 UTC 关闭，原因：Telegram 返回 403：bot was blocked by the user。重新开启：/subscribe alerts, /subscribe digest。');
    expect(zh).not.toMatch(LEAKED_ID);
  });

  it('GIVEN one turned off without an HTTP answer THEN it is quoted as the error it was', () => {
    expect(deactivationNotice([off('digest', 'socket hang up')], now)).toBe('Digest was turned off on 2 Dec 14:05 UTC because Telegram failed: socket hang up. To turn it back on: /subscribe digest.');
    expect(deactivationNotice([off('alerts', 'socket hang up')], now, translator('zh-CN'))).toBe('预警已于 2 Dec 14:05 UTC 关闭，原因：Telegram 出错：socket hang up。重新开启：/subscribe alerts。');
  });
});

describe('/subscribe alerts sequencer <name> in Chinese', () => {
  it('GIVEN a Chinese chat THEN the sequencer subscription and "no sequencer read yet" are Chinese', () => {
    const history = storeWithHistory();
    const view = sequencersView({ config, source, observation: history.latestObservation('sequencer')!, store: history, tower })!;
    const chats = subscriptionChats();
    const zh = chats.contextOf({ languageTag: 'zh-CN' });
    expect(renderText(handleCommandText('/subscribe alerts sequencer Beta', zh)!)).toBe('尚未读取到任何排序器。');
    const withView = { ...zh, snapshot: () => ({ ...zh.snapshot(), sequencers: view }) };
    expect(renderText(handleCommandText('/subscribe alerts sequencer Beta', withView)!)).toBe(
      '已订阅：排序器 Beta 的预警（2）：其状态变化、奖励领取，以及活跃期间奖励 24 h 未增长。/alerts 查看规则；/unsubscribe alerts 可取消。',
    );
    chats.close();
    history.close();
  });
});
