import { describe, expect, it } from 'vitest';
import { createCommandGate, rateLimitedReply } from '../../commands/commandGate.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { english, translator, type Translator } from '../../src/i18n/translator.ts';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { context } from './snapshotFixture.ts';

const text = (reply: Reply | undefined) => reply?.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
const zh = translator('zh-CN');

describe('the command gate in the chat\'s language', () => {
  it('GIVEN a user over the limit THEN the refusal in Chinese, the limit and the wait filled in', () => {
    expect(text(rateLimitedReply(20, 12_400, zh))).toBe('你发送命令的速度超过了我的回复速度（每分钟最多 20 条）。请在 13s 后重试。');
    expect(rateLimitedReply(20, 12_400, zh).kind).toBe('usage');
  });

  it('GIVEN no language, or English THEN the English refusal as before', () => {
    const en = 'You are sending commands faster than I answer them (at most 20 a minute). Please try again in 13s.';
    expect(text(rateLimitedReply(20, 12_400))).toBe(en);
    expect(text(rateLimitedReply(20, 12_400, english))).toBe(en);
  });

  it('GIVEN a request with its chat language THEN the gate refuses in it, and asks for the language only to refuse', async () => {
    let now = 0;
    const gate = createCommandGate({ rateLimitPerMinute: 1, now: () => now });
    const asked: string[] = [];
    const language = (): Translator => {
      asked.push('zh');
      return zh;
    };
    const request = { platform: 'telegram' as const, userId: 7, command: 'apy', language };
    const apy = () => handleCommandText('/apy', { ...context, t: zh });
    expect((await gate.serve(request, apy))?.kind).toBe('answer');
    expect(asked).toEqual([]);
    now = 1_000;
    expect(text(await gate.serve(request, apy))).toBe('你发送命令的速度超过了我的回复速度（每分钟最多 1 条）。请在 59s 后重试。');
    expect(asked).toEqual(['zh']);
    // The rest of a flood gets no notice on Telegram, and costs no lookup.
    expect(await gate.serve(request, apy)).toBeUndefined();
    expect(asked).toEqual(['zh']);
  });
});
