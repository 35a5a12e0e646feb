import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { chatLocale } from '../../src/subscriptions/chatLocale.ts';

const HOUR = 3_600_000;

describe("a chat's settings in SQLite: language, overrides, mutes", () => {
  let storage: Storage | undefined;
  afterEach(() => storage?.close());
  const open = () => (storage = openSqliteStore(':memory:')).subscriptions;

  it('GIVEN /lang zh in one chat THEN that chat reads zh-CN, others nothing, and the overrides of the chat are kept', () => {
    const store = open();
    store.setOverride('telegram', '-100', 'depeg-warning', 40);
    const before = store.revision();
    store.setLanguage('telegram', '-100', 'zh-CN');
    expect(store.revision()).toBeGreaterThan(before); // the alert engine re-reads its index
    expect(store.language('telegram', '-100')).toBe('zh-CN');
    expect(store.language('telegram', '-200')).toBeUndefined();
    expect(store.language('discord', '-100')).toBeUndefined();
    expect(store.overrides('telegram', '-100')).toEqual({ 'depeg-warning': 40 });
    store.setLanguage('discord', '7', 'en');
    expect(store.allLanguages()).toEqual(new Map([['telegram:-100', 'zh-CN'], ['discord:7', 'en']]));
  });

  it('GIVEN a language set before any override THEN a later override keeps the language', () => {
    const store = open();
    store.setLanguage('telegram', '5', 'zh-CN');
    expect(store.overrides('telegram', '5')).toEqual({});
    store.setOverride('telegram', '5', 'leverage', 20);
    expect(store.language('telegram', '5')).toBe('zh-CN');
    expect(store.clearOverrides('telegram', '5')).toBe(1);
    expect(store.overrides('telegram', '5')).toEqual({});
    expect(store.language('telegram', '5')).toBe('zh-CN');
    expect(store.clearOverrides('telegram', '5')).toBe(0);
  });

  it('GIVEN a value in the language column the bot does not speak (written by hand) THEN it reads as no choice', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'chat-settings-')), 'bot.db');
    storage = openSqliteStore(file);
    storage.subscriptions.setLanguage('telegram', '5', 'zh-CN');
    const raw = new Database(file);
    raw.prepare("UPDATE chat_settings SET language = 'fr'").run();
    raw.close();
    expect(storage.subscriptions.language('telegram', '5')).toBeUndefined();
    expect(storage.subscriptions.allLanguages().size).toBe(0);
  });

  it('GIVEN mutes THEN only running ones are listed, a new mute of the same pair replaces the old, and unmute ends one or all', () => {
    const store = open();
    const now = 1_000 * HOUR;
    store.mute('telegram', '1', { rule: 'depeg', sourceId: 'pool-a', until: now + 24 * HOUR });
    store.mute('telegram', '1', { rule: 'apy-drop', sourceId: 'vault', until: now + 2 * HOUR });
    store.mute('telegram', '1', { rule: 'halt', sourceId: 'l2', until: now - 1 }); // already over
    store.mute('discord', '9', { rule: 'depeg', sourceId: 'pool-a', until: now + HOUR });
    expect(store.mutes('telegram', '1', now)).toEqual([
      { rule: 'apy-drop', sourceId: 'vault', until: now + 2 * HOUR },
      { rule: 'depeg', sourceId: 'pool-a', until: now + 24 * HOUR },
    ]);
    store.mute('telegram', '1', { rule: 'depeg', sourceId: 'pool-a', until: now + 3 * HOUR });
    expect(store.mutes('telegram', '1', now).find((m) => m.rule === 'depeg')?.until).toBe(now + 3 * HOUR);
    expect(store.allMutes(now)).toEqual(
      new Map([
        ['discord:9', [{ rule: 'depeg', sourceId: 'pool-a', until: now + HOUR }]],
        ['telegram:1', [{ rule: 'apy-drop', sourceId: 'vault', until: now + 2 * HOUR }, { rule: 'depeg', sourceId: 'pool-a', until: now + 3 * HOUR }]],
      ]),
    );
    expect(store.allMutes(now + 2.5 * HOUR).get('telegram:1')).toEqual([{ rule: 'depeg', sourceId: 'pool-a', until: now + 3 * HOUR }]);
    expect(store.unmute('telegram', '1', now, { rule: 'depeg', sourceId: 'pool-a' })).toBe(1);
    expect(store.unmute('telegram', '1', now, { rule: 'depeg', sourceId: 'pool-a' })).toBe(0);
    expect(store.unmute('telegram', '1', now)).toBe(1);
    expect(store.mutes('telegram', '1', now)).toEqual([]);
    expect(store.mutes('discord', '9', now)).toHaveLength(1);
  });
});

describe('chatLocale', () => {
  const store = (chosen?: 'en' | 'zh-CN') => ({ language: () => chosen });

  it.each([
    ['a private chat with a zh client and no choice', undefined, 'private', 'zh-hans', 'zh-CN'],
    ['a private chat with an en client', undefined, 'private', 'en', 'en'],
    ['a private chat whose choice was en, client zh', 'en', 'private', 'zh', 'en'],
    ['a group with a zh member, no choice', undefined, 'group', 'zh', 'en'],
    ['a group that chose zh', 'zh-CN', 'group', 'en', 'zh-CN'],
    ['a channel, no client', undefined, 'channel', undefined, 'en'],
  ] as const)('GIVEN %s THEN %s', (_what, chosen, kind, tag, expected) => {
    expect(chatLocale(store(chosen), { platform: 'telegram', chatId: '1', kind, ...(tag ? { languageTag: tag } : {}) })).toBe(expected);
  });

  it('GIVEN no store (the console) THEN the client language or English', () => {
    expect(chatLocale(undefined, { platform: 'telegram', chatId: '1', kind: 'private', languageTag: 'zh' })).toBe('zh-CN');
    expect(chatLocale(undefined, { platform: 'telegram', chatId: '1', kind: 'group' })).toBe('en');
  });
});
