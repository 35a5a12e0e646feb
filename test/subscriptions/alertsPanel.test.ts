import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../../src/alerts/ruleList.ts';
import { TUNABLE_RULES } from '../../src/alerts/rules/ruleParams.ts';
import { english } from '../../src/i18n/translator.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Action, Reply } from '../../src/vocabulary/reply.ts';
import { NOW } from '../commands/snapshotFixture.ts';
import { LEAKED_ID, subscriptionChats } from './subscriptionChat.ts';

const HOUR = 3_600_000;
const actions = (reply: Reply): Action[] => (reply.controls ?? []).flatMap((c) => c.actions);
const action = (reply: Reply, command: string): Action | undefined => actions(reply).find((a) => a.command === command);
const ZH = { languageTag: 'zh-CN' } as const;

describe('/alerts: the settings panel', () => {
  let chats: ReturnType<typeof subscriptionChats>;
  beforeEach(() => (chats = subscriptionChats()));
  afterEach(() => chats.close());

  it('GIVEN the defaults THEN every tunable rule has a − and a + that fit a button, and Reset', () => {
    const reply = chats.reply('/alerts');
    const text = chats.say('/alerts');
    expect(text).toContain('Depeg: warning at 50 bps, critical at 200 bps');
    expect(text).toContain('Base fall: 5% fall of METIS locked in 24 h (base-fall)');
    expect(text).toContain("Reward stall: an active sequencer's reward not growing for 24 h (reward-stall)");
    expect(reply.controls?.map((c) => c.kind)).toEqual(['select', 'select', 'buttons']);
    const [lower, raise] = reply.controls!;
    expect(lower!.kind === 'select' && lower!.placeholder).toBe('Lower a threshold (−)');
    expect(raise!.actions.map((a) => a.command.split(' ')[2])).toEqual(Object.keys(TUNABLE_RULES));
    expect(action(reply, '/alerts set depeg-warning 60')).toEqual({ label: '+ depeg-warning → 60 bps', command: '/alerts set depeg-warning 60', edit: true });
    expect(action(reply, '/alerts set depeg-warning 40')).toEqual({ label: '− depeg-warning → 40 bps', command: '/alerts set depeg-warning 40', edit: true });
    expect(action(reply, '/alerts reset')).toEqual({ label: 'Reset to defaults', command: '/alerts reset', edit: true });
    for (const a of actions(reply)) expect(encodeAction(a), a.command).toBeDefined();
  });

  it('GIVEN each button THEN its command answers with the confirmation and the panel showing the new value', () => {
    for (const a of actions(chats.reply('/alerts'))) {
      const reply = chats.reply(a.command);
      expect(reply.kind, a.command).toBe('answer');
      expect(reply.blocks.find((b) => b.kind === 'title'), a.command).toEqual({ kind: 'title', text: 'Alerts in this chat' });
      expect(reply.controls?.length, a.command).toBeGreaterThanOrEqual(3);
      chats.say('/alerts reset');
    }
    const pressed = chats.say('/alerts set depeg-warning 60');
    expect(pressed.split('\n')[0]).toBe('Set depeg-warning to 60 bps for this chat.');
    expect(pressed).toContain('Depeg: warning at 60 bps, critical at 200 bps');
    // The next press goes on from the new value.
    expect(action(chats.reply('/alerts'), '/alerts set depeg-warning 70')?.label).toBe('+ depeg-warning → 70 bps');
    expect(chats.service.thresholds({ platform: 'telegram', chatId: '42' }).depegWarningBps).toBe(60);
  });

  it('GIVEN a value near its end THEN the step stops at the rule’s min or max, and at the end there is no button', () => {
    chats.say('/alerts set depeg-warning 4995');
    expect(action(chats.reply('/alerts'), '/alerts set depeg-warning 5000')?.label).toBe('+ depeg-warning → 5,000 bps');
    chats.say('/alerts set depeg-warning 5000');
    const atMax = chats.reply('/alerts');
    expect(actions(atMax).filter((a) => a.command.startsWith('/alerts set depeg-warning ')).map((a) => a.command)).toEqual(['/alerts set depeg-warning 4990']);
    chats.say('/alerts set apy-drop-points 0.3');
    expect(action(chats.reply('/alerts'), '/alerts set apy-drop-points 0.1')?.label).toBe('− apy-drop-points → 0.1 pp');
    expect(action(chats.reply('/alerts'), '/alerts set apy-drop-points 0.8')?.label).toBe('+ apy-drop-points → 0.8 pp');
    chats.say('/alerts set cooldown 0');
    expect(actions(chats.reply('/alerts')).filter((a) => a.command.startsWith('/alerts set cooldown ')).map((a) => a.command)).toEqual(['/alerts set cooldown 15']);
  });

  it('GIVEN changed thresholds THEN Reset brings back the config’s defaults, and says so when there was nothing to reset', () => {
    chats.say('/alerts set depeg-warning 80');
    chats.say('/alerts set cycles 3');
    const reset = chats.say('/alerts reset');
    expect(reset.split('\n')[0]).toBe("Every threshold of this chat is back to the config's default.");
    expect(reset).toContain('Depeg: warning at 50 bps');
    expect(reset).toContain('Held for 2 cycles (cycles)');
    expect(chats.say('/alerts reset').split('\n')[0]).toBe("This chat already uses the config's default thresholds.");
  });

  it('GIVEN a Chinese chat THEN the panel, the confirmations and the menus are Chinese, rule names and units as typed', () => {
    const text = chats.say('/alerts', ZH);
    expect(text).toContain('本聊天的预警');
    expect(text).toContain('预警：已关闭（/subscribe alerts） · 摘要：已关闭（/subscribe digest）');
    expect(text).toContain('脱锚：50 bps 警告，200 bps 严重；池子有 TWAP 时按 TWAP，否则按现价（depeg-warning、depeg-critical）');
    expect(text).toContain('未解除：无');
    expect(text).not.toMatch(LEAKED_ID);
    const reply = chats.reply('/alerts', ZH);
    expect(reply.controls!.map((c) => (c.kind === 'select' ? c.placeholder : c.actions[0]!.label))).toEqual(['调低阈值（−）', '调高阈值（+）', '恢复默认']);
    expect(chats.say('/alerts set depeg-warning 60', ZH).split('\n')[0]).toBe('已将本聊天的 depeg-warning 设为 60 bps。');
    expect(chats.say('/alerts set reward-stall 30', ZH).split('\n')[0]).toBe('已将本聊天的 reward-stall 设为 30 小时（活跃排序器没有收益）。');
    expect(chats.say('/alerts reset', ZH).split('\n')[0]).toBe('本聊天的所有阈值已恢复为配置的默认值。');
  });

  it('GIVEN each tunable rule THEN its English unit is the rule’s own (the confirmation reads as before)', () => {
    for (const [rule, spec] of Object.entries(TUNABLE_RULES)) expect(english(`alerts-unit-${rule}`), rule).toBe(spec.unit);
  });

  it('GIVEN a mistake THEN the usage answer names it as before', () => {
    expect(chats.say('/alerts set wobble 3')).toContain('Unknown rule "wobble"');
    expect(chats.say('/alerts set depeg-warning 99999')).toContain('depeg-warning must be between 1 and 5,000, not 99,999');
    expect(chats.reply('/alerts wobble').kind).toBe('usage');
  });
});

