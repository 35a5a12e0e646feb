import { describe, expect, it } from 'vitest';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { translator } from '../../src/i18n/translator.ts';
import { apyDropMessage, depegMessage, haltMessage, leverageMessage, rewardMessage, staleMessage } from '../../src/alerts/alertMessages.ts';
import { activeSetMessage } from '../../src/alerts/rules/activeSetRule.ts';
import { baseFallMessage } from '../../src/alerts/rules/baseFallRule.ts';
import type { LevelTransition } from '../../src/alerts/rules/levelRule.ts';
import { operatorShareMessage } from '../../src/alerts/rules/operatorShareRule.ts';
import { claimMessage } from '../../src/alerts/rules/sequencerClaimRule.ts';
import { sequencerExits } from '../../src/alerts/rules/sequencerExitRule.ts';
import { sequencerJoins } from '../../src/alerts/rules/sequencerJoinRule.ts';
import { stallMessage } from '../../src/alerts/rules/sequencerStallRule.ts';
import { statusChangeMessage } from '../../src/alerts/rules/sequencerStatusRule.ts';
import { figure } from '../../src/core/figure.ts';
import type { SequencerRow, SequencersView } from '../../src/figures/sequencersViewTypes.ts';
import type { ChainEvent } from '../../src/store/historyStore.ts';

/**
 * Every alert, recovery and notice in Chinese, from the message builders with the zh-CN translator: real
 * Chinese sentences, full-width punctuation, figures and units as in English, and no message id left in them.
 * NOW is 2027-01-15 08:00 UTC.
 */
const zh = translator('zh-CN');
const NOW = Date.UTC(2027, 0, 15, 8, 0);
const MIN = 60_000;
const text = (reply: Reply) => reply.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'note' ? `(${b.text})` : '')).join('\n');
const fire: LevelTransition = { kind: 'fire', from: 'ok', to: 'warning', startedAt: NOW - 5 * MIN };
const critical: LevelTransition = { kind: 'fire', from: 'ok', to: 'critical', startedAt: NOW - 5 * MIN };
const escalate: LevelTransition = { kind: 'escalate', from: 'warning', to: 'critical', startedAt: NOW - 15 * MIN, worst: { measure: 320, reading: -320, at: NOW } };
const recover = (worst: { measure: number; reading: number }): LevelTransition => ({ kind: 'recover', from: 'warning', to: 'ok', startedAt: NOW - 40 * MIN, worst: { ...worst, at: NOW - 25 * MIN } });
const data = { blockNumber: 200n, chainId: 1088, ageSeconds: 60 };
const depeg = { label: 'eMetis/METIS', asset: 'eMetis', quote: 'METIS', basis: '30 min TWAP', price: figure(0.987), fairValue: figure(1), bps: -130, warningBps: 50, criticalBps: 200, clearBps: 30, data, command: '/apy eMetis-METIS', now: NOW };
const apy = { label: 'seMetis', metric: '24 h APY', current: 0.182, average: 0.2655, dropPercent: 20, dropPoints: 3, clearRatio: 0.6, data, command: '/apy seMetis', now: NOW };
const leverage = { leverage: 1.278, past: 1.119, changePercent: 14.21, thresholdPercent: 10, clearPercent: 6, data: { ...data, blockNumber: 100n, chainId: 1 }, now: NOW };
const halt = { chainName: 'Metis Andromeda', chainId: 1088, head: { number: 237n }, headSince: NOW - 15 * MIN, haltSeconds: 899, haltAfterSeconds: 300, readAt: NOW - 1_000, now: NOW };
const stale = { label: 'seMetis', ageSeconds: 2_400, staleAfterSeconds: 1_800, lastRead: { blockNumber: 200n, chainId: 1088, observedAt: NOW - 40 * MIN }, lastError: 'convertToAssets reverted', now: NOW };
const tx = `0x${'ab'.repeat(31)}cd`;
const reward = {
  label: 'Sequencer mining', oldRaw: 12_478_422_370_000_000n, newRaw: 15_000_000_000_000_000n, decimals: 18, nominalApr: figure(0.2355), rewardPerBlock: figure(0.015),
  txHash: tx, txUrl: `https://etherscan.io/tx/${tx}`, chainId: 1, blockNumber: 101n, blockTime: NOW / 1000 - 900, command: '/apy sequencer', now: NOW,
};
const row: SequencerRow = {
  seqId: 4, name: 'ENKI 2', labelled: true, owner: '0x4444', signer: '0x4444', lst: 'ENKI', status: 'exiting', unlockClaimTime: NOW / 1000 + 21 * 86_400,
  locked: figure(340_000), share: figure(0.34), unclaimed: figure(1_250), income7d: figure(0), apr7d: figure(0), income30d: figure(0), apr30d: figure(0), dailyIncome: [], events: [],
};
const view = { sourceId: 'sequencer', blockTime: NOW / 1000, rows: [row], activeCount: 2, base: figure(1_000_000), base24hAgo: figure(1_100_000) } as unknown as SequencersView;
const claim: ChainEvent = { sourceId: 'sequencer', chainId: 1, name: 'ClaimRewards', blockNumber: 9n, blockTime: NOW / 1000, logIndex: 0, txHash: '0xcc', args: { sequencerId: 4n, amount: 500n * 10n ** 18n, recipient: 0x1234n } };
const unlock: ChainEvent = { sourceId: 'sequencer', chainId: 1, name: 'UnlockInit', blockNumber: 9n, blockTime: NOW / 1000, logIndex: 1, txHash: '0xdd', args: { sequencerId: 4n, amount: 340_000n * 10n ** 18n, unlockClaimTime: BigInt(NOW / 1000 + 21 * 86_400) } };

