import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { chartControls } from '../../commands/chartControls.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import type { Action, Reply } from '../../src/vocabulary/reply.ts';
import { leakedIds } from './messageIds.ts';
import { context } from './snapshotFixture.ts';

const zh = { ...context, t: translator('zh-CN') };
const actions = (reply: Reply | undefined): Action[] => (reply?.controls ?? []).flatMap((c) => c.actions);

describe('/apy in Chinese', () => {
  it('GIVEN a chat in Chinese THEN the overview in Chinese, figures as in English, and no message id', () => {
    const out = renderText(handleCommandText('/apy', zh)!);
    expect(out).toContain('METIS 收益');
    expect(out).toMatch(/来源\s+当前 APY\s+7 d APY\s+Δ24h\s+TVL\s+数据时长/);
    expect(out).toMatch(/Sequencer mining\s+17\.08% 名义\s+17\.06%/);
    expect(out).toContain('排序器：名义 APR 15.77%（APY 17.08%，按日复利）');
    expect(out).toContain('相对排序器名义 APY 的溢价：seMetis <vault> & co −4.37 pp（7 d APY）');
    expect(out).toContain('杠杆塔：1.119×，基于锁仓的 1.00M METIS');
    expect(leakedIds(out)).toEqual([]);
  });

  it('GIVEN one asset in Chinese THEN its detail in Chinese', () => {
    const out = renderText(handleCommandText('/apy seMetis', zh)!);
    expect(out).toContain('APY 24 h：12.74% · 7 d：12.71% · 30 d：—（历史数据不足）');
    expect(out).toContain('兑换率：1 seMetis = 1.050000 eMetis');
    expect(out).toContain('APY 由份额价格在各回溯窗口');
    expect(leakedIds(out)).toEqual([]);
    const pool = renderText(handleCommandText('/apy eMetis-METIS', zh)!);
    expect(pool).toContain('价格：');
    expect(pool).toContain('脱锚以基点（bps）计');
    expect(leakedIds(pool)).toEqual([]);
  });

  it('GIVEN English THEN the same reply as before, with English buttons', () => {
    const out = renderText(handleCommandText('/apy seMetis', context)!);
    expect(out).toContain('APY 24 h: 12.74% · 7 d: 12.71% · 30 d: — (not enough history)');
    expect(actions(handleCommandText('/apy seMetis', context)).map((a) => a.label)).toEqual(['‹ All yields', 'Chart']);
  });
});

describe('/apy buttons', () => {
  it('GIVEN the overview THEN one button per asset, each fitting a button and opening its detail in place', () => {
    const buttons = actions(handleCommandText('/apy', context));
    expect(buttons.map((b) => b.command)).toEqual(['/apy sequencer', '/apy seMetis', '/apy eMetis-METIS']);
    for (const button of buttons) {
      expect(encodeAction(button)).toBeDefined();
      expect(button.edit).toBe(true);
      const detail = handleCommandText(button.command, context)!;
      expect(detail.kind).toBe('answer');
      expect(detail.blocks[0]).toMatchObject({ kind: 'title' });
      expect(renderText(detail)).toContain('Data: ');
    }
  });

  it('GIVEN a sequencer-set source (who signs the L2 epoch) THEN no /apy or /chart button and no choice for it: it has no figures of its own', () => {
    const epochs = { id: 'epochs', label: 'Sequencer set', kind: 'sequencer-set' as const, chainId: 1088, staleAfterSeconds: 900 };
    const snapshot = { ...context.snapshot(), sources: [...context.snapshot().sources, epochs] } as ReturnType<typeof context.snapshot>;
    const withSet = { ...context, snapshot: () => snapshot };
    expect(actions(handleCommandText('/apy', withSet)).map((b) => b.command)).toEqual(['/apy sequencer', '/apy seMetis', '/apy eMetis-METIS']);
    expect(handleCommandText('/apy epochs', withSet)?.kind).toBe('usage');
    const picker = chartControls(english, snapshot, 'seMetis', '7d').flatMap((c) => c.actions.map((a) => a.command));
    expect(picker).toContain('/chart sequencer 7d');
    expect(picker).not.toContain('/chart epochs 7d');
  });

  it('GIVEN a detail THEN "back" gives the overview in place and "chart" asks for its chart in a new message', () => {
    const [back, chart] = actions(handleCommandText('/apy seMetis', zh));
    expect(back).toEqual({ label: '‹ 全部收益', command: '/apy', edit: true });
    expect(chart).toEqual({ label: '图表', command: '/chart seMetis' });
    for (const button of [back!, chart!]) expect(encodeAction(button)).toBeDefined();
    expect(renderText(handleCommandText(back!.command, zh)!)).toContain('METIS 收益');
    // The fixture has no stored history: the chart command answers, in Chinese, that it cannot draw.
    expect(handleCommandText(chart!.command, zh)?.kind).toBe('answer');
  });
});