describe('/alerts mute and unmute', () => {
  let chats: ReturnType<typeof subscriptionChats>;
  beforeEach(() => (chats = subscriptionChats()));
  afterEach(() => chats.close());

  it('GIVEN a mute THEN it is stored for 24 h, listed with its end and an Unmute button, and the button ends it', () => {
    const muted = chats.reply('/alerts mute depeg emetis-metis');
    expect(chats.say('/alerts mute depeg emetis-metis')).toBe('Muted depeg alerts about eMetis-METIS for 24 h, until 16 Jan 08:00 UTC. /alerts unmute depeg eMetis-METIS ends it sooner.');
    expect(actions(muted)).toEqual([{ label: 'Undo', command: '/alerts unmute depeg eMetis-METIS', edit: true }]);
    expect(chats.subscriptions.mutes('telegram', '42', NOW)).toEqual([{ rule: 'depeg', sourceId: 'eMetis-METIS', until: NOW + 24 * HOUR }]);
    const panel = chats.reply('/alerts');
    expect(chats.say('/alerts')).toContain('Muted: depeg eMetis-METIS until 16 Jan 08:00 UTC');
    const unmute = action(panel, '/alerts unmute depeg eMetis-METIS')!;
    expect(unmute).toEqual({ label: 'Unmute depeg eMetis-METIS', command: '/alerts unmute depeg eMetis-METIS', edit: true });
    expect(encodeAction(unmute)).toBeDefined();
    const after = chats.say(unmute.command);
    expect(after.split('\n')[0]).toBe('Unmuted depeg alerts about eMetis-METIS.');
    expect(after).not.toContain('Muted:');
    expect(chats.subscriptions.mutes('telegram', '42', NOW)).toEqual([]);
    expect(chats.say(unmute.command).split('\n')[0]).toBe('depeg alerts about eMetis-METIS were not muted.');
  });

  it('GIVEN hours, notice rules, the tower, a chain and several mutes THEN each is stored, and unmute without names ends them all', () => {
    expect(chats.say('/alerts mute apy-drop seMetis 6')).toContain('for 6 h, until 15 Jan 14:00 UTC');
    expect(chats.reply('/alerts mute leverage tower').kind).toBe('answer');
    expect(chats.reply('/alerts mute halt chain:1 168').kind).toBe('answer');
    expect(chats.reply('/alerts mute sequencer-exit sequencer').kind).toBe('answer');
    expect(chats.subscriptions.mutes('telegram', '42', NOW).map((m) => `${m.rule} ${m.sourceId}`)).toEqual(['apy-drop seMetis', 'leverage tower', 'sequencer-exit sequencer', 'halt chain:1']);
    expect(actions(chats.reply('/alerts')).at(-1)).toEqual({ label: 'Unmute all', command: '/alerts unmute', edit: true });
    expect(chats.say('/alerts unmute').split('\n')[0]).toBe('Mutes ended: 4.');
    expect(chats.say('/alerts unmute').split('\n')[0]).toBe('No mute was running.');
  });

  it('GIVEN an unknown rule or source, or hours out of range THEN a usage answer names it and nothing is stored', () => {
    expect(chats.reply('/alerts mute wobble eMetis-METIS').kind).toBe('usage');
    expect(chats.say('/alerts mute wobble eMetis-METIS')).toContain('Unknown rule "wobble"');
    expect(chats.say('/alerts mute depeg eMetis-METSI')).toMatch(/Unknown source "eMetis-METSI"\. Did you mean eMetis-METIS\?/);
    expect(chats.say('/alerts mute depeg eMetis-METIS 200')).toContain('hours must be between 1 and 168, not 200');
    expect(chats.say('/alerts mute depeg')).toContain('source is missing');
    expect(chats.subscriptions.mutes('telegram', '42', NOW)).toEqual([]);
  });

  it('GIVEN a Chinese chat THEN mute, the list and unmute are Chinese', () => {
    expect(chats.say('/alerts mute depeg eMetis-METIS', ZH)).toBe('已静音 eMetis-METIS 的 depeg 预警 24 h，至 16 Jan 08:00 UTC。/alerts unmute depeg eMetis-METIS 可提前结束。');
    expect(actions(chats.reply('/alerts', ZH)).map((a) => a.label)).toContain('取消静音 depeg eMetis-METIS');
    const panel = chats.say('/alerts', ZH);
    expect(panel).toContain('已静音：depeg eMetis-METIS，至 16 Jan 08:00 UTC');
    expect(panel).not.toMatch(LEAKED_ID);
    expect(chats.say('/alerts unmute depeg eMetis-METIS', ZH).split('\n')[0]).toBe('已取消 eMetis-METIS 的 depeg 预警静音。');
  });

  it('GIVEN every alert rule and every source of the fixture THEN the alert’s Mute button command fits and works', () => {
    const sources = ['sequencer', 'seMetis', 'eMetis-METIS', 'tower', 'chain:1'];
    for (const rule of RULES.map((r) => r.name)) {
      for (const source of sources) {
        const command = `/alerts mute ${rule} ${source}`;
        expect(encodeAction({ command }), command).toBeDefined();
        expect(chats.reply(command).kind, command).toBe('answer');
      }
    }
  });
});