const all: Record<string, Reply> = {
  'depeg fire': depegMessage(fire, depeg, zh),
  'depeg critical on spot': depegMessage(critical, { ...depeg, basis: 'spot', bps: -300, price: figure(0.97) }, zh),
  'depeg escalate': depegMessage(escalate, { ...depeg, bps: -320, price: figure(0.968) }, zh),
  'depeg recover': depegMessage(recover({ measure: 320, reading: -320 }), { ...depeg, bps: -12, price: figure(0.9988) }, zh),
  'apy fire': apyDropMessage(fire, apy, zh),
  'apy recover': apyDropMessage(recover({ measure: 1.6, reading: 0.182 }), { ...apy, current: 0.251 }, zh),
  'apy fire on the sequencer': apyDropMessage(fire, { ...apy, label: 'Sequencer mining', metric: 'nominal APR' }, zh),
  'leverage fire': leverageMessage({ ...fire, startedAt: NOW }, leverage, zh),
  'leverage recover': leverageMessage(recover({ measure: 16.2, reading: 16.2 }), { ...leverage, leverage: 1.15, changePercent: 2.77 }, zh),
  'halt fire': haltMessage(fire, halt, zh),
  'halt recover': haltMessage(recover({ measure: 899, reading: 899 }), { ...halt, haltSeconds: 1 }, zh),
  'stale fire': staleMessage(fire, stale, zh),
  'stale recover': staleMessage(recover({ measure: 2_700, reading: 2_700 }), { ...stale, ageSeconds: 60 }, zh),
  reward: rewardMessage(reward, zh),
  'active fire': activeSetMessage(fire, 2, 3, zh),
  'active recover': activeSetMessage(recover({ measure: 1, reading: 2 }), 3, 3, zh),
  'base fire': baseFallMessage(fire, { percent: 9.09, now: 1_000_000, then: 1_100_000 }, 5, zh),
  'base recover': baseFallMessage(recover({ measure: 9, reading: 9 }), { percent: 1, now: 1_089_000, then: 1_100_000 }, 5, zh),
  'operator fire': operatorShareMessage(fire, 'ENKI', 55, 50, zh),
  'operator recover': operatorShareMessage(recover({ measure: 55, reading: 55 }), 'ENKI', 28, 50, zh),
  'stall fire': stallMessage(fire, { name: 'ENKI 2', seqId: 4, status: 'active', locked: figure(340_000), hours: 25, since: NOW / 1000 - 25 * 3_600 }, 24, zh),
  'stall recover': stallMessage(recover({ measure: 30, reading: 30 }), { name: 'ENKI 2', seqId: 4, status: 'active', locked: figure(340_000), hours: 0 }, 24, zh),
  'stall recover, exited': stallMessage(recover({ measure: 30, reading: 30 }), { name: 'ENKI 2', seqId: 4, status: 'exited', locked: figure(340_000), hours: 0 }, 24, zh),
  status: statusChangeMessage(row, 'active', zh),
  claim: claimMessage(row, claim, zh),
  exit: sequencerExits(view, [unlock], { after: '' }).exits[0]!.reply(zh),
  join: sequencerJoins({ ...view, rows: [{ ...row, seqId: 7, status: 'active' }] }, { maxId: 4 }).joins[0]!.reply(zh),
};

