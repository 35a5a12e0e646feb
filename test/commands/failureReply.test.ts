import { describe, expect, it } from 'vitest';
import { commandFailure } from '../../commands/failureReply.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { plainText } from '../../src/vocabulary/reply.ts';

describe('commandFailure', () => {
  it('GIVEN a reference THEN the reply is a neutral usage paragraph naming it, in code style', () => {
    const failure = commandFailure('0a1b2c3d');
    expect(failure.ref).toBe('0a1b2c3d');
    expect(failure.reply).toEqual({
      kind: 'usage',
      blocks: [{ kind: 'paragraph', parts: ['Something went wrong answering that; it has been logged with the reference ', { text: '0a1b2c3d', style: 'code' }, '.'] }],
    });
  });

  it('GIVEN no reference THEN a new 8-hex-character one each time', () => {
    const refs = new Set(Array.from({ length: 200 }, () => commandFailure().ref));
    expect(refs.size).toBe(200);
    for (const ref of refs) expect(ref).toMatch(/^[0-9a-f]{8}$/);
    const failure = commandFailure();
    const block = failure.reply.blocks[0];
    expect(block?.kind === 'paragraph' ? plainText(block.parts) : '').toContain(failure.ref);
  });
});

describe('commandFailure in the chat\'s language', () => {
  it('GIVEN Chinese THEN the same reference in code style, in a Chinese sentence', () => {
    const failure = commandFailure('0a1b2c3d', translator('zh-CN'));
    expect(failure.reply).toEqual({
      kind: 'usage',
      blocks: [{ kind: 'paragraph', parts: ['处理这条命令时出错了，已记录到日志，编号 ', { text: '0a1b2c3d', style: 'code' }, '。'] }],
    });
  });

  it('GIVEN a language but no reference THEN a new reference, in that language', () => {
    const failure = commandFailure(undefined, translator('zh-CN'));
    expect(failure.ref).toMatch(/^[0-9a-f]{8}$/);
    const block = failure.reply.blocks[0];
    expect(block?.kind === 'paragraph' ? plainText(block.parts) : '').toBe(`处理这条命令时出错了，已记录到日志，编号 ${failure.ref}。`);
  });

  it('GIVEN English explicitly THEN the reply of the old call', () => {
    expect(commandFailure('0a1b2c3d', english)).toEqual(commandFailure('0a1b2c3d'));
  });
});
