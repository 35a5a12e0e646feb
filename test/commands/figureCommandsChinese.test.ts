import { describe, expect, it } from 'vitest';
import { commands, handleCommandText } from '../../commands/registry.ts';
import { baseRunBy } from '../../src/figures/baseRunBy.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { layoutTable } from '../../src/vocabulary/reply.ts';
import { config, NOW, signer, source, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';
import { leakedIds } from './messageIds.ts';
import { context, snapshot } from './snapshotFixture.ts';

const zh = translator('zh-CN');
const store = storeWithHistory();
const epoch = { sourceId: 'set', chainId: 1088, blockNumber: 5n, blockTime: NOW, observedAt: NOW * 1000, values: { epochNumber: 42n, epochSigner: BigInt(signer(4)), epochStartBlock: 1n, epochEndBlock: 2n } };
const sequencers = sequencersView({ config, source, observation: store.latestObservation('sequencer')!, store, tower, epoch })!;
const withSequencers: Snapshot = {
  ...snapshot,
  sources: [{ id: 'sequencer', label: 'Sequencer mining', kind: 'sequencer', chainId: 1, lastRead: { blockNumber: 1n, blockTime: NOW, observedAt: NOW * 1000 }, staleAfterSeconds: 900 }],
  tower,
  sequencers,
};
const sequencerContext = { snapshot: () => withSequencers, now: () => NOW * 1000 + 60_000, commands: () => commands };

/** The reply in Chinese as text, checked to leak no message id. */
function chinese(command: string, base = context): string {
  const reply = handleCommandText(command, { ...base, t: zh });
  expect(reply, command).toBeDefined();
  const text = renderText(reply!);
  expect(leakedIds(text), command).toEqual([]);
  return text;
}

describe('the figure commands in Chinese', () => {
  it('GIVEN /leverage THEN the tower in Chinese with the same figures', () => {
    const out = chinese('/leverage');
    expect(out).toContain('杠杆 1.119× · 24h 变化 +0.0021× · 7d 变化 −0.0105×');
    expect(out).toMatch(/锁仓的 METIS（基础）\s+1\.00M\s+1\.00M\s+100\.0%/);
    expect(out).toMatch(/全部债权\s+1\.12M\s+111\.9%/);
    expect(out).toContain('退出等待期：锁仓的 METIS 需等待 21 天才能提取');
    expect(out).toContain('杠杆塔数据：最早的读取距今 1h（seMetis <vault> & co，已过期）。');
  });

  it('GIVEN /leverage with sequencers read THEN who runs the base, in Chinese', () => {
    const out = chinese('/leverage', sequencerContext);
    expect(out).toContain(`基础的运营方：${baseRunBy(zh, sequencers)}。根杠杆`);
    expect(baseRunBy(zh, sequencers)).toMatch(/^LST 协议 [\d.]+%（ENKI [\d.]+%, Artemis [\d.]+%），独立排序器 [\d.]+%$/);
    // The digest's words stay English until its owner passes the chat's language.
    expect(baseRunBy(english, sequencers)).toMatch(/^LST protocols [\d.]+% \(ENKI [\d.]+%, Artemis [\d.]+%\), independent sequencers [\d.]+%$/);
  });

  it('GIVEN /sequencers THEN the list, one sequencer and a name that matches none, in Chinese', () => {
    const list = chinese('/sequencers', sequencerContext);
    expect(list).toMatch(/#\s+排序器\s+状态\s+锁仓\s+占基础\s+7d 收益\s+7d APR\s+30d 收益\s+30d APR\s+L2 纪元/);
    expect(list).toContain('活跃');
    expect(list).toContain('LST 运营');
    expect(list).toContain('用 /sequencers <名称或编号> 查看单个排序器。');
    const one = chinese('/sequencers Alpha', sequencerContext);
    expect(one).toContain('排序器 ALPHA');
    expect(one).toMatch(/编号 1 · 由 ENKI 运营/);
    expect(one).toContain('未领取奖励');
    expect(one).toMatch(/日期\s+事件\s+METIS/);
    expect(one).toContain('领取奖励');
    const none = handleCommandText('/sequencers nosuch', { ...sequencerContext, t: zh });
    expect(none?.kind).toBe('usage');
    expect(renderText(none!)).toMatch(/^没有与“nosuch”匹配的排序器。排序器：1 Alpha/);
  });

  it('GIVEN /status THEN sources, errors, chains and the last cycle in Chinese', () => {
    const out = chinese('/status');
    expect(out).toMatch(/来源\s+状态\s+区块\s+数据时长/);
    expect(out).toMatch(/seMetis\s+已过期\s+#200\s+1h/);
    expect(out).toContain('最近错误：');
    expect(out).toContain('seMetis：convertToAssets reverted: <boom>（1m 前）');
    expect(out).toContain('RPC http://127.0.0.1:8545，最新区块 #100 读取于 2m 前');
    expect(out).toContain('最近一轮轮询完成于 2m 前。');
    // A Chinese character takes two columns of a monospace font: the table's columns still line up.
    const table = layoutTable([{ header: '来源', align: 'left' }, { header: '状态', align: 'left' }], [['seMetis', '已过期']]);
    expect(table).toEqual(['来源     状态', 'seMetis  已过期']);
  });

  it('GIVEN /start and /help THEN the introduction and the commands in Chinese', () => {
    const start = chinese('/start');
    expect(start).toContain('METIS 收益机器人');
    expect(start).toContain('我关注 Metis 排序器挖矿奖励');
    expect(start).toContain('/help — 这个机器人能做什么');
    const help = chinese('/help');
    expect(help).toContain('命令');
    expect(help).toContain('数据均由链上读取计算，并注明数据时长。仅为预测，并非承诺。');
  });

  it('GIVEN English THEN /start, /help and /status read as before', () => {
    expect(renderText(handleCommandText('/start', context)!)).toContain('I watch Metis sequencer-mining rewards');
    expect(renderText(handleCommandText('/help', context)!)).toContain('/help — What this bot can do');
    expect(renderText(handleCommandText('/status', context)!)).toContain('Last poll cycle finished 2m ago.');
  });
});
