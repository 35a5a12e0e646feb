import { describe, expect, it } from 'vitest';
import { describeUserError, UserError, type UserErrorIdentifier } from '../../commands/userError.ts';
import { english, translator } from '../../src/i18n/translator.ts';

const zh = translator('zh-CN');

/** Every kind of mistake, with the context its parser gives it, and its words in English and Chinese. */
const CASES: readonly (readonly [UserErrorIdentifier, UserError['context'], string, string])[] = [
  ['unknown-command', { command: '/nope' }, 'Unknown command /nope.', '未知命令 /nope。'],
  ['unknown-choice', { option: 'compound', value: 'hourly', choices: ['daily', 'weekly'] }, 'Unknown compound "hourly". Known: daily, weekly.', '无法识别的 compound：“hourly”。可选：daily、weekly。'],
  [
    'unknown-choice',
    { option: 'asset', value: 'semetsi', choices: ['sequencer', 'seMetis'], meant: 'seMetis' },
    'Unknown asset "semetsi". Did you mean seMetis? Known: sequencer, seMetis.',
    '无法识别的 asset：“semetsi”。你是不是想输入 seMetis？可选：sequencer、seMetis。',
  ],
  ['not-a-number', { option: 'loops', value: '2.5' }, 'loops must be a number, not "2.5".', 'loops 必须是数字，不能是“2.5”。'],
  ['not-a-number', { option: 'amount', value: 'lots', expected: '1000, 1k' }, 'amount must be a number, not "lots" (e.g. 1000, 1k).', 'amount 必须是数字，不能是“lots”（例如 1000, 1k）。'],
  ['out-of-range', { option: 'loops', value: 21, min: 0, max: 20 }, 'loops must be between 0 and 20, not 21.', 'loops 必须在 0 到 20 之间，不能是 21。'],
  ['out-of-range', { option: 'ltv', value: 1, min: 0, max: 1, maxExclusive: 1 }, 'ltv must be at least 0 and less than 1, not 1.', 'ltv 必须大于等于 0 且小于 1，不能是 1。'],
  ['out-of-range', { option: 'lt', value: 0, min: 0, max: 1, minExclusive: 1 }, 'lt must be greater than 0 and at most 1, not 0.', 'lt 必须大于 0 且小于等于 1，不能是 0。'],
  ['out-of-range', { option: 'x', value: -1, min: 0, max: Infinity, minExclusive: 1 }, 'x must be greater than 0, not −1.', 'x 必须大于 0，不能是 −1。'],
  ['missing-argument', { option: 'amount' }, 'amount is missing.', '缺少 amount。'],
  ['too-many-arguments', { value: 'extra' }, 'Unexpected "extra".', '多余的参数：“extra”。'],
  ['unknown-option', { option: 'pool' }, 'Unknown option "pool".', '未知选项：“pool”。'],
  ['too-long', { length: 10_004, max: 512 }, 'That message is too long for a command (10,004 characters; at most 512).', '这条消息太长，不能作为命令（10,004 个字符；最多 512 个）。'],
  ['invalid-value', { option: 'time', value: '25:00' }, 'time "25:00" is not valid.', 'time 的值“25:00”无效。'],
  ['invalid-value', { option: 'duration', value: '11y', expected: '1h to 10y' }, 'duration "11y" is not valid: expected 1h to 10y.', 'duration 的值“11y”无效：应为 1h to 10y。'],
  [
    'no-matching-option',
    { value: 'doge', expected: ['mode (hold, loop)', 'compound (daily, none)'] },
    '"doge" fits no option; expected one of: mode (hold, loop), compound (daily, none).',
    '“doge”不匹配任何选项；应为以下之一：mode (hold, loop)、compound (daily, none)。',
  ],
];

describe('describeUserError', () => {
  it.each(CASES)('GIVEN %s %j THEN its words in English and in Chinese', (identifier, context, en, chinese) => {
    const error = new UserError(identifier, context);
    expect(describeUserError(error)).toBe(en);
    expect(describeUserError(error, english)).toBe(en);
    expect(describeUserError(error, zh)).toBe(chinese);
  });

  it('GIVEN every kind THEN one case above says it', () => {
    const kinds: UserErrorIdentifier[] = ['unknown-command', 'unknown-choice', 'not-a-number', 'out-of-range', 'missing-argument', 'too-many-arguments', 'unknown-option', 'too-long', 'invalid-value', 'no-matching-option'];
    expect(new Set(CASES.map(([kind]) => kind))).toEqual(new Set(kinds));
  });

  it('GIVEN what the user typed in Chinese or with controls THEN it is quoted made safe, in either language', () => {
    const error = new UserError('unknown-option', { option: '\u202e池子' });
    expect(describeUserError(error, zh)).toBe('未知选项：“\u2068池子\u2069”。');
    expect(describeUserError(error)).toBe('Unknown option "\u2068池子\u2069".');
  });
});
