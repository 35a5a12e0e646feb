import { describe, expect, it } from 'vitest';
import { localeOfTag, localeOfWord } from '../../src/i18n/locale.ts';
import { english, translator } from '../../src/i18n/translator.ts';

describe('translator', () => {
  it('GIVEN a message in both languages THEN each language answers with its own text', () => {
    expect(english('cmd-help')).toBe('What this bot can do');
    expect(translator('zh-CN')('cmd-help')).toBe('这个机器人能做什么');
    expect(translator('zh-CN').locale).toBe('zh-CN');
  });

  it('GIVEN an id no language has THEN the id itself, never an exception', () => {
    expect(translator('zh-CN')('no-such-message')).toBe('no-such-message');
  });

  it('GIVEN arguments THEN they are placed without Unicode isolation marks', () => {
    expect(english('lang-set', { language: 'English' })).toBe('This chat now gets answers, alerts and digests in English.');
    expect(translator('zh-CN')('lang-set', { language: '中文' })).toBe('本聊天的回复、预警和摘要现在使用中文。');
  });
});

describe('locale tags and words', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-hans', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en', 'en'],
    ['de', 'en'],
    ['zhx', 'en'],
    [undefined, undefined],
  ])('GIVEN the client language %s THEN %s', (tag, locale) => {
    expect(localeOfTag(tag)).toBe(locale);
  });

  it.each([
    ['en', 'en'],
    ['ZH', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['中文', 'zh-CN'],
    ['fr', undefined],
  ])('GIVEN /lang %s THEN %s', (word, locale) => {
    expect(localeOfWord(word)).toBe(locale);
  });
});