const expected: Record<string, string[]> = {
  'depeg fire': [
    '⚠️ 脱锚警告：eMetis/METIS',
    'eMetis 成交价 0.9870 METIS，公允价值 1.0000 METIS：以 30 min TWAP 价格计脱锚 −130 bps（警告线 50 bps，严重线 200 bps）。',
    '自 07:55 UTC（5 min 前）起超过 50 bps 警告线。',
    '更多：/apy eMetis-METIS',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'depeg critical on spot': [
    '🚨 脱锚严重：eMetis/METIS',
    'eMetis 成交价 0.9700 METIS，公允价值 1.0000 METIS：以现货价格计脱锚 −300 bps（警告线 50 bps，严重线 200 bps）。',
    '自 07:55 UTC（5 min 前）起超过 50 bps 警告线。',
    '更多：/apy eMetis-METIS',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'depeg escalate': [
    '🚨 脱锚升级为严重：eMetis/METIS',
    'eMetis 成交价 0.9680 METIS，公允价值 1.0000 METIS：以 30 min TWAP 价格计脱锚 −320 bps（警告线 50 bps，严重线 200 bps）。',
    '自 07:45 UTC（15 min 前）起超过 50 bps 警告线，最严重 −320 bps（08:00 UTC）。',
    '更多：/apy eMetis-METIS',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'depeg recover': [
    '✅ 脱锚解除：eMetis/METIS',
    'eMetis 成交价 0.9988 METIS，公允价值 1.0000 METIS：以 30 min TWAP 价格计脱锚 −12 bps，已回到 50 bps 警告线以内；按设置在 30 bps 解除。本次脱锚持续 40 min（自 07:20 UTC 起），最严重 −320 bps（07:35 UTC）。',
    '更多：/apy eMetis-METIS',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'apy fire': [
    '⚠️ APY 下跌：seMetis',
    '24 h APY 现为 18.20%，其 7 d 均值为 26.55%：低 8.35 pp（31.5 %）（低于均值 20 % 或 3 pp 时预警）。',
    '自 07:55 UTC（5 min 前）起低于阈值。',
    '更多：/apy seMetis',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'apy recover': [
    '✅ APY 已恢复：seMetis',
    '24 h APY 现为 25.10%，其 7 d 均值为 26.55%：已回到均值的 20 % 或 3 pp 以内；按设置在 12 % 或 1.8 pp 以内解除。本次下跌持续 40 min（自 07:20 UTC 起）；最低 18.20%（07:35 UTC）。',
    '更多：/apy seMetis',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'apy fire on the sequencer': [
    '⚠️ APY 下跌：Sequencer mining',
    '名义 APR 现为 18.20%，其 7 d 均值为 26.55%：低 8.35 pp（31.5 %）（低于均值 20 % 或 3 pp 时预警）。',
    '自 07:55 UTC（5 min 前）起低于阈值。',
    '更多：/apy seMetis',
    '(数据：链 1088 的区块 200，1 min 前读取。)',
  ],
  'leverage fire': [
    '⚠️ 杠杆塔变动',
    '杠杆现为 1.278×，24 h 前为 1.119×：+14.2 %（24 h 内变动达 ±10 % 时预警）。',
    '自 08:00 UTC（刚刚）起超过 ±10 %。',
    '更多：/leverage',
    '(数据：链 1 的区块 100，1 min 前读取。)',
  ],
  'leverage recover': [
    '✅ 杠杆塔已回稳',
    '杠杆现为 1.150×，24 h 前为 1.119×：+2.8 %，已回到 10 % 触发线以内；按设置在 6 % 解除。本次变动持续 40 min（自 07:20 UTC 起）；最大变动 +16.2 %（07:35 UTC）。',
    '更多：/leverage',
    '(数据：链 1 的区块 100，1 min 前读取。)',
  ],
  'halt fire': [
    '⚠️ Metis Andromeda 已 14 min 未出块',
    '区块头 #237（链 1088）自 07:45 UTC（15 min 前）起未变：RPC 有响应，但链没有前进（超过 5 min 视为停链）。',
    '来自该链的数据与该区块一样旧。',
    '更多：/status',
    '(数据：1 s 前读取链。)',
  ],
  'halt recover': [
    '✅ Metis Andromeda 已恢复出块',
    '新区块头 #237（链 1088），已回到 5 min 停链阈值以内；其数据恢复为最新。区块头此前至少停滞了 14 min（自 07:20 UTC 起）。',
    '更多：/status',
    '(数据：1 s 前读取链。)',
  ],
  'stale fire': [
    '⚠️ 数据过期：seMetis',
    '已 40 min 没有成功读取（最后一次在 07:20 UTC，链 1088 的区块 200）；超过 30 min 即视为过期。恢复之前任何预警都不使用它。',
    '最近的错误：convertToAssets reverted',
    '更多：/status',
  ],
  'stale recover': [
    '✅ 数据已恢复：seMetis',
    '1 min 前读取于链 1088 的区块 200；已回到 30 min 过期阈值以内。过期持续了 40 min（自 07:20 UTC 起）；最长 45 min 没有成功读取。',
    '更多：/status',
  ],
  reward: [
    '🔔 奖励变更：Sequencer mining',
    '每个 L2 区块的奖励 0.0125 → 0.0150 METIS，+20.2 %。',
    '名义 APR 19.59% → 23.55%（锁仓 METIS 与出块时间按当前计）。',
    '交易 https://etherscan.io/tx/0xabababababababababababababababababababababababababababababababcd，链 1 的区块 101，07:45 UTC（15 min 前）。',
    '更多：/apy sequencer',
  ],
  'active fire': [
    '⚠️ 活跃排序器数量偏少',
    '活跃排序器 2 个（少于 3 个时预警）。',
  ],
  'active recover': [
    '✅ 活跃排序器数量已恢复',
    '活跃排序器 3 个（少于 3 个时预警）。',
  ],
  'base fire': [
    '⚠️ 排序器锁仓正在下降',
    '排序器锁仓的 METIS：1.00M，比 24 h 前的 1.10M 低 9.1%（下降 5% 时预警）。',
  ],
  'base recover': [
    '✅ 排序器锁仓已恢复',
    '排序器锁仓的 METIS：1.09M，比 24 h 前的 1.10M 低 1.0%（下降 5% 时预警）。',
  ],
  'operator fire': [
    '⚠️ 单一运营方占比过高：ENKI',
    'ENKI 运行着排序器锁仓 METIS 的 55.0%（超过 50% 时预警；同一协议的排序器合并计算）。',
  ],
  'operator recover': [
    '✅ 运营方占比已回落：ENKI',
    'ENKI 运行着排序器锁仓 METIS 的 28.0%（超过 50% 时预警；同一协议的排序器合并计算）。',
  ],
  'stall fire': [
    '⏸️ 排序器 ENKI 2：奖励未增长',
    '处于活跃状态，锁仓 340.00k METIS，但其已赚奖励（未领取加已领取）已 25 h 没有增长，自 2027-01-14 07:00 UTC 起（达到 24 h 时预警）。停止出块的排序器也就停止了收益。',
  ],
  'stall recover': [
    '✅ 排序器 ENKI 2：奖励重新开始增长',
    '其奖励此前停滞最长 30 h（达到 24 h 时预警）。',
  ],
  'stall recover, exited': [
    '✅ 排序器 ENKI 2：当前状态为已退出',
    '其奖励此前停滞最长 30 h（达到 24 h 时预警）。',
  ],
  status: [
    '🔁 排序器 ENKI 2：活跃 → 退出中（2027-02-05 UTC 起可领取）',
    '排序器 4，锁仓 340.00k METIS。',
  ],
  claim: [
    '💰 排序器 ENKI 2 领取了 500 METIS',
    '已支付至 0x0000000000000000000000000000000000001234；仍有 1.25k METIS 未领取。',
  ],
  exit: [
    '🚪 排序器退出中：ENKI 2',
    '已开始退出，锁仓 340.00k METIS，占排序器锁仓的 34.0%；2027-02-05 UTC 起可领取。',
  ],
  join: [
    '🆕 新排序器：ENKI 2',
    '排序器 7（由 ENKI 运营）：锁仓 340.00k METIS，占排序器锁仓的 34.0%；活跃。',
  ],
};

/** A message id left in the text, a raw placeholder, or ASCII punctuation against Chinese text. */
const LEAKS = [/\balert-[a-z]/, /\blevel-[a-z]/, /\{\s*\$/, /[\u4e00-\u9fff][,;:()]/, /[,;:()][\u4e00-\u9fff]/];

describe('every alert, recovery and notice in Chinese', () => {
  for (const [name, reply] of Object.entries(all)) {
    it(`${name}: real Chinese, figures as in English, no message id`, () => {
      const lines = text(reply).split('\n');
      expect(lines).toEqual(expected[name]);
      // The note's brackets are the test's own (as the console prints it); the message inside is checked.
      for (const leak of LEAKS) expect(lines.map((l) => l.replace(/^\((.*)\)$/, '$1')).join('\n')).not.toMatch(leak);
      expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('the reward notice keeps its transaction a link in Chinese', () => {
    const [paragraph] = rewardMessage(reward, zh).blocks;
    const parts = paragraph?.kind === 'paragraph' ? paragraph.parts : [];
    expect(parts).toContainEqual({ text: '0xababab…ababcd', style: 'link', url: reward.txUrl });
  });
});
