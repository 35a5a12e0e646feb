import { describe, expect, it } from 'vitest';
import type { CommandContext, CommandDefinition } from '../../commands/command.ts';
import { commands, handleCommandText, runCommand, usageReply } from '../../commands/registry.ts';
import { UserError } from '../../commands/userError.ts';
import { translator } from '../../src/i18n/translator.ts';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { context } from './snapshotFixture.ts';

const zh: CommandContext = { ...context, t: translator('zh-CN') };
const SIMULATE_USAGE = '/simulate <amount> [duration] [strategy] [mode] [compound] [ltv=…] [loops=…] [borrow=…] [lt=…]';
const usage = (reply: Reply | undefined) => {
  expect(reply?.kind).toBe('usage');
  return reply!.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
};

describe('usage replies in the chat\'s language', () => {
  it('GIVEN an unknown command in a Chinese chat THEN the mistake and the command list in Chinese, the commands as typed', () => {
    expect(usage(handleCommandText('/nope', zh))).toBe(`未知命令 /nope。\n命令：${commands.map((c) => `/${c.name}`).join(' ')}`);
  });

  it('GIVEN a text too long THEN its length and the limit in Chinese, then the usage line', () => {
    expect(usage(handleCommandText(`/apy ${'x'.repeat(600)}`, zh))).toBe('这条消息太长，不能作为命令（605 个字符；最多 512 个）。\n用法：/apy [asset]');
  });

  it.each([
    ['/simulate 0', 'amount 必须在 0.000001 到 1,000,000,000,000 之间，不能是 0。'],
    ['/simulate amount=lots', 'amount 必须是数字，不能是“lots”（例如 1000、1,000、1k、2.5m、1e3）。'],
    ['/simulate 1000 11y', 'duration 的值“11y”无效：应为 12h、30d、12w、6m（月）、1y；范围 1h 到 10y。'],
    ['/simulate 1000 ltv=1', 'ltv 必须大于等于 0 且小于 1，不能是 1。'],
    ['/simulate 1000 ltv=lots', 'ltv 必须是数字，不能是“lots”（例如 0.7 或 70%）。'],
    ['/simulate 1000 borrow=x', 'borrow 必须是数字，不能是“x”（例如 4.5% 或 0.045）。'],
    ['/simulate 1000 lt=0', 'lt 必须大于 0 且小于等于 1，不能是 0。'],
    ['/simulate 1000 lt=x', 'lt 必须是数字，不能是“x”（例如 0.8 或 80%）。'],
    ['/simulate 1000 loops=2.5', 'loops 必须是数字，不能是“2.5”。'],
    ['/simulate 1000 compound=hourly', '无法识别的 compound：“hourly”。可选：daily、weekly、monthly、none。'],
    ['/simulate 1000 pool=x', '未知选项：“pool”。'],
    ['/simulate 1000 1y seMetis loop daily extra', '多余的参数：“extra”。'],
    [
      '/simulate 1000 doge',
      '“doge”不匹配任何选项；应为以下之一：duration（12h、30d、12w、6m（月）、1y；范围 1h 到 10y）、strategy（sequencer、seMetis）、mode（hold、loop）、compound（daily、weekly、monthly、none）。',
    ],
  ])('GIVEN %s in a Chinese chat THEN "%s" and the usage line', (line, message) => {
    expect(usage(handleCommandText(line, zh))).toBe(`${message}\n用法：${SIMULATE_USAGE}`);
  });

  it('GIVEN a word no option takes, one of them a plain number THEN "a number" in Chinese among the candidates', () => {
    const command: CommandDefinition = {
      name: 'pick',
      positionalByShape: ['count', 'side'],
      options: [
        { name: 'count', type: 'integer' },
        { name: 'side', type: 'string', choices: () => ['left', 'right'] },
      ],
      run: () => ({ kind: 'answer', blocks: [] }),
    };
    expect(usage(runCommand(command, ['doge'], zh))).toBe('“doge”不匹配任何选项；应为以下之一：count（数字）、side（left、right）。\n用法：/pick [count] [side]');
    expect(usage(runCommand(command, ['doge'], context))).toBe('"doge" fits no option; expected one of: count (a number), side (left, right).\nUsage: /pick [count] [side]');
  });

  it('GIVEN no context or one without a language THEN English, as before', () => {
    const error = new UserError('unknown-command', { command: '/nope' });
    expect(usage(usageReply(error))).toBe(`Unknown command /nope.\nCommands: ${commands.map((c) => `/${c.name}`).join(' ')}`);
    expect(usage(handleCommandText('/simulate 1000 doge', context))).toBe(
      `"doge" fits no option; expected one of: duration (12h, 30d, 12w, 6m (months), 1y; from 1h to 10y), strategy (sequencer, seMetis), mode (hold, loop), compound (daily, weekly, monthly, none).\nUsage: ${SIMULATE_USAGE}`,
    );
  });
});
