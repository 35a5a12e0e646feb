import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { missing } from '../../src/core/figure.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { context, snapshot, snapshotWithSeMetisPool } from './snapshotFixture.ts';

const zh: CommandContext = { ...context, t: translator('zh-CN') };
const ask = (line: string, ctx: CommandContext = zh) => handleCommandText(line, ctx);
const text = (reply: Reply | undefined) => (reply ? renderText(reply) : '');
/** A message id left in the output (simulate-hold-title, usage-line…): a message missing in both languages. */
const LEAKED_ID = /(?<![\w/=-])(simulate|usage|rate|missing|format)-[a-z0-9]+(-[a-z0-9]+)*/i;
/** English sentences of /simulate that must not appear in a Chinese reply. */
const ENGLISH_WORDS = /\b(Simulate|Loop|strategy|final|gain|compounded|Projections|Amounts|Exposure|Net APY|borrowed|Liquidat|Exit|slippage|default|assumed|no rate yet|years?|months?|days?|hours?)\b/;

function expectChinese(out: string): void {
  expect(out).not.toMatch(LEAKED_ID);
  expect(out).not.toMatch(ENGLISH_WORDS);
}

describe('/simulate in Chinese', () => {
  it('GIVEN a hold THEN title, headers, rate lines and note in Chinese, figures as in English', () => {
    const out = text(ask('/simulate 1000 1y compound=weekly'));
    expect(out).toContain('模拟 1,000 METIS，期限 1 年');
    expect(out).toMatch(/#\s+策略\s+APY\s+最终金额\s+收益\s+时效/);
    expect(out).toMatch(/策略\s+APY −25%\s+收益 −25%\s+APY −50%\s+收益 −50%/);
    expect(out).toContain('Sequencer mining：名义 APR 15.77%，按周复利 → 年化 17.05%');
    expect(out).toContain('seMetis <vault> & co：7 d 份额价格 APY 12.71%，以 eMetis 计；复利已体现在份额价格中，因此 compound= 不影响结果');
    expect(out).toContain('以上为按当前收益率的预测，并非承诺');
    expect(out).toContain('压力情景：所有收益率降低 25 % 和 50 %。');
    expectChinese(out);
    // The figures are the language-neutral ones of the English reply.
    const en = text(ask('/simulate 1000 1y compound=weekly', context));
    for (const figure of ['1,170.51', '+170.51', '12.54%', '+125.39', '1,127.10', '1h ⚠']) {
      expect(en).toContain(figure);
      expect(out).toContain(figure);
    }
  });

  it('GIVEN each horizon unit THEN it in Chinese in the title', () => {
    expect(text(ask('/simulate 1000 6m'))).toContain('期限 6 个月');
    expect(text(ask('/simulate 1000 12w'))).toContain('期限 12 周');
    expect(text(ask('/simulate 1000 36h'))).toContain('期限 1.5 天');
    expect(text(ask('/simulate 1000 12h'))).toContain('期限 12 小时');
    expect(text(ask('/simulate 1000 10y'))).toContain('期限 10 年');
  });

  it('GIVEN loop options on a hold THEN the hint in Chinese with loop in bold', () => {
    const reply = ask('/simulate 1000 hold ltv=0.5')!;
    const hint = reply.blocks.find((b) => b.kind === 'paragraph');
    expect(hint).toEqual({ kind: 'paragraph', parts: ['ltv=、loops=、borrow= 和 lt= 只适用于循环借贷：加上 ', { text: 'loop', style: 'bold' }, ' 才会生效。'] });
  });

  it('GIVEN a loop THEN settings, exposure, net APY, liquidation, exit and note in Chinese', () => {
    const reply = ask('/simulate 1000 1y loop borrow=4.5%')!;
    const out = text(reply);
    expect(out).toContain('循环借贷 1,000 METIS，期限 1 年');
    expect(out).toContain('ltv 0.70（默认） · 3 轮（默认） · 借款 4.50% APR · 清算阈值 0.80（默认：可用 lt= 设置）');
    expect(out).toMatch(/#\s+策略\s+净 APY\s+最终金额\s+收益\s+时效/);
    expect(out).toContain('敞口 2.533×：质押 2,533.00 METIS，借入 1,533.00。');
    expect(out).toContain('净 APY 25.30% = 2.533 × 12.71%（7 d 份额价格 APY）− 1.533 × 4.50%（借款）。');
    expect(out).toContain('若 seMetis 下跌 24.35%（相对借入的 METIS），将被清算（阈值 0.80）。');
    expect(out).toContain('退出：没有池子能把 seMetis 兑换为 METIS：退出只能通过协议赎回，需等待其退出期。');
    expect(out).toContain('压力情景将质押 APY 降低 25 % 和 50 %；借款利率不变。');
    expectChinese(out);
    // The figures stay bold parts wherever the translation puts them.
    const items = reply.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(items).toContainEqual(['净 APY ', { text: '25.30%', style: 'bold' }, ' = 2.533 × 12.71%（7 d 份额价格 APY）− 1.533 × 4.50%（借款）。']);
    expect(items).toContainEqual(['若 ', { text: 'seMetis 下跌 24.35%', style: 'bold' }, '（相对借入的 METIS），将被清算（阈值 0.80）。']);
  });

  it('GIVEN a loop with defaults, at once liquidatable, or without debt THEN those lines in Chinese', () => {
    expect(text(ask('/simulate 1000 loop ltv=0.9 loops=20 lt=0.5'))).toContain('立即可被清算：债务/抵押比 0.888 已达到或超过阈值 0.50。');
    expect(text(ask('/simulate 1000 ltv=0.5'))).toContain('ltv 0.50 · 3 轮（默认） · 借款 5.00% APR（假设值：可用 borrow= 设置） · 清算阈值 0.80（默认：可用 lt= 设置）');
    expect(text(ask('/simulate 1000 loop loops=0'))).toContain('没有借款：不存在清算。');
  });

  it('GIVEN a loop with a pool of its own THEN the exit line in Chinese', () => {
    const out = text(ask('/simulate 1000 seMetis loop', { ...zh, snapshot: () => snapshotWithSeMetisPool }));
    expect(out).toContain('退出：seMetis/WMETIS（WMETIS 与 METIS 1:1 等值）在 1 % 滑点内可承接 500.00 seMetis（占仓位的 20.73%），在 5 % 滑点内可承接 2,600.00 seMetis（全部仓位）。');
  });

  it('GIVEN a strategy without a rate THEN why, in Chinese, in the hold and the loop', () => {
    const young: Snapshot = {
      ...snapshot,
      sources: snapshot.sources.map((s) => (s.figures?.kind === 'yield' ? { ...s, figures: { ...s.figures, apy7d: missing('no-data'), apy30d: missing('no-data'), apy24h: missing('not-enough-history') } } : s)),
    };
    const ctx = { ...zh, snapshot: () => young };
    expect(text(ask('/simulate 1000', ctx))).toContain('seMetis <vault> & co：尚无收益率（历史数据不足）');
    expect(text(ask('/simulate 1000 loop', ctx))).toContain('尚无收益率（历史数据不足）。');
  });

  it('GIVEN what cannot be simulated THEN a usage reply in Chinese', () => {
    const usage = (reply: Reply | undefined) => {
      expect(reply?.kind).toBe('usage');
      return reply!.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
    };
    expect(usage(ask('/simulate 1000 sequencer loop'))).toBe('Sequencer mining 无法循环借贷：排序器锁仓的 METIS 不能作为抵押品。请改用质押代币循环，例如 /simulate 1000 seMetis loop');
    const sequencerOnly: Snapshot = { ...snapshot, sources: snapshot.sources.filter((s) => s.kind === 'sequencer') };
    expect(usage(ask('/simulate 1000 loop', { ...zh, snapshot: () => sequencerOnly }))).toBe('没有配置可用于循环借贷的质押代币。');
    const none: Snapshot = { ...snapshot, sources: snapshot.sources.filter((s) => s.kind === 'uniswap-v2') };
    expect(usage(ask('/simulate 1000', { ...zh, snapshot: () => none }))).toBe('没有配置可模拟的收益来源。');
    expect(usage(ask('/simulate 1000', { ...context, snapshot: () => none }))).toBe('No earning source is configured to simulate.');
  });

  it('GIVEN the English translator given explicitly THEN the same reply as without one', () => {
    for (const line of ['/simulate 1000 1y compound=weekly', '/simulate 1000 seMetis loop ltv=0.9 loops=20 lt=0.5', '/simulate 0.001 36h', '/simulate 1000 hold ltv=0.5']) {
      expect(ask(line, { ...context, t: english })).toEqual(ask(line, context));
    }
  });
});
